// The newsroom's people: signing in and out, sessions, throttling of failed logins, and the
// management of accounts (by an admin through the API, or by `toasoan user` on the server's
// machine). Every change and every login, failed login and logout goes to the audit log, a
// change in the same unit of work as its audit line.
//
// Throttling is counted in the database, so it holds across every node: `max_failures`
// failures within `window` for one account, or from one address, refuse further tries for
// `lock` seconds. A wrong username and a wrong password get the same answer after the same
// work (one Argon2id verification either way).
//
// Thread-safe: every method from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.hpp"
#include "editorial/actor.hpp"
#include "newsroom/password.hpp"
#include "newsroom/roles.hpp"
#include "store/accounts.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"

namespace toasoan::editorial {

struct StaffOptions {
  std::int64_t idle_seconds = 12 * 3600;
  std::int64_t absolute_seconds = 7 * 24 * 3600;
  int max_failures = 10;
  std::int64_t window_seconds = 15 * 60;
  std::int64_t lock_seconds = 15 * 60;
  // How stale a session's last_seen may get before a request writes it again.
  std::int64_t touch_seconds = 60;
};

// A signed-in request's session.
struct Signed {
  store::User user;
  std::string token_hash;
  std::string csrf;
};

struct Login {
  store::User user;
  std::string secret;  // the cookie's value
  std::string csrf;
};

// A refused login: the error, and for rate_limited how many seconds to wait.
struct LoginRefusal {
  Error error;
  std::int64_t retry_after = 0;
};

class Staff {
 public:
  using Clock = std::function<std::int64_t()>;
  Staff(store::Database& db, newsroom::Passwords& passwords, StaffOptions options, Clock clock);

  // A login. On failure: unauthorized (one message for an unknown user, a disabled one and a
  // wrong password), rate_limited with retry_after, or the store's error.
  std::variant<Login, LoginRefusal> login(std::string_view username, std::string_view password,
                                          std::string_view address);
  // The session a cookie's secret names, or nullopt (unknown, expired, user disabled).
  Result<std::optional<Signed>> session(std::string_view secret);
  Status logout(const Signed& s, std::string_view address);

  // Accounts. `by` is who does it (an admin, or the system for commands); the caller checked
  // that they may. Usernames are 3–50 of a–z, 0–9, '.', '_' and '-', stored lower-case.
  Result<store::User> add_user(const Actor& by, std::string_view username, std::string_view display_name,
                               newsroom::Roles roles, std::string_view password);
  Status set_roles(const Actor& by, std::int64_t id, newsroom::Roles roles);
  Status set_display_name(const Actor& by, std::int64_t id, std::string_view name);
  Status set_disabled(const Actor& by, std::int64_t id, bool disabled);
  Status set_password(const Actor& by, std::int64_t id, std::string_view password);
  Result<std::vector<store::User>> users();
  // The members who may sign in (not disabled), as users() orders them: whom a piece may be
  // credited to and the desk filtered by.
  Result<std::vector<store::User>> members();
  Result<std::optional<store::User>> user_by_name(std::string_view username);

  // Deletes expired sessions and failed-login records older than the throttling window (the
  // scheduler calls it hourly; an expired session is refused whether or not it was deleted).
  Status purge();

  // "Huy.Thanh " → "huy.thanh"; invalid_field("username") when it breaks the rule above.
  static Result<std::string> normalise_username(std::string_view username);

 private:
  Status audit_user_change(store::UnitOfWork& work, const Actor& by, std::string action, std::int64_t user_id,
                           std::string detail);
  store::Database& db_;
  newsroom::Passwords& passwords_;
  StaffOptions options_;
  Clock clock_;
};

// The audit line's who and where for an actor.
store::AuditEntry audit_entry(const Actor& by, std::string action, std::int64_t at);

}  // namespace toasoan::editorial
