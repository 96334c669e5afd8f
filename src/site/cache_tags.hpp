// What a cached page depends on, and which pages a change in the database touches.
//
// A page is tagged when it is rendered with the content it shows: the articles it names and
// the lists it draws from. A change-log entry (store/change_log.hpp) names what a write
// changed; tags_for() turns it into the tags whose pages must go, so a re-imported article
// purges its own page and the pages that list it, and every other page stays cached.
//
//   article:<id>     a page showing this article: its own page, or a headline of it
//   comments:<id>    a page showing this article's readers' comments: its own page and the
//                    list API of its comments; a `comment` change "<article id>:<comment id>"
//                    (approved, edited, pinned, liked…) purges these
//   counted:<id>     a page printing this article's comment count beside it: home, category
//                    and search lists, the API's article objects; a `comment_count` change
//                    purges these. A like changes no count, so it leaves the home page; and the
//                    side lists of article pages ("Tin mới") show no counts, so an approval on
//                    a new article does not empty every article page.
//   listing:all      a page showing the newest articles across categories (home, "Tin mới" on
//                    every article page, the site-wide feed, the news sitemap)
//   listing:<cat>    a page showing a category's newest articles (its pages and feed)
//   search           search answers and suggestions (any article's text may change them)
//   sitemap          the monthly article sitemaps and their index
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "articles/article.hpp"
#include "store/change_log.hpp"

namespace toasoan::site::tags {

inline const std::string all_listings = "listing:all";
inline const std::string search = "search";
inline const std::string sitemap = "sitemap";

std::string article(std::int64_t id);
std::string comments(std::int64_t id);
std::string counted(std::int64_t id);
std::string listing(std::int64_t category_id);

// Adds article:<id> for each item of a list a page shows.
void add_articles(std::vector<std::string>& tags, const std::vector<articles::Summary>& items);
// Adds article:<id> and counted:<id> for each item of a list shown with its comment count.
void add_articles_with_counts(std::vector<std::string>& tags, const std::vector<articles::Summary>& items);

// What to purge for a batch of changes. `everything` is set for a change that every page
// shows (a category's name is in every page's menu): the caller clears the whole cache.
struct Purge {
  std::vector<std::string> tags;
  bool everything = false;
};
Purge tags_for(const std::vector<store::Change>& changes);

// What to purge when scheduled articles become due: no write announces them, so every list
// that could show them goes (`categories` are the ids of every category).
Purge tags_for_due(const std::vector<std::int64_t>& categories);

}  // namespace toasoan::site::tags
