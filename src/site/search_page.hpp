// The search page (/tim-kiem): the form with its filters, the count, the results with the
// matched words marked in their original accented text, pagination, and a helpful page when
// nothing is found. A view only: the site runs the search and fetches the texts.
#pragma once

#include <string>
#include <vector>

#include "articles/article.hpp"
#include "search/query.hpp"
#include "site/layout.hpp"

namespace toasoan::site {

inline constexpr int kSearchPerPage = 10;

struct SearchPageData {
  std::string error;  // a filter that could not be read, said to the reader
  std::string text;  // what the reader typed, shown back in the box
  search::Query query;
  bool truncated = false;
  std::int64_t total = 0;
  bool total_estimated = false;  // "about" total (search::SearchResponse::total_estimated)
  int page = 1;
  int pages = 1;
  int per_page = kSearchPerPage;  // as asked (?per_page=), kept in the links
  struct Result {
    articles::Summary summary;
    std::string text;  // lead and the start of the body, for the snippet
  };
  std::vector<Result> results;
  // The filters as given, to keep them in the form and in the page links.
  std::string category;  // slug
  std::string from, to;  // YYYY-MM-DD
  bool newest = false;
};

std::string search_page(const SiteInfo& site, const SearchPageData& data);

// The query string of a search page with these filters ("q=…&category=…"), percent-encoded.
std::string search_query_string(const SearchPageData& data, int page);

}  // namespace toasoan::site
