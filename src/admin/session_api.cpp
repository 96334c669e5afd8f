// POST /api/v1/session (log in), DELETE /api/v1/session (log out), GET /api/v1/admin/me.
#include <variant>

#include "admin/api_json.hpp"
#include "admin/routes.hpp"
#include "admin/user_json.hpp"
#include "text/datetime.hpp"

namespace toasoan::admin {
namespace {

std::string session_cookie(const http::Request& req, const Newsroom& n, std::string_view value, std::int64_t max_age) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(value) +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (secure_request(req, n.guard)) c += "; Secure";
  return c;
}

}  // namespace

json user_json(const store::User& u) {
  json roles = json::array();
  for (auto r : u.roles.list()) roles.push_back(newsroom::role_name(r));
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"roles", roles},
          {"disabled", u.disabled},
          {"created", text::format_iso8601_vn(u.created_at)},
          {"password_changed", text::format_iso8601_vn(u.password_changed_at)}};
}

void add_session_routes(http::Router& router, const Newsroom& n) {
  // A password is hashed here: small body, on a worker.
  router.add("POST", "/api/v1/session", [&n](http::Request& req, http::Response& res) {
    if (!origin_ok(req, n.guard)) {
      send(res, json{{"error", "forbidden"}, {"reason", "Yêu cầu không đến từ trang của tòa soạn (Origin)"}}, 403);
      return;
    }
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"username", "password"}, res)) return;
    std::optional<std::string> username, password;
    if (!get_string(*body, "username", username, res, 200)) return;
    // The password is taken as sent (no normalisation beyond what check_new_password did when
    // it was set): compare the bytes the person typed.
    auto pw = body->find("password");
    if (pw != body->end() && !pw->is_null() && !pw->is_string()) {
      send_field_error(res, "password", "Phải là chuỗi");
      return;
    }
    if (pw != body->end() && pw->is_string()) password = pw->get<std::string>();
    if (!username || username->empty()) {
      send_field_error(res, "username", "Cần tên đăng nhập");
      return;
    }
    if (!password || password->empty()) {
      send_field_error(res, "password", "Cần mật khẩu");
      return;
    }
    if (password->size() > newsroom::kMaxPasswordBytes) {
      send_field_error(res, "password", "Mật khẩu quá dài");
      return;
    }
    auto outcome = n.staff.login(*username, *password, client_address(req, n.guard));
    if (auto* refused = std::get_if<editorial::LoginRefusal>(&outcome)) {
      send_error(res, refused->error);
      if (refused->retry_after > 0) res.set_header("Retry-After", std::to_string(refused->retry_after));
      return;
    }
    auto& login = std::get<editorial::Login>(outcome);
    send(res, json{{"csrf", login.csrf}, {"user", user_json(login.user)}});
    res.set_header("Set-Cookie", session_cookie(req, n, login.secret, n.absolute_seconds));
  });

  router.add("DELETE", "/api/v1/session", [&n](http::Request& req, http::Response& res) {
    const auto& s = signed_of(req);
    if (auto r = n.staff.logout(s, client_address(req, n.guard)); !r) {
      send_error(res, r.error());
      return;
    }
    res.status = 204;
    res.body.clear();
    res.set_header("Cache-Control", "no-store");
    res.set_header("Set-Cookie", session_cookie(req, n, "", 0));
  }, {}, guarded(n));

  // The signed-in person, and the CSRF token again (a reloaded app has lost it).
  router.add("GET", "/api/v1/admin/me", [](http::Request& req, http::Response& res) {
    const auto& s = signed_of(req);
    send(res, json{{"user", user_json(s.user)}, {"csrf", s.csrf}});
  }, {}, guarded(n));
}

}  // namespace toasoan::admin
