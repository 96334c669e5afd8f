// The public JSON read API (GET only; docs/api.md):
//   /api/v1/articles?page=N&per_page=M&category=slug   newest first
//   /api/v1/articles/{id}                               one article with its blocks
//   /api/v1/categories
//   /api/v1/search?q=…&page&per_page&category&from&to&sort   ranked results with snippets
//   /api/v1/search/suggest?q=…                          titles for what is typed so far
//   /api/v1/articles/{id}/comments?sort=newest|liked&page=N   readers' approved comments
// Errors are {"error": {"status": N, "message": "…"}}.
#include <charconv>

#include <nlohmann/json.hpp>

#include "articles/block_json.hpp"
#include "articles/lead_photo.hpp"
#include "site/layout.hpp"
#include "base/clock.hpp"
#include "search/highlight.hpp"
#include "site/routes.hpp"
#include "site/search_params.hpp"
#include "base/log.hpp"
#include "comments/public_json.hpp"
#include "site/comments_view.hpp"
#include "http/errors.hpp"
#include "site/cache_tags.hpp"
#include "site/site.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {
namespace {

using nlohmann::json;

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr int kMaxPerPage = 100;

std::shared_ptr<const CachedPage> json_page(int status, const json& body) {
  return CachedPage::make(status, kJson, body.dump(-1, ' ', false, json::error_handler_t::replace),
                          status == 200 ? "no-cache" : "no-store");
}

// {"error": {"status": 404, "code": "not_found", "message": "…"}}: the status and code from the one
// mapping (http/errors.hpp); a 5xx is logged with its cause and the reader told only that the
// data is not available now.
std::shared_ptr<const CachedPage> json_error(const Error& e) {
  int status = http::status_for(e.kind);
  std::string message = e.message;
  if (status >= 500) {
    log::error(std::string(http::code_for(e.kind)) + ": " + e.message);
    message = "cơ sở dữ liệu tạm thời không sẵn sàng";
  }
  json error{{"status", status}, {"code", http::code_for(e.kind)}, {"message", std::move(message)}};
  if (!e.field.empty()) error["field"] = e.field;
  return json_page(status, json{{"error", std::move(error)}});
}

std::string absolute(const std::string& base, const std::string& path) {
  return path.starts_with("http://") || path.starts_with("https://") ? path : base + path;
}

json category_json(const std::string& base, const articles::Category& c) {
  return {{"name", c.name}, {"slug", c.slug}, {"url", base + category_path(c.slug)}};
}

json summary_json(const std::string& base, const articles::Summary& s) {
  std::string image = media_url(s.image);
  return {{"id", s.id},
          {"url", base + article_path(s)},
          {"title", s.title},
          {"lead", s.lead},
          {"category", {{"name", s.category_name}, {"slug", s.category_slug}, {"url", base + category_path(s.category_slug)}}},
          {"published", text::format_iso8601_vn(s.published_at)},
          {"image", image.empty() ? json(nullptr) : json(absolute(base, image))},
          {"comment_count", s.comment_count}};
}

// "articles/41/comments" → 41; nullopt for any other address.
std::optional<std::int64_t> comments_address(std::string_view rest) {
  constexpr std::string_view kPrefix = "articles/", kSuffix = "/comments";
  if (!rest.starts_with(kPrefix) || !rest.ends_with(kSuffix) || rest.size() <= kPrefix.size() + kSuffix.size())
    return std::nullopt;
  std::string_view digits = rest.substr(kPrefix.size(), rest.size() - kPrefix.size() - kSuffix.size());
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || id < 1) return std::nullopt;
  return id;
}

}  // namespace

std::shared_ptr<const CachedPage> Site::search_busy(const Categories& cats, bool as_json) {
  // ErrorKind::unavailable (503), not rate_limited (429): the server is short of room for
  // searches, whoever asks; nothing says this client asked too often. Crawlers and proxies
  // take 503 with Retry-After as "come back shortly", which is the truth.
  if (!as_json) return error_page(cats, http::status_for(ErrorKind::unavailable));
  json error{{"status", http::status_for(ErrorKind::unavailable)},
             {"code", http::code_for(ErrorKind::unavailable)},
             {"message", "máy chủ đang bận tìm kiếm, xin thử lại sau giây lát"}};
  return json_page(http::status_for(ErrorKind::unavailable), json{{"error", std::move(error)}});
}

