// RSS 2.0 feeds, the page that lists them, and robots.txt. Views only: the site gathers the
// articles and tells the view each photo's size in bytes (RSS enclosures must give one).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "site/layout.hpp"

namespace toasoan::site {

// How many items a feed carries.
inline constexpr int kFeedItems = 50;

struct Feed {
  std::string title;        // "Tin mới nhất", or the category's name
  std::string path;         // "/rss/tin-moi-nhat.rss"
  std::string link;         // the page the feed follows: "/" or the category's path
  std::vector<articles::Summary> items;
};

// The size in bytes of a stored image for its enclosure, 0 when unknown.
using ImageBytes = std::function<std::int64_t(std::string_view image)>;

std::string rss(const SiteInfo& site, const Feed& feed, const ImageBytes& image_bytes);

// The HTML page at /rss/ that lists every feed.
std::string feeds_page(const SiteInfo& site);

// robots.txt: everything may be crawled but the API, and the sitemaps are named.
std::string robots_txt(const SiteInfo& site);

}  // namespace toasoan::site
