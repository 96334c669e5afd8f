// The reader pages as views: each takes the data it shows and returns the whole HTML
// document. No I/O and no database here (site.cpp gathers the data), so every page can be
// rendered in a test from plain values.
#pragma once

#include <string>
#include <vector>

#include "articles/article.hpp"
#include "site/layout.hpp"

namespace toasoan::site {

struct ArticlePageData {
  const articles::Article* article = nullptr;
  std::vector<articles::Summary> latest;   // "Tin mới"
  std::vector<articles::Summary> related;  // more from the same category
};
std::string article_page(const SiteInfo& site, const ArticlePageData& data);

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

// 404 and 503, in the site's clothes, in Vietnamese.
std::string not_found_page(const SiteInfo& site);
std::string unavailable_page(const SiteInfo& site);

// The comment box's limits; the browser script and the server's check use the same numbers.
inline constexpr int kCommentMaxChars = 500;
inline constexpr int kCommentMinChars = 5;

}  // namespace toasoan::site