Site::Rendered Site::render_search_api(const Categories& cats, std::string_view query) {
  SearchParams p = read_search_params(query, cats, 10);
  if (!p.error.empty()) return {json_error(invalid(p.error)), {}};
  std::optional<SearchGate::Pass> pass;
  if (!p.request.text.empty() && !pass.emplace(search_gate_.enter())) return {search_busy(cats, true), {}};
  auto r = searcher_.search(p.request, now());
  if (!r) return {json_error(r.error()), {}};
  // Past the last page: 404, as on the search page (the searcher stopped at the count).
  if (const std::int64_t pages = (r->total + p.request.per_page - 1) / p.request.per_page;
      r->total > 0 && p.request.page > pages)
    return {json_error(not_found("không có trang " + std::to_string(p.request.page) + " của kết quả này")), {}};
  const std::string& base = config_.public_url;
  json results = json::array();
  auto texts = snippet_texts(r->results, r->query);
  for (std::size_t i = 0; i < r->results.size(); ++i) {
    const auto& s = r->results[i];
    render::Html snippet;
    search::snippet(snippet, texts[i], r->query);
    json item = summary_json(base, s);
    item.erase("lead");
    item.erase("image");
    item.erase("comment_count");
    item["snippet"] = snippet.take();
    results.push_back(std::move(item));
  }
  json out = json::object();
  out["total"] = r->total;
  out["total_estimated"] = r->total_estimated;
  out["page"] = p.request.page;
  out["per_page"] = p.request.per_page;
  out["truncated"] = r->truncated;
  out["results"] = std::move(results);
  return {json_page(200, out), {tags::search}};
}

Site::Rendered Site::render_suggest_api(const Categories& cats, std::string_view query) {
  constexpr int kSuggestions = 8;
  std::string text = http::query_param(query, "q");
  std::optional<SearchGate::Pass> pass;
  if (!text.empty() && !pass.emplace(search_gate_.enter())) return {search_busy(cats, true), {}};
  auto r = searcher_.suggest(text, kSuggestions, now());
  if (!r) return {json_error(r.error()), {}};
  json out = json::array();
  for (const auto& s : *r) out.push_back({{"title", s.title}, {"url", config_.public_url + article_path(s)}});
  json body = json::object();
  body["suggestions"] = std::move(out);
  return {json_page(200, body), {tags::search}};
}

