// Who someone is in the newsroom: the roles an account holds. One account may hold several
// (an admin who is also an editor). Plain values; thread-safe.
//
//   reporter   phóng viên            writes drafts, edits their own, submits
//   editor     biên tập viên         edits any piece up to approval, returns, passes on
//   secretary  thư ký tòa soạn       what an editor does, and approves
//   chief      tổng biên tập / phó   everything: publishes, schedules, corrects, takes down
//   moderator  kiểm duyệt bình luận  reader comments only, no article rights
//   admin      quản trị              users and settings, no article rights by itself
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace toasoan::newsroom {

enum class Role : std::uint8_t { reporter, editor, secretary, chief, moderator, admin };

inline constexpr Role kAllRoles[] = {Role::reporter, Role::editor,    Role::secretary,
                                     Role::chief,    Role::moderator, Role::admin};

// "reporter", "editor"… as the API, the commands and the database write them.
const char* role_name(Role r);
// "Phóng viên", "Biên tập viên"… for people.
const char* role_label(Role r);
std::optional<Role> role_from_name(std::string_view name);

// A set of roles, as a bit mask.
class Roles {
 public:
  constexpr Roles() = default;
  constexpr Roles(std::initializer_list<Role> rs) {
    for (Role r : rs) bits_ |= bit(r);
  }
  constexpr bool has(Role r) const { return (bits_ & bit(r)) != 0; }
  constexpr void add(Role r) { bits_ |= bit(r); }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool operator==(const Roles&) const = default;
  std::vector<Role> list() const;
  // "editor,admin" (in kAllRoles order), the form the database keeps.
  std::string to_string() const;
  // Parses "reporter,editor" (spaces allowed, case-insensitive); an unknown or empty name is
  // invalid, naming it.
  static Result<Roles> parse(std::string_view text);

 private:
  static constexpr std::uint8_t bit(Role r) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r)); }
  std::uint8_t bits_ = 0;
};

}  // namespace toasoan::newsroom
