#include "newsroom/roles.hpp"

#include <cctype>

namespace toasoan::newsroom {

const char* role_name(Role r) {
  switch (r) {
    case Role::reporter: return "reporter";
    case Role::editor: return "editor";
    case Role::secretary: return "secretary";
    case Role::chief: return "chief";
    case Role::moderator: return "moderator";
    case Role::admin: return "admin";
  }
  return "?";
}

const char* role_label(Role r) {
  switch (r) {
    case Role::reporter: return "Phóng viên";
    case Role::editor: return "Biên tập viên";
    case Role::secretary: return "Thư ký tòa soạn";
    case Role::chief: return "Tổng biên tập";
    case Role::moderator: return "Kiểm duyệt bình luận";
    case Role::admin: return "Quản trị";
  }
  return "?";
}

std::optional<Role> role_from_name(std::string_view name) {
  for (Role r : kAllRoles)
    if (name == role_name(r)) return r;
  return std::nullopt;
}

std::vector<Role> Roles::list() const {
  std::vector<Role> out;
  for (Role r : kAllRoles)
    if (has(r)) out.push_back(r);
  return out;
}

std::string Roles::to_string() const {
  std::string out;
  for (Role r : list()) {
    if (!out.empty()) out += ',';
    out += role_name(r);
  }
  return out;
}

Result<Roles> Roles::parse(std::string_view text) {
  Roles roles;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    auto part = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    std::string name;
    for (char c : part)
      if (c != ' ' && c != '\t') name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name.empty()) return invalid_field("roles", "thiếu tên vai trò");
    auto r = role_from_name(name);
    if (!r)
      return invalid_field("roles", "vai trò không có: \"" + name +
                                        "\" (reporter, editor, secretary, chief, moderator, admin)");
    roles.add(*r);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return roles;
}

}  // namespace toasoan::newsroom
