// Sitemaps for search engines: an index over monthly article sitemaps (split so none holds
// more than the protocol's 50,000 URLs), one for the categories, and a Google News sitemap of
// the last two days' articles. Views only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "site/layout.hpp"

namespace toasoan::site {

// The protocol's limits: URLs per sitemap file, and items in a news sitemap.
inline constexpr int kSitemapUrls = 50000;
inline constexpr int kNewsSitemapItems = 1000;
inline constexpr std::int64_t kNewsSitemapSeconds = 2 * 24 * 3600;

// The parts of the archive: "sitemap-articles-2017-05-1.xml" … with their lastmod.
struct SitemapPart {
  std::string name;
  std::int64_t last_modified = 0;
};
std::vector<SitemapPart> article_sitemap_parts(const std::vector<articles::ArchiveMonth>& months, int urls_per_file);

// Reads "sitemap-articles-YYYY-MM-N.xml"; false when the name is not one.
bool parse_article_sitemap_name(std::string_view name, int& year, int& month, int& part);

std::string sitemap_index(const SiteInfo& site, const std::vector<SitemapPart>& parts);
std::string articles_sitemap(const SiteInfo& site, const std::vector<articles::Summary>& items);
std::string categories_sitemap(const SiteInfo& site);
std::string news_sitemap(const SiteInfo& site, const std::vector<articles::Summary>& items);

}  // namespace toasoan::site
