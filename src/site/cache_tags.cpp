#include "site/cache_tags.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

#include "store/comments.hpp"
#include "store/photos.hpp"

namespace toasoan::site::tags {

std::string article(std::int64_t id) { return "article:" + std::to_string(id); }

std::string listing(std::int64_t category_id) { return "listing:" + std::to_string(category_id); }

std::string comments(std::int64_t id) { return "comments:" + std::to_string(id); }
std::string counted(std::int64_t id) { return "counted:" + std::to_string(id); }

void add_articles(std::vector<std::string>& tags, const std::vector<articles::Summary>& items) {
  for (const auto& s : items) tags.push_back(article(s.id));
}

void add_articles_with_counts(std::vector<std::string>& tags, const std::vector<articles::Summary>& items) {
  for (const auto& s : items) {
    tags.push_back(article(s.id));
    tags.push_back(counted(s.id));
  }
}

namespace {

// The article of a `comment` entry's key, "<article id>:<comment id>"; nullopt when malformed.
std::optional<std::int64_t> commented_article(std::string_view key) {
  auto colon = key.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + colon, id);
  if (ec != std::errc() || end != key.data() + colon || id < 1) return std::nullopt;
  return id;
}

void dedupe(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

Purge tags_for(const std::vector<store::Change>& changes) {
  Purge p;
  for (const auto& c : changes) {
    if (c.topic == store::topic::article) {
      p.tags.push_back("article:" + c.key);
      // An article's words are in the index and its date in the sitemaps, wherever it is listed.
      p.tags.push_back(search);
      p.tags.push_back(sitemap);
    } else if (c.topic == store::topic::listing) {
      p.tags.push_back("listing:" + c.key);
      p.tags.push_back(all_listings);
      p.tags.push_back(search);
      p.tags.push_back(sitemap);
    } else if (c.topic == store::topic::comment) {
      // What readers see of a comment changed: the pages showing its article's comments. Its
      // words are in no search index and its time in no sitemap.
      if (auto id = commented_article(c.key)) p.tags.push_back(comments(*id));
      else p.everything = true;
    } else if (c.topic == store::topic::comment_count) {
      p.tags.push_back("counted:" + c.key);
    } else if (c.topic == "piece" || c.topic == "setting" || c.topic == "account" ||
               c.topic == store::topic::comment_queue || c.topic == store::topic::photo) {
      // The moderation queue is the newsroom's; readers see a comment only once approved. A
      // library photo reaches readers copied into articles, which purge through `article`.
      // Newsroom work readers cannot see (drafts, autosaves, the chain, users): no page shows it.
    } else {
      // A category (every page's menu) or a topic this version does not know: nothing is safe.
      p.everything = true;
    }
  }
  dedupe(p.tags);
  return p;
}

Purge tags_for_due(const std::vector<std::int64_t>& categories) {
  Purge p;
  p.tags = {all_listings, search, sitemap};
  for (auto id : categories) p.tags.push_back(listing(id));
  dedupe(p.tags);
  return p;
}

}  // namespace toasoan::site::tags
