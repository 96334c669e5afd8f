// `toasoan user …`: newsroom accounts from the server's machine — the way the first admin is
// made, and the way back in when every admin is locked out. Passwords are read from standard
// input, without echo on a terminal, never from the command line (where `ps` would show them).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "app/commands.hpp"
#include "base/clock.hpp"
#include "editorial/staff.hpp"
#include "newsroom/password.hpp"
#include "store/database.hpp"

namespace toasoan::app {
namespace {

std::string read_password(const char* prompt) {
  bool tty = isatty(STDIN_FILENO);
  termios saved{};
  if (tty) {
    std::fprintf(stderr, "%s", prompt);
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fprintf(stderr, "\n");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int fail(const Error& e) {
  std::fprintf(stderr, "toasoan: %s\n", e.message.c_str());
  return e.kind == ErrorKind::unavailable || e.kind == ErrorKind::internal ? 2 : 1;
}

}  // namespace

int user_command(const UserOptions& o) {
  auto cost = newsroom::PasswordCost::named(o.password_cost);
  if (!cost) return fail(cost.error());
  auto opened = store::open(o.db);
  if (!opened) return fail(opened.error());
  auto db = std::move(*opened);
  if (auto m = db->migrate(); !m) return fail(m.error());
  newsroom::Passwords passwords(*cost, 1, 1);
  editorial::Staff staff(*db, passwords, {}, [] { return unix_now(); });
  const auto by = editorial::Actor::system("command");

  if (o.action == "list") {
    auto users = staff.users();
    if (!users) return fail(users.error());
    std::printf("%-6s %-24s %-28s %-36s %s\n", "ID", "USERNAME", "DISPLAY NAME", "ROLES", "STATE");
    for (const auto& u : *users)
      std::printf("%-6lld %-24s %-28s %-36s %s\n", static_cast<long long>(u.id), u.username.c_str(),
                  u.display_name.c_str(), u.roles.to_string().c_str(), u.disabled ? "disabled" : "active");
    return 0;
  }

  if (o.action == "add") {
    auto roles = newsroom::Roles::parse(o.roles);
    if (!roles) return fail(roles.error());
    auto name = editorial::Staff::normalise_username(o.username);
    if (!name) return fail(name.error());
    auto password = read_password("Mật khẩu: ");
    auto added = staff.add_user(by, *name, o.display_name, *roles, password);
    if (!added) return fail(added.error());
    std::printf("added user %s (id %lld, %s)\n", added->username.c_str(), static_cast<long long>(added->id),
                added->roles.to_string().c_str());
    return 0;
  }

  auto found = staff.user_by_name(o.username);
  if (!found) return fail(found.error());
  if (!*found) return fail(not_found("no user named \"" + o.username + "\""));
  const auto id = (*found)->id;
  Status done = ok_status();
  if (o.action == "set-roles") {
    auto roles = newsroom::Roles::parse(o.roles);
    if (!roles) return fail(roles.error());
    done = staff.set_roles(by, id, *roles);
  } else if (o.action == "disable") {
    done = staff.set_disabled(by, id, true);
  } else if (o.action == "enable") {
    done = staff.set_disabled(by, id, false);
  } else if (o.action == "passwd") {
    done = staff.set_password(by, id, read_password("Mật khẩu mới: "));
  } else {
    return fail(invalid("unknown user command: " + o.action));
  }
  if (!done) return fail(done.error());
  std::printf("%s: %s done\n", (*found)->username.c_str(), o.action.c_str());
  return 0;
}

}  // namespace toasoan::app
