// The search filters of a request's query string (q, page, per_page, category, from, to,
// sort), read and checked once for the search page and the API alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "search/searcher.hpp"

namespace toasoan::site {

struct SearchParams {
  search::SearchRequest request;
  std::string category;  // slug, as given
  std::string from, to;  // YYYY-MM-DD, as given
  std::string error;     // non-empty when a parameter could not be read; says which, in Vietnamese
};

// `default_per_page` applies when the query has no per_page; per_page is capped at 50.
SearchParams read_search_params(std::string_view query, const std::vector<articles::Category>& categories,
                                int default_per_page);

}  // namespace toasoan::site
