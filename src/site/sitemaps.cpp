#include "site/sitemaps.hpp"

#include <charconv>
#include <cstdio>

#include "articles/limits.hpp"
#include "site/routes.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {

using namespace render::literals;

namespace {

constexpr auto kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"_html;

bool number(std::string_view s, int& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

std::vector<SitemapPart> article_sitemap_parts(const std::vector<articles::ArchiveMonth>& months, int urls_per_file) {
  std::vector<SitemapPart> parts;
  for (const auto& m : months) {
    std::int64_t files = std::max<std::int64_t>(1, (m.articles + urls_per_file - 1) / urls_per_file);
    for (std::int64_t p = 1; p <= files; ++p) {
      char name[64];
      std::snprintf(name, sizeof name, "sitemap-articles-%04d-%02d-%lld.xml", m.year, m.month,
                    static_cast<long long>(p));
      parts.push_back({name, m.last_modified});
    }
  }
  return parts;
}

bool parse_article_sitemap_name(std::string_view name, int& year, int& month, int& part) {
  constexpr std::string_view prefix = "sitemap-articles-", suffix = ".xml";
  if (!name.starts_with(prefix) || !name.ends_with(suffix)) return false;
  name = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  // YYYY-MM-N
  if (name.size() < 9 || name[4] != '-' || name[7] != '-') return false;
  if (!number(name.substr(0, 4), year) || !number(name.substr(5, 2), month) || !number(name.substr(8), part))
    return false;
  return year >= articles::limits::kEarliestYear && month >= 1 && month <= 12 && part >= 1 && name.substr(8).front() != '0';
}

std::string sitemap_index(const SiteInfo& site, const std::vector<SitemapPart>& parts) {
  render::Xml x;
  x << kXmlHead << "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"_html
    << "<sitemap><loc>"_html << site.public_url << "/sitemap-categories.xml</loc></sitemap>"_html
    << "<sitemap><loc>"_html << site.public_url << "/sitemap-news.xml</loc></sitemap>"_html;
  for (const auto& p : parts)
    x << "<sitemap><loc>"_html << site.public_url << "/"_html << p.name << "</loc><lastmod>"_html
      << text::format_iso8601_vn(p.last_modified) << "</lastmod></sitemap>"_html;
  x << "</sitemapindex>\n"_html;
  return x.take();
}

std::string articles_sitemap(const SiteInfo& site, const std::vector<articles::Summary>& items) {
  render::Xml x;
  x << kXmlHead << "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"_html;
  for (const auto& s : items)
    x << "<url><loc>"_html << site.public_url << article_path(s) << "</loc><lastmod>"_html
      << text::format_iso8601_vn(std::max(s.updated_at, s.published_at)) << "</lastmod></url>"_html;
  x << "</urlset>\n"_html;
  return x.take();
}

std::string categories_sitemap(const SiteInfo& site) {
  render::Xml x;
  x << kXmlHead << "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"_html
    << site.public_url << "/</loc><changefreq>hourly</changefreq></url>"_html;
  for (const auto& c : *site.categories)
    x << "<url><loc>"_html << site.public_url << category_path(c.slug) << "</loc><changefreq>hourly</changefreq></url>"_html;
  x << "</urlset>\n"_html;
  return x.take();
}

std::string news_sitemap(const SiteInfo& site, const std::vector<articles::Summary>& items) {
  render::Xml x;
  x << kXmlHead
    << "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
       "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"_html;
  for (const auto& s : items)
    x << "<url><loc>"_html << site.public_url << article_path(s)
      << "</loc><news:news><news:publication><news:name>"_html << site.name
      << "</news:name><news:language>vi</news:language></news:publication><news:publication_date>"_html
      << text::format_iso8601_vn(s.published_at) << "</news:publication_date><news:title>"_html << s.title
      << "</news:title></news:news></url>"_html;
  x << "</urlset>\n"_html;
  return x.take();
}

}  // namespace toasoan::site
