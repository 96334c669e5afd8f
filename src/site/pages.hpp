// The reader pages as views: each takes the data it shows and returns the whole HTML
// document. No I/O and no database here (site.cpp gathers the data), so every page can be
// rendered in a test from plain values.
#pragma once

#include <string>
#include <vector>

#include "articles/article.hpp"
#include "site/layout.hpp"

namespace toasoan::site {

struct CommentSection;  // comments_view.hpp

struct ArticlePageData {
  const articles::Article* article = nullptr;
  // The lists beside it, written out by headline_list() (SideLists keeps them written): "Tin
  // mới", and more from the same category (its box left out when empty).
  render::Html latest;
  render::Html related;
  // The readers' comments under it; null shows the section empty (a preview).
  const CommentSection* comments = nullptr;
};
// The article as readers see it, with the newsroom's latest correction after the body.
std::string article_page(const SiteInfo& site, const ArticlePageData& data);

// The same page for the newsroom before it publishes: a banner "Bản xem trước — chưa xuất bản"
// at the top, robots noindex, and, unless the article is live (published, with a slug, due by
// site.now), no canonical link or sharing metadata naming an address readers cannot open. An
// article with a published_at of 0 shows site.now as its time. Whoever sends it sends it
// uncached (Cache-Control: no-store).
std::string article_preview_page(const SiteInfo& site, const ArticlePageData& data);

struct HomePageData {
  std::vector<articles::Summary> newest;  // the first is the top story
  struct Section {
    articles::Category category;
    std::vector<articles::Summary> items;
  };
  std::vector<Section> sections;
};
std::string home_page(const SiteInfo& site, const HomePageData& data);

struct CategoryPageData {
  articles::Category category;
  std::vector<articles::Summary> items;
  int page = 1;
  int pages = 1;
};
std::string category_page(const SiteInfo& site, const CategoryPageData& data);

// 404, 410 and 503, in the site's clothes, in Vietnamese.
std::string not_found_page(const SiteInfo& site);
// An article that was published and then taken down or retracted: gone, not missing, so
// search engines drop it at once. Kept out of search engines itself.
std::string gone_page(const SiteInfo& site);
std::string unavailable_page(const SiteInfo& site);

// The comment box's limits; the browser script and the server's check use the same numbers.
inline constexpr int kCommentMaxChars = 500;
inline constexpr int kCommentMinChars = 5;

}  // namespace toasoan::site
