#include "http/router.hpp"

#include <algorithm>

namespace toasoan::http {
namespace {

// How specific one pattern segment is; lower wins.
enum Specificity { kLiteral = 0, kParam = 1, kRest = 2 };

std::vector<std::string> split_pattern(std::string_view pattern) {
  std::vector<std::string> out;
  if (pattern.starts_with('/')) pattern.remove_prefix(1);
  for (;;) {
    auto slash = pattern.find('/');
    out.emplace_back(pattern.substr(0, slash));
    if (slash == std::string_view::npos) break;
    pattern.remove_prefix(slash + 1);
  }
  return out;
}

bool is_param(std::string_view seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }
bool is_rest(std::string_view seg) { return is_param(seg) && seg[1] == '*'; }
std::string_view param_name(std::string_view seg) {
  return is_rest(seg) ? seg.substr(2, seg.size() - 3) : seg.substr(1, seg.size() - 2);
}

std::string decoded(std::string_view raw) {
  std::string out;
  if (!percent_decode(raw, out, false)) return std::string(raw);
  return out;
}

// Matches `path` against a route's segments; on success fills `params` and `score`.
bool match_segments(const std::vector<std::string>& segs, std::string_view path,
                    std::vector<std::pair<std::string_view, std::string>>& params, std::vector<int>& score) {
  params.clear();
  score.clear();
  if (!path.starts_with('/')) return false;
  path.remove_prefix(1);
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const std::string& seg = segs[i];
    if (is_rest(seg)) {
      if (i + 1 != segs.size()) return false;  // "{*name}" only ends a pattern
      params.emplace_back(param_name(seg), decoded(path));
      score.push_back(kRest);
      return true;
    }
    auto slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    bool last_segment = slash == std::string_view::npos;
    if (is_param(seg)) {
      if (part.empty()) return false;
      params.emplace_back(param_name(seg), decoded(part));
      score.push_back(kParam);
    } else {
      if (part != seg) return false;
      score.push_back(kLiteral);
    }
    if (i + 1 == segs.size()) return last_segment;
    // The path ran out before the pattern: "/media" does not match "/media/{*path}", whose
    // slash is part of the pattern.
    if (last_segment) return false;
    path.remove_prefix(slash + 1);
  }
  return false;
}

bool method_answers(std::string_view route_method, std::string_view method) {
  return route_method == method || (method == "HEAD" && route_method == "GET");
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler h, RouteOptions o, std::vector<Middleware> mw) {
  Route r;
  r.segments = split_pattern(pattern);
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.handler = std::move(h);
  r.options = o;
  r.middleware = std::move(mw);
  routes_.push_back(std::move(r));
}

void Router::use(std::string prefix, Middleware mw) { prefixed_.push_back({std::move(prefix), std::move(mw)}); }

void Router::fallback(Handler h, RouteOptions o) {
  fallback_ = std::move(h);
  fallback_options_ = o;
}

void Router::fast_path(FastPath f) { fast_path_ = std::move(f); }

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match best;
  std::vector<int> best_score, score;
  std::vector<std::pair<std::string_view, std::string>> params;
  std::vector<std::string_view> allowed;
  for (const Route& r : routes_) {
    if (!match_segments(r.segments, path, params, score)) continue;
    if (!method_answers(r.method, method)) {
      allowed.push_back(r.method);
      if (r.method == "GET") allowed.push_back("HEAD");
      continue;
    }
    if (best.route == nullptr || score < best_score) {
      best.route = &r;
      best.params = std::move(params);
      best_score = score;
      params.clear();
    }
  }
  if (best.route == nullptr && !allowed.empty()) {
    std::sort(allowed.begin(), allowed.end());
    allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
    for (auto m : allowed) {
      if (!best.allow.empty()) best.allow += ", ";
      best.allow += m;
    }
  }
  return best;
}

const RouteOptions& Router::options(const Match& m) const { return m.route ? m.route->options : fallback_options_; }

bool Router::try_fast_path(const Match& m, const Request& req, Response& res) const {
  if (!fast_path_ || m.route != nullptr || m.method_not_allowed()) return false;
  if (req.method != "GET" && req.method != "HEAD") return false;
  return fast_path_(req, res);
}

void Router::dispatch(Match m, Request& req, Response& res) const {
  if (m.method_not_allowed()) {
    res.status = 405;
    res.content_type = "text/plain; charset=utf-8";
    res.body = std::string(reason_phrase(405));
    res.set_header("Allow", std::move(m.allow));
    return;
  }
  if (m.route == nullptr) {
    if (fallback_) {
      fallback_(req, res);
    } else {
      res.status = 404;
      res.content_type = "text/plain; charset=utf-8";
      res.body = std::string(reason_phrase(404));
    }
    return;
  }
  req.params = std::move(m.params);
  for (const Prefixed& p : prefixed_)
    if (m.route->pattern.starts_with(p.prefix) && !p.middleware(req, res)) return;
  for (const Middleware& mw : m.route->middleware)
    if (!mw(req, res)) return;
  m.route->handler(req, res);
}

}  // namespace toasoan::http
