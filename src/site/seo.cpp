#include "site/seo.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "articles/lead_photo.hpp"
#include "media/variants.hpp"
#include "site/routes.hpp"
#include "text/datetime.hpp"

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

void json_ld(render::Html& h, const json& doc) {
  h << "<script type=\"application/ld+json\">"_html;
  h.json_script(doc.dump(-1, ' ', false, json::error_handler_t::replace));
  h << "</script>"_html;
}

json publisher(const SiteInfo& site) {
  return {{"@type", "Organization"},
          {"name", site.name},
          {"url", site.public_url + "/"},
          {"logo", {{"@type", "ImageObject"}, {"url", site.logo}}}};
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

  json authors = json::array();
  for (const auto& name : a.authors) authors.push_back({{"@type", "Person"}, {"name", name}});
  if (authors.empty()) authors.push_back({{"@type", "Organization"}, {"name", site.name}});
  json_ld(h, {{"@context", "https://schema.org"},
              {"@type", "NewsArticle"},
              {"headline", a.title},
              {"description", a.lead},
              {"image", json::array({image})},
              {"datePublished", published},
              {"dateModified", modified},
              {"author", authors},
              {"publisher", publisher(site)},
              {"articleSection", a.category_name},
              {"commentCount", a.comment_count},
              {"inLanguage", "vi"},
              {"mainEntityOfPage", {{"@type", "WebPage"}, {"@id", url}}}});
  json_ld(h, {{"@context", "https://schema.org"},
              {"@type", "BreadcrumbList"},
              {"itemListElement",
               json::array({{{"@type", "ListItem"}, {"position", 1}, {"name", "Trang chủ"}, {"item", site.public_url + "/"}},
                            {{"@type", "ListItem"},
                             {"position", 2},
                             {"name", a.category_name},
                             {"item", site.public_url + category_path(a.category_slug)}},
                            {{"@type", "ListItem"}, {"position", 3}, {"name", a.title}, {"item", url}}})}});
}

void home_metadata(render::Html& h, const SiteInfo& site) {
  meta_property(h, "og:type", "website");
  meta_property(h, "og:site_name", site.name);
  meta_property(h, "og:locale", "vi_VN");
  meta_property(h, "og:title", site.name);
  meta_property(h, "og:url", site.public_url + "/");
  meta_property(h, "og:image", site.default_image);
  meta_name(h, "twitter:card", "summary_large_image");
  json_ld(h, {{"@context", "https://schema.org"},
              {"@type", "WebSite"},
              {"name", site.name},
              {"url", site.public_url + "/"},
              {"inLanguage", "vi"},
              {"potentialAction",
               {{"@type", "SearchAction"},
                {"target", {{"@type", "EntryPoint"}, {"urlTemplate", site.public_url + "/tim-kiem?q={search_term_string}"}}},
                {"query-input", "required name=search_term_string"}}}});
  json org = publisher(site);
  org["@context"] = "https://schema.org";
  json_ld(h, org);
}

}  // namespace toasoan::site
