// The reading site's URL scheme, in both directions: a request path to the page it names, and
// a piece of content to its canonical path. Every link the site writes comes from here, so the
// two directions cannot drift apart.
//
//   /                                    home
//   /<category-slug>/                    category (…?page=N)
//   /<category-slug>/<title-slug>-<id>.html   article
//   /static/<name>.<hash>.<ext>          static asset
//   /media/<path>                        uploaded or generated media
//   /api/v1/…                            JSON API
//   /rss/, /rss/<feed>.rss               feeds: the list, and one feed
//   /sitemap.xml, /sitemap-….xml         sitemap index and its parts
//   /robots.txt
//   /tim-kiem?q=…                        search
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "articles/article.hpp"

namespace toasoan::site {

struct Route {
  enum class Kind { home, category, article, search, asset, media, api, feeds, feed, sitemap, robots, not_found };
  Kind kind = Kind::not_found;
  std::string_view category_slug;  // category, article
  std::string_view title_slug;     // article (as requested; may be stale)
  std::int64_t id = 0;             // article
  std::string_view rest;           // asset name, media path, API path after /api/v1/, feed name
                                   // (without .rss), sitemap file name
};

// Classifies a request path (the part before '?'). Never fails: anything it does not know is
// not_found. Slugs are matched as sent; the caller redirects a stale one.
Route parse_route(std::string_view path);

std::string article_path(std::string_view category_slug, std::string_view title_slug, std::int64_t id);
std::string article_path(const articles::Summary& s);
std::string article_path(const articles::Article& a);
std::string category_path(std::string_view category_slug);

}  // namespace toasoan::site
