#include "site/search_params.hpp"

#include "http/message.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {
namespace {

constexpr int kMaxPage = 1000;
constexpr int kMaxPerPage = 50;

// "2022-12-08" as the first second of that day in Vietnam.
std::optional<std::int64_t> day(const std::string& raw) {
  if (raw.size() != 10) return std::nullopt;
  return text::parse_iso8601(raw);
}

}  // namespace

SearchParams read_search_params(std::string_view query, const std::vector<articles::Category>& categories,
                                int default_per_page) {
  SearchParams p;
  p.request.text = http::query_param(query, "q");
  auto page = http::int_param(query, "page", 1, 1, kMaxPage);
  auto per_page = http::int_param(query, "per_page", default_per_page, 1, kMaxPerPage);
  if (!page) p.error = "Số trang phải là số nguyên từ 1 đến 1000.";
  else if (!per_page) p.error = "Số kết quả mỗi trang phải là số nguyên từ 1 đến 50.";
  else {
    p.request.page = *page;
    p.request.per_page = *per_page;
  }
  p.category = http::query_param(query, "category");
  if (!p.category.empty()) {
    for (const auto& c : categories)
      if (c.slug == p.category) p.request.category_id = c.id;
    if (!p.request.category_id && p.error.empty()) p.error = "Không có chuyên mục «" + p.category + "».";
  }
  p.from = http::query_param(query, "from");
  p.to = http::query_param(query, "to");
  if (!p.from.empty()) {
    if (auto t = day(p.from)) p.request.from = *t;
    else if (p.error.empty()) p.error = "Ngày bắt đầu phải có dạng NNNN-TT-NN, ví dụ 2022-12-08.";
  }
  if (!p.to.empty()) {
    // The end day is included: up to its last second.
    if (auto t = day(p.to)) p.request.to = *t + 86400;
    else if (p.error.empty()) p.error = "Ngày kết thúc phải có dạng NNNN-TT-NN, ví dụ 2022-12-31.";
  }
  std::string sort = http::query_param(query, "sort");
  if (sort == "newest") p.request.newest_first = true;
  else if (!sort.empty() && sort != "relevance" && p.error.empty())
    p.error = "Cách sắp xếp phải là «relevance» hoặc «newest».";
  return p;
}

}  // namespace toasoan::site
