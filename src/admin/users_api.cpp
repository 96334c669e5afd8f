// /api/v1/admin/users: admins list, add and change newsroom members (roles, name, disabled,
// password). The same changes as `toasoan user …` on the server's machine.
#include "admin/api_json.hpp"
#include "admin/routes.hpp"
#include "admin/user_json.hpp"

namespace toasoan::admin {
namespace {

bool admin_only(const http::Request& req, http::Response& res) {
  if (signed_of(req).user.roles.has(newsroom::Role::admin)) return true;
  send(res, json{{"error", "forbidden"}, {"reason", "Chỉ quản trị viên được quản lý người dùng"}}, 403);
  return false;
}

// "roles": ["editor", "admin"]
bool get_roles(const json& body, std::optional<newsroom::Roles>& out, http::Response& res) {
  auto it = body.find("roles");
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_array() || it->empty() || it->size() > 6) {
    send_field_error(res, "roles", "Cần một danh sách vai trò");
    return false;
  }
  newsroom::Roles roles;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& v = (*it)[i];
    auto r = v.is_string() ? newsroom::role_from_name(v.get_ref<const std::string&>()) : std::nullopt;
    if (!r) {
      send_field_error(res, "roles[" + std::to_string(i) + "]",
                       "Vai trò không có (reporter, editor, secretary, chief, moderator, admin)");
      return false;
    }
    roles.add(*r);
  }
  out = roles;
  return true;
}

void send_user(http::Response& res, const Newsroom& n, std::int64_t id, int status = 200) {
  auto users = n.staff.users();
  if (!users) return send_error(res, users.error());
  for (const auto& u : *users)
    if (u.id == id) return send(res, user_json(u), status);
  send_error(res, not_found("Không có người dùng này"));
}

}  // namespace

void add_user_routes(http::Router& router, const Newsroom& n) {
  router.add("GET", "/api/v1/admin/users", [&n](http::Request& req, http::Response& res) {
    if (!admin_only(req, res)) return;
    auto users = n.staff.users();
    if (!users) return send_error(res, users.error());
    json list = json::array();
    for (const auto& u : *users) list.push_back(user_json(u));
    send(res, json{{"users", list}});
  }, {}, guarded(n));

  router.add("POST", "/api/v1/admin/users", [&n](http::Request& req, http::Response& res) {
    if (!admin_only(req, res)) return;
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"username", "display_name", "roles", "password"}, res)) return;
    std::optional<std::string> username, display, password;
    std::optional<newsroom::Roles> roles;
    if (!get_string(*body, "username", username, res, 50) || !get_string(*body, "display_name", display, res, 100) ||
        !get_string(*body, "password", password, res, 1024) || !get_roles(*body, roles, res))
      return;
    if (!roles) return send_field_error(res, "roles", "Cần ít nhất một vai trò");
    auto added = n.staff.add_user(actor_of(req, n), username.value_or(""), display.value_or(""), *roles,
                                  password.value_or(""));
    if (!added) return send_error(res, added.error());
    send(res, user_json(*added), 201);
  }, {}, guarded(n));

  router.add("PATCH", "/api/v1/admin/users/{id}", [&n](http::Request& req, http::Response& res) {
    if (!admin_only(req, res)) return;
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"display_name", "roles", "disabled", "password"}, res)) return;
    std::optional<std::string> display, password;
    std::optional<newsroom::Roles> roles;
    std::optional<bool> disabled;
    if (!get_string(*body, "display_name", display, res, 100) || !get_string(*body, "password", password, res, 1024) ||
        !get_roles(*body, roles, res) || !get_bool(*body, "disabled", disabled, res))
      return;
    const auto& me = signed_of(req).user;
    // An admin cannot lock themselves out: someone must be left to manage the newsroom.
    if (*id == me.id && ((disabled && *disabled) || (roles && !roles->has(newsroom::Role::admin))))
      return send_field_error(res, disabled ? "disabled" : "roles", "Không thể tự khóa hoặc tự bỏ quyền quản trị của mình");
    auto by = actor_of(req, n);
    if (display) {
      if (display->empty()) return send_field_error(res, "display_name", "Tên hiển thị không được trống");
      if (auto s = n.staff.set_display_name(by, *id, *display); !s) return send_error(res, s.error());
    }
    if (roles)
      if (auto s = n.staff.set_roles(by, *id, *roles); !s) return send_error(res, s.error());
    if (disabled)
      if (auto s = n.staff.set_disabled(by, *id, *disabled); !s) return send_error(res, s.error());
    if (password)
      if (auto s = n.staff.set_password(by, *id, *password); !s) return send_error(res, s.error());
    send_user(res, n, *id);
  }, {}, guarded(n));
}

}  // namespace toasoan::admin
