#include "admin/guard.hpp"

#include <algorithm>
#include <any>

#include "admin/api_json.hpp"
#include "newsroom/password.hpp"

namespace toasoan::admin {
namespace {

bool changes_state(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// "https://baodoimay.vn:8443/path" → "https://baodoimay.vn:8443", lower-cased scheme and host.
std::string origin_of(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  auto host_end = url.find_first_of("/?#", scheme_end + 3);
  std::string o(url.substr(0, host_end));
  std::transform(o.begin(), o.end(), o.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return o;
}

bool trusted(const http::Request& req, const GuardOptions& o) {
  return std::find(o.trusted_proxies.begin(), o.trusted_proxies.end(), req.remote) != o.trusted_proxies.end();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

const editorial::Signed& signed_of(const http::Request& req) { return std::any_cast<const editorial::Signed&>(req.context); }

http::Middleware signed_in(editorial::Staff& staff, bool html) {
  return [&staff, html](http::Request& req, http::Response& res) {
    auto secret = http::cookie(req, kSessionCookie);
    auto s = secret.empty() ? Result<std::optional<editorial::Signed>>(std::optional<editorial::Signed>())
                            : staff.session(secret);
    if (!s) {
      send_error(res, s.error());
      return false;
    }
    if (!*s) {
      if (html) {
        res.status = 401;
        res.content_type = "text/html; charset=utf-8";
        res.body = "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                   "<title>Cần đăng nhập</title><h1>Cần đăng nhập</h1><p>Phiên làm việc đã hết hạn hoặc bạn chưa đăng "
                   "nhập. <a href=\"/toa-soan/\">Đăng nhập tòa soạn</a></p></html>";
        res.set_header("Cache-Control", "no-store");
      } else {
        send(res, json{{"error", "unauthorized"}, {"reason", "Phiên làm việc đã hết hạn, vui lòng đăng nhập lại"}}, 401);
      }
      return false;
    }
    req.context = std::move(**s);
    return true;
  };
}

bool origin_ok(const http::Request& req, const GuardOptions& o) {
  std::string expected = origin_of(o.public_url ? o.public_url() : std::string());
  if (expected.empty()) return false;
  auto origin = req.header("Origin");
  if (!origin.empty()) return origin_of(origin) == expected && origin_of(origin).size() == trim(origin).size();
  auto referer = req.header("Referer");
  if (!referer.empty()) return origin_of(referer) == expected;
  return false;
}

http::Middleware same_site(GuardOptions options) {
  return [options = std::move(options)](http::Request& req, http::Response& res) {
    if (!changes_state(req.method)) return true;
    if (!origin_ok(req, options)) {
      send(res, json{{"error", "forbidden"}, {"reason", "Yêu cầu không đến từ trang của tòa soạn (Origin)"}}, 403);
      return false;
    }
    const auto& s = signed_of(req);
    auto token = req.header("X-CSRF-Token");
    if (token.empty() || !newsroom::same_secret(token, s.csrf)) {
      send(res, json{{"error", "forbidden"}, {"reason", "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)"}}, 403);
      return false;
    }
    return true;
  };
}

std::string client_address(const http::Request& req, const GuardOptions& o) {
  if (trusted(req, o)) {
    auto xff = req.header("X-Forwarded-For");
    if (!xff.empty()) {
      auto comma = xff.rfind(',');
      auto last = trim(comma == std::string_view::npos ? xff : xff.substr(comma + 1));
      if (!last.empty() && last.size() <= 64) return std::string(last);
    }
  }
  return std::string(req.remote);
}

bool secure_request(const http::Request& req, const GuardOptions& o) {
  if (origin_of(o.public_url ? o.public_url() : std::string()).starts_with("https://")) return true;
  if (trusted(req, o)) {
    auto proto = trim(req.header("X-Forwarded-Proto"));
    return proto == "https" || proto == "HTTPS";
  }
  return false;
}

}  // namespace toasoan::admin
