#include "site/seo.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "articles/lead_photo.hpp"
#include "base/json_string.hpp"
#include "media/variants.hpp"
#include "site/routes.hpp"
#include "text/datetime.hpp"
#include "text/utf8.hpp"

namespace toasoan::site {

using namespace render::literals;
using nlohmann::json;

namespace {

std::string absolute(const SiteInfo& site, const std::string& url) {
  if (url.starts_with("http://") || url.starts_with("https://")) return url;
  return site.public_url + url;
}

void meta_property(render::Html& h, std::string_view property, std::string_view content) {
  h << "<meta property=\""_html << property << "\" content=\""_html << content << "\">"_html;
}

void meta_name(render::Html& h, std::string_view name, std::string_view content) {
  h << "<meta name=\""_html << name << "\" content=\""_html << content << "\">"_html;
}

// The structured data is written out directly, not built as nlohmann values and dumped: the
// documents are small and of a fixed shape, and building them (a map a node) was a tenth of
// an uncached article page's render.
void json_ld(render::Html& h, std::string_view doc) {
  h << "<script type=\"application/ld+json\">"_html;
  h.json_script(doc);  // also makes <, > and & escapes: no text can end the script
  h << "</script>"_html;
}

// Appends `s` to `doc` as a JSON string, quoted. Text that is not UTF-8 (it should never reach
// a page) goes through nlohmann, which puts U+FFFD for each broken sequence.
void add_text(std::string& doc, std::string_view s) {
  if (!text::valid_utf8(s)) {
    doc += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  append_json_string(doc, s);
}

std::string json_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  add_text(out, s);
  return out;
}

std::string publisher(const SiteInfo& site) {
  return R"({"@type":"Organization","name":)" + json_text(site.name) + R"(,"url":)" + json_text(site.public_url + "/") +
         R"(,"logo":{"@type":"ImageObject","url":)" + json_text(site.logo) + "}}";
}

}  // namespace

std::string share_image(const SiteInfo& site, const articles::Article& a) {
  // The same photo the article shows in lists and feeds; an address media_url() will not
  // serve falls back to the paper's picture there too.
  if (const articles::Block* photo = articles::lead_photo(a.blocks))
    // An uploaded photo shares its 1200-wide JPEG, the size link previews ask for.
    if (std::string url = media_url(media::photo_variant_or(photo->image, "social", "jpeg")); !url.empty())
      return absolute(site, url);
  return site.default_image;
}

void article_metadata(render::Html& h, const SiteInfo& site, const articles::Article& a) {
  std::string url = site.public_url + article_path(a);
  std::string image = share_image(site, a);
  std::string published = text::format_iso8601_vn(a.published_at);
  // A correction is a change readers and search engines should know of, whenever it was made.
  std::string modified = text::format_iso8601_vn(std::max({a.updated_at, a.published_at, a.corrected_at}));
  meta_property(h, "og:type", "article");
  meta_property(h, "og:site_name", site.name);
  meta_property(h, "og:locale", "vi_VN");
  meta_property(h, "og:title", a.title);
  meta_property(h, "og:description", a.lead);
  meta_property(h, "og:url", url);
  meta_property(h, "og:image", image);
  meta_property(h, "article:published_time", published);
  meta_property(h, "article:modified_time", modified);
  meta_property(h, "article:section", a.category_name);
  meta_name(h, "twitter:card", "summary_large_image");
  meta_name(h, "twitter:title", a.title);
  meta_name(h, "twitter:description", a.lead);
  meta_name(h, "twitter:image", image);

  // The structured data written into one string, each piece appended where it goes: built from
  // a concatenation of temporaries, it was a twentieth of an uncached article's render.
  std::string doc;
  doc.reserve(1024 + 3 * (a.title.size() + url.size()) + a.lead.size() + image.size());
  doc += R"({"@context":"https://schema.org","@type":"NewsArticle","headline":)";
  add_text(doc, a.title);
  doc += R"(,"description":)";
  add_text(doc, a.lead);
  doc += R"(,"image":[)";
  add_text(doc, image);
  doc += R"(],"datePublished":)";
  add_text(doc, published);
  doc += R"(,"dateModified":)";
  add_text(doc, modified);
  doc += R"(,"author":[)";
  for (std::size_t i = 0; i < a.authors.size(); ++i) {
    doc += i == 0 ? R"({"@type":"Person","name":)" : R"(,{"@type":"Person","name":)";
    add_text(doc, a.authors[i]);
    doc += '}';
  }
  if (a.authors.empty()) {
    doc += R"({"@type":"Organization","name":)";
    add_text(doc, site.name);
    doc += '}';
  }
  doc += R"(],"publisher":)";
  doc += publisher(site);
  doc += R"(,"articleSection":)";
  add_text(doc, a.category_name);
  doc += R"(,"commentCount":)";
  doc += std::to_string(a.comment_count);
  doc += R"(,"inLanguage":"vi","mainEntityOfPage":{"@type":"WebPage","@id":)";
  add_text(doc, url);
  doc += "}}";
  json_ld(h, doc);

  doc.clear();
  doc += R"({"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[)";
  auto crumb = [&doc](int position, std::string_view name, std::string_view item) {
    if (position > 1) doc += ',';
    doc += R"({"@type":"ListItem","position":)";
    doc += std::to_string(position);
    doc += R"(,"name":)";
    add_text(doc, name);
    doc += R"(,"item":)";
    add_text(doc, item);
    doc += '}';
  };
  crumb(1, "Trang chủ", site.public_url + "/");
  crumb(2, a.category_name, site.public_url + category_path(a.category_slug));
  crumb(3, a.title, url);
  doc += "]}";
  json_ld(h, doc);
}

void home_metadata(render::Html& h, const SiteInfo& site) {
  meta_property(h, "og:type", "website");
  meta_property(h, "og:site_name", site.name);
  meta_property(h, "og:locale", "vi_VN");
  meta_property(h, "og:title", site.name);
  meta_property(h, "og:url", site.public_url + "/");
  meta_property(h, "og:image", site.default_image);
  meta_name(h, "twitter:card", "summary_large_image");
  json_ld(h, R"({"@context":"https://schema.org","@type":"WebSite","name":)" + json_text(site.name) +
                 R"(,"url":)" + json_text(site.public_url + "/") +
                 R"(,"inLanguage":"vi","potentialAction":{"@type":"SearchAction","target":{"@type":"EntryPoint",)"
                 R"("urlTemplate":)" + json_text(site.public_url + "/tim-kiem?q={search_term_string}") +
                 R"(},"query-input":"required name=search_term_string"}})");
  json_ld(h, R"({"@context":"https://schema.org",)" + publisher(site).substr(1));
}

}  // namespace toasoan::site
