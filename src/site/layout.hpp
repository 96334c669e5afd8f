// The chrome every reader page shares: <head> with title, description and canonical link,
// the masthead with the paper's name and today's date, the section menu, and the footer.
// Also the small pieces several pages repeat (a list of headlines, a media URL).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "render/html.hpp"
#include "site/assets.hpp"

namespace toasoan::site {

// What every page knows about the site it belongs to.
struct SiteInfo {
  std::string name;        // the paper's name
  std::string public_url;  // "https://baodoimay.vn", no trailing slash
  const std::vector<articles::Category>* categories = nullptr;
  const Assets* assets = nullptr;
  std::int64_t now = 0;
  std::string default_image;  // absolute URL of the picture shared for pages without a photo
  std::string logo;           // absolute URL of the paper's logo (publisher in JSON-LD)
};

// A feed a page points to with <link rel="alternate">.
struct FeedLink {
  std::string title;
  std::string path;
};

struct PageMeta {
  std::string title;        // <title>: the page's own title; the paper's name is appended
  std::string description;  // meta description
  std::string canonical;    // path, made absolute with public_url
  std::string_view active_category;  // slug of the section to mark in the menu
  bool comments_script = false;
  // Kept out of search engines (robots noindex): previews and taken-down articles.
  bool noindex = false;
  std::vector<FeedLink> feeds;  // besides the newest-articles feed every page names
  render::Html head;            // more <head> markup: sharing and search-engine metadata
};

// The feed of the newest articles, named by every page.
FeedLink newest_feed();
std::string category_feed_path(std::string_view category_slug);

void open_page(render::Html& h, const SiteInfo& site, const PageMeta& meta);
void close_page(render::Html& h, const SiteInfo& site, const PageMeta& meta);

// The URL of a stored image: media paths live under /media/, percent-encoded
// (encode_media_path), absolute http(s) URLs from imports are kept, anything else is refused
// ("" means no image). Every page, feed and API answer writes media addresses through it.
std::string media_url(std::string_view image);

// A headline list: link, and the date under it (with the comment count, when there are any).
void headline_list(render::Html& h, const std::vector<articles::Summary>& items);

// " 12 bình luận", a small link to the article's comment section; nothing when it has none.
void comment_count_link(render::Html& h, const articles::Summary& s);

// Cuts text to at most `max_chars` letters at a word boundary, adding "…" when cut.
std::string excerpt(std::string_view text, std::size_t max_chars);

}  // namespace toasoan::site
