#include "site/routes.hpp"

#include <charconv>

#include "articles/reserved_slugs.hpp"

namespace toasoan::site {
namespace {

bool is_slug(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace

Route parse_route(std::string_view path) {
  Route r;
  if (path == "/") {
    r.kind = Route::Kind::home;
    return r;
  }
  if (path.starts_with("/static/")) {
    r.kind = Route::Kind::asset;
    r.rest = path.substr(8);
    return r;
  }
  if (path.starts_with("/media/")) {
    r.kind = Route::Kind::media;
    r.rest = path.substr(7);
    return r;
  }
  if (path.starts_with("/api/v1/") || path == "/api/v1") {
    r.kind = Route::Kind::api;
    r.rest = path.size() > 8 ? path.substr(8) : std::string_view();
    return r;
  }
  if (path == "/rss/") {
    r.kind = Route::Kind::feeds;
    return r;
  }
  if (path.starts_with("/rss/") && path.ends_with(".rss") && path.size() > 9) {
    std::string_view name = path.substr(5, path.size() - 9);
    if (!is_slug(name)) return r;
    r.kind = Route::Kind::feed;
    r.rest = name;
    return r;
  }
  if (path == "/tim-kiem") {
    r.kind = Route::Kind::search;
    return r;
  }
  if (path == "/robots.txt") {
    r.kind = Route::Kind::robots;
    return r;
  }
  if (path.starts_with("/sitemap") && path.ends_with(".xml") && path.find('/', 1) == std::string_view::npos) {
    r.kind = Route::Kind::sitemap;
    r.rest = path.substr(1);
    return r;
  }
  if (path.size() < 2 || path.front() != '/') return r;
  std::string_view rest = path.substr(1);
  auto slash = rest.find('/');
  if (slash == std::string_view::npos) return r;
  std::string_view category = rest.substr(0, slash);
  std::string_view tail = rest.substr(slash + 1);
  // A reserved first segment is the site's, never a category's (articles/reserved_slugs.hpp).
  if (!is_slug(category) || articles::is_reserved_slug(category)) return r;
  if (tail.empty()) {
    r.kind = Route::Kind::category;
    r.category_slug = category;
    return r;
  }
  if (!tail.ends_with(".html")) return r;
  tail.remove_suffix(5);
  auto dash = tail.rfind('-');
  std::string_view digits = dash == std::string_view::npos ? tail : tail.substr(dash + 1);
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || id <= 0 || digits.front() == '0') return r;
  r.kind = Route::Kind::article;
  r.category_slug = category;
  r.title_slug = dash == std::string_view::npos ? std::string_view() : tail.substr(0, dash);
  r.id = id;
  return r;
}

std::string article_path(std::string_view category_slug, std::string_view title_slug, std::int64_t id) {
  std::string p;
  p.reserve(category_slug.size() + title_slug.size() + 32);
  p.append("/").append(category_slug).append("/").append(title_slug).append("-").append(std::to_string(id)).append(".html");
  return p;
}

std::string article_path(const articles::Summary& s) { return article_path(s.category_slug, s.slug, s.id); }
std::string article_path(const articles::Article& a) { return article_path(a.category_slug, a.slug, a.id); }

std::string category_path(std::string_view category_slug) {
  return "/" + std::string(category_slug) + "/";
}

}  // namespace toasoan::site