Site::Rendered Site::render_api(const Categories& cats, std::string_view rest, std::string_view query) {
  const std::string& base = config_.public_url;
  if (rest == "search") return render_search_api(cats, query);
  if (rest == "search/suggest") return render_suggest_api(cats, query);
  if (rest == "categories") {
    json out = json::array();
    for (const auto& c : cats) out.push_back(category_json(base, c));
    return {json_page(200, json{{"categories", out}}), {}};
  }
  if (rest == "articles") {
    auto page = http::int_param(query, "page", 1, 1, 100000);
    auto per_page = http::int_param(query, "per_page", 20, 1, kMaxPerPage);
    if (!page) return {json_error(invalid_field("page", "page phải là số nguyên từ 1")), {}};
    if (!per_page) return {json_error(invalid_field("per_page", "per_page phải là số nguyên từ 1 đến 100")), {}};
    std::optional<std::int64_t> category;
    if (std::string slug = http::query_param(query, "category"); !slug.empty()) {
      for (const auto& c : cats)
        if (c.slug == slug) category = c.id;
      if (!category) return {json_error(not_found("không có chuyên mục \"" + slug + "\"")), {}};
    }
    const auto t = now();
    auto total = reading_.count_published(category, t);
    if (!total) return {json_error(total.error()), {}};
    std::vector<articles::Summary> items;
    // A page past the end is 404, as a category page's is: known from the count, without
    // reading the list. Page 1 of nothing is an empty list.
    const std::int64_t offset = std::int64_t{*page - 1} * *per_page;
    if (*page > 1 && offset >= *total) return {json_error(not_found("không có trang " + std::to_string(*page))), {}};
    if (offset < *total) {
      auto read = reading_.latest({category, *per_page, static_cast<int>(offset), t});
      if (!read) return {json_error(read.error()), {}};
      items = std::move(*read);
    }
    json list = json::array();
    for (const auto& s : items) list.push_back(summary_json(base, s));
    std::vector<std::string> shown{category ? tags::listing(*category) : tags::all_listings};
    tags::add_articles_with_counts(shown, items);
    return {json_page(200, json{{"articles", list}, {"page", *page}, {"per_page", *per_page}, {"total", *total}}),
            std::move(shown)};
  }
  if (auto id = comments_address(rest)) return render_comments_api(*id, query);
  if (rest.starts_with("articles/")) {
    std::string_view digits = rest.substr(9);
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc() || end != digits.data() + digits.size() || id < 1)
      return {json_error(not_found("không có bài viết này")), {}};
    auto found = reading_.article(id);
    if (!found) return {json_error(found.error()), {}};
    if (!found->has_value() || !visible(**found)) return {json_error(not_found("không có bài viết này")), {}};
    const articles::Article& a = **found;
    articles::Summary s{a.id, a.title, a.slug, a.lead, a.category_name, a.category_slug, a.published_at, "", 0, 0};
    s.comment_count = a.comment_count;
    if (const articles::Block* photo = articles::lead_photo(a.blocks)) s.image = photo->image;
    json out = summary_json(base, s);
    out["authors"] = a.authors;
    out["updated"] = text::format_iso8601_vn(a.updated_at);
    json blocks = json::parse(articles::blocks_to_json(a.blocks));
    for (auto& b : blocks)
      if (b.contains("image")) b["image"] = absolute(base, media_url(b["image"].get<std::string>()));
    out["blocks"] = std::move(blocks);
    return {json_page(200, out), {tags::article(a.id), tags::counted(a.id)}};
  }
  return {json_error(not_found("không có địa chỉ API này")), {}};
}

Site::Rendered Site::render_comments_api(std::int64_t article_id, std::string_view query) {
  auto page = http::int_param(query, "page", 1, 1, 100000);
  if (!page) return {json_error(invalid_field("page", "page phải là số nguyên từ 1")), {}};
  auto order = store::CommentOrder::newest;
  if (auto sort = http::find_query_param(query, "sort")) {
    if (*sort == "liked") order = store::CommentOrder::most_liked;
    else if (*sort != "newest") return {json_error(invalid_field("sort", "sort phải là newest hoặc liked")), {}};
  }
  auto found = reading_.article(article_id);
  if (!found) return {json_error(found.error()), {}};
  if (!found->has_value() || !visible(**found)) return {json_error(not_found("không có bài viết này")), {}};
  const articles::Article& a = **found;
  store::CommentPage shown;
  if (comments_) {
    auto read = comments_->shown(a.id, order, kCommentThreadsPerPage, (*page - 1) * kCommentThreadsPerPage);
    if (!read) return {json_error(read.error()), {}};
    shown = std::move(*read);
  }
  // A page past the last is 404, as the article list's; page 1 of none is an empty list.
  if (*page > 1 && std::int64_t{*page - 1} * kCommentThreadsPerPage >= shown.total_threads)
    return {json_error(not_found("không có trang " + std::to_string(*page))), {}};
  json list = json::array();
  for (const auto& t : shown.threads) list.push_back(comments::public_json(t));
  json out = json::object();
  out["comments"] = std::move(list);
  out["total"] = shown.total;
  out["total_threads"] = shown.total_threads;
  out["page"] = *page;
  out["closed"] = a.comments_closed;
  // Kept here until a comment of the article changes (tag comments:<id>) or the article does;
  // browsers ask again each time, as for every answer about comments.
  return {CachedPage::make(200, kJson, out.dump(-1, ' ', false, json::error_handler_t::replace), "no-store"),
          {tags::article(a.id), tags::comments(a.id)}};
}

}  // namespace toasoan::site
