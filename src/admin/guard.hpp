// The admin routes' middleware: who is signed in (the session cookie), and for every request
// that changes something the CSRF token and an Origin (or Referer) naming the site's own public
// URL. Only the newsroom's routes pass through it; the reading site never does.
//
// Thread-safe: the middleware it makes may run on every worker at once.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "editorial/staff.hpp"
#include "http/router.hpp"

namespace toasoan::admin {

inline constexpr std::string_view kSessionCookie = "toasoan_session";

struct GuardOptions {
  std::function<std::string()> public_url;  // "https://baodoimay.vn", as links use it
  std::vector<std::string> trusted_proxies;  // addresses whose X-Forwarded-* we believe
};

// The session's holder, for the handler. REQUIRES: the route runs signed_in().
const editorial::Signed& signed_of(const http::Request& req);

// 401 unless the request carries a live session's cookie; then the handler finds it with
// signed_of(). A page route (the preview) gets a redirect-free HTML 401 instead of JSON.
http::Middleware signed_in(editorial::Staff& staff, bool html = false);
// For POST, PUT, PATCH and DELETE: 403 unless X-CSRF-Token is the session's and Origin (or,
// without it, Referer) is the public URL's origin. REQUIRES: after signed_in().
http::Middleware same_site(GuardOptions options);
// For the login call, which has no session yet: only the Origin check.
bool origin_ok(const http::Request& req, const GuardOptions& options);

// The client's address: the peer's, or the last X-Forwarded-For hop when the peer is a trusted
// proxy.
std::string client_address(const http::Request& req, const GuardOptions& options);
// True when the cookie must be Secure: the public URL is https, or a trusted proxy says the
// request came over https.
bool secure_request(const http::Request& req, const GuardOptions& options);

}  // namespace toasoan::admin
