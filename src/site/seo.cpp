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

// `s` as a JSON string, quoted. Text that is not UTF-8 (it should never reach a page) goes
// through nlohmann, which puts U+FFFD for each broken sequence.
std::string json_text(std::string_view s) {
  if (!text::valid_utf8(s)) return json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(s.size() + 2);
  append_json_string(out, s);
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

  std::string authors;
  for (const auto& name : a.authors)
    authors += (authors.empty() ? "" : ",") + std::string(R"({"@type":"Person","name":)") + json_text(name) + "}";
  if (authors.empty()) authors = R"({"@type":"Organization","name":)" + json_text(site.name) + "}";
  json_ld(h, R"({"@context":"https://schema.org","@type":"NewsArticle","headline":)" + json_text(a.title) +
                 R"(,"description":)" + json_text(a.lead) + R"(,"image":[)" + json_text(image) +
                 R"(],"datePublished":)" + json_text(published) + R"(,"dateModified":)" + json_text(modified) +
                 R"(,"author":[)" + authors + R"(],"publisher":)" + publisher(site) +
                 R"(,"articleSection":)" + json_text(a.category_name) +
                 R"(,"commentCount":)" + std::to_string(a.comment_count) +
                 R"(,"inLanguage":"vi","mainEntityOfPage":{"@type":"WebPage","@id":)" + json_text(url) + "}}");
  auto crumb = [](int position, std::string_view name, std::string_view item) {
    return R"({"@type":"ListItem","position":)" + std::to_string(position) + R"(,"name":)" + json_text(name) +
           R"(,"item":)" + json_text(item) + "}";
  };
  json_ld(h, R"({"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[)" +
                 crumb(1, "Trang chủ", site.public_url + "/") + "," +
                 crumb(2, a.category_name, site.public_url + category_path(a.category_slug)) + "," +
                 crumb(3, a.title, url) + "]}");
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
