#include "store/sqlite/accounts.hpp"

#include "store/accounts_sql.hpp"
#include "store/sqlite/unit_of_work.hpp"

namespace toasoan::store::sqlite {
namespace {

// The SQLite form of a statement of accounts_sql.hpp, made once.
#define TOASOAN_LITE(name)                                              \
  ([]() -> const std::string& {                                         \
    static const std::string text = ::toasoan::store::sql::sqlite_form(::toasoan::store::sql::name); \
    return text;                                                        \
  }())

Error unknown_user(std::int64_t id) { return not_found("không có người dùng số " + std::to_string(id)); }

// Runs an UPDATE … RETURNING id of one user on the unit's connection and logs the change;
// not_found when no user has that id.
template <class... Args>
Status update_user(SqliteUnitOfWork& work, const std::string& statement, std::int64_t id, const Args&... args) {
  Connection& c = work.connection();
  TOASOAN_SQLITE_STATEMENT(s, c, statement);
  s.bind(id, args...);
  int rc = s.step();
  if (rc == SQLITE_DONE) return unknown_user(id);
  if (rc != SQLITE_ROW) return step_error(c);
  return work.record(sql::kAccountTopic, std::to_string(id));
}

Status end_user_sessions(SqliteUnitOfWork& work, std::int64_t id) {
  Connection& c = work.connection();
  TOASOAN_SQLITE_STATEMENT(s, c, TOASOAN_LITE(kEndUserSessions));
  s.bind(id);
  if (s.step() != SQLITE_DONE) return step_error(c);
  return ok_status();
}

// The one user a statement keyed by `key` finds, if any.
template <class Key>
Result<std::optional<User>> one_user(Pool& pool, const std::string& statement, const Key& key) {
  auto lease = pool.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, statement);
  s.bind(key);
  int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<User>();
  if (rc != SQLITE_ROW) return step_error(c);
  auto u = sql::user_from_row(s, 0);
  if (!u) return u.error();
  return std::optional<User>(std::move(*u));
}

// A statement that changes rows outside any unit of work, and how many it changed.
template <class... Args>
Result<std::int64_t> change(Pool& pool, const std::string& statement, const Args&... args) {
  auto lease = pool.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, statement);
  s.bind(args...);
  if (s.step() != SQLITE_DONE) return step_error(c);
  return static_cast<std::int64_t>(sqlite3_changes(c.handle()));
}

}  // namespace

Result<User> SqliteAccounts::add_user(UnitOfWork& unit, const NewUser& user, std::int64_t now) {
  SqliteUnitOfWork& work = sqlite_work(unit);
  Connection& c = work.connection();
  User out;
  out.username = user.username;
  out.display_name = user.display_name.empty() ? user.username : user.display_name;
  out.roles = user.roles;
  out.created_at = now;
  out.password_changed_at = now;
  {
    TOASOAN_SQLITE_STATEMENT(s, c, TOASOAN_LITE(kAddUser));
    s.bind(out.username, out.display_name, out.roles.to_string(), user.password_hash, now);
    int rc = s.step();
    if (rc == SQLITE_DONE) return conflict("Tên đăng nhập đã có");
    if (rc != SQLITE_ROW) return step_error(c);
    out.id = s.int64(0);
  }
  if (auto r = work.record(sql::kAccountTopic, std::to_string(out.id)); !r) return r.error();
  return out;
}

Result<std::optional<User>> SqliteAccounts::user(std::int64_t id) {
  return one_user(pool_, TOASOAN_LITE(kUserById), id);
}

Result<std::optional<User>> SqliteAccounts::user_by_name(std::string_view username) {
  return one_user(pool_, TOASOAN_LITE(kUserByName), username);
}

Result<std::optional<std::pair<User, std::string>>> SqliteAccounts::credentials(std::string_view username) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, TOASOAN_LITE(kCredentials));
  s.bind(username);
  int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<std::pair<User, std::string>>();
  if (rc != SQLITE_ROW) return step_error(c);
  auto u = sql::user_from_row(s, 0);
  if (!u) return u.error();
  return std::optional(std::pair(std::move(*u), std::string(s.text(7))));
}

Result<std::vector<User>> SqliteAccounts::users() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, sql::kUsers);
  std::vector<User> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    auto u = sql::user_from_row(s, 0);
    if (!u) return u.error();
    out.push_back(std::move(*u));
  }
  if (rc != SQLITE_DONE) return step_error(c);
  return out;
}

Status SqliteAccounts::set_roles(UnitOfWork& unit, std::int64_t id, newsroom::Roles roles) {
  return update_user(sqlite_work(unit), TOASOAN_LITE(kSetRoles), id, roles.to_string());
}

Status SqliteAccounts::set_display_name(UnitOfWork& unit, std::int64_t id, std::string_view name) {
  return update_user(sqlite_work(unit), TOASOAN_LITE(kSetDisplayName), id, name);
}

Status SqliteAccounts::set_disabled(UnitOfWork& unit, std::int64_t id, bool disabled) {
  SqliteUnitOfWork& work = sqlite_work(unit);
  if (auto s = update_user(work, TOASOAN_LITE(kSetDisabled), id, std::int64_t{disabled ? 1 : 0}); !s) return s;
  return disabled ? end_user_sessions(work, id) : ok_status();
}

Status SqliteAccounts::set_password(UnitOfWork& unit, std::int64_t id, std::string_view password_hash,
                                    std::int64_t now) {
  SqliteUnitOfWork& work = sqlite_work(unit);
  if (auto s = update_user(work, TOASOAN_LITE(kSetPassword), id, password_hash, now); !s) return s;
  return end_user_sessions(work, id);
}

Status SqliteAccounts::add_session(UnitOfWork& unit, std::string_view token_hash, std::int64_t user_id,
                                   std::int64_t now, std::string_view address) {
  SqliteUnitOfWork& work = sqlite_work(unit);
  Connection& c = work.connection();
  {
    TOASOAN_SQLITE_STATEMENT(s, c, TOASOAN_LITE(kAddSession));
    s.bind(token_hash, user_id, now, address);
    int rc = s.step();
    if (rc == SQLITE_DONE) return unknown_user(user_id);
    if (rc != SQLITE_ROW) return step_error(c);
  }
  return work.record(sql::kAccountTopic, std::to_string(user_id));
}

Result<std::optional<std::pair<Session, User>>> SqliteAccounts::session(std::string_view token_hash,
                                                                        std::int64_t idle_after,
                                                                        std::int64_t created_after) {
  using Found = std::optional<std::pair<Session, User>>;
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  Session session;
  User user;
  {
    TOASOAN_SQLITE_STATEMENT(s, c, TOASOAN_LITE(kSession));
    s.bind(token_hash);
    int rc = s.step();
    if (rc == SQLITE_DONE) return Found();
    if (rc != SQLITE_ROW) return step_error(c);
    auto u = sql::user_from_row(s, 2);
    if (!u) return u.error();
    user = std::move(*u);
    session = Session{user.id, s.int64(0), s.int64(1)};
  }
  if (session.last_seen < idle_after || session.created_at < created_after) {
    TOASOAN_SQLITE_STATEMENT(gone, c, TOASOAN_LITE(kDeleteExpiredSession));
    gone.bind(token_hash, idle_after, created_after);
    if (gone.step() != SQLITE_DONE) return step_error(c);
    return Found();
  }
  if (user.disabled) return Found();
  return Found(std::pair(session, std::move(user)));
}

Status SqliteAccounts::touch_session(std::string_view token_hash, std::int64_t now) {
  auto n = change(pool_, TOASOAN_LITE(kTouchSession), token_hash, now);
  if (!n) return n.error();
  return ok_status();
}

Status SqliteAccounts::end_session(UnitOfWork& unit, std::string_view token_hash) {
  SqliteUnitOfWork& work = sqlite_work(unit);
  Connection& c = work.connection();
  std::int64_t user_id;
  {
    TOASOAN_SQLITE_STATEMENT(s, c, TOASOAN_LITE(kEndSession));
    s.bind(token_hash);
    int rc = s.step();
    if (rc == SQLITE_DONE) return ok_status();  // already ended, or expired and purged
    if (rc != SQLITE_ROW) return step_error(c);
    user_id = s.int64(0);
  }
  return work.record(sql::kAccountTopic, std::to_string(user_id));
}

Result<std::int64_t> SqliteAccounts::purge_sessions(std::int64_t idle_before, std::int64_t created_before) {
  return change(pool_, TOASOAN_LITE(kPurgeSessions), idle_before, created_before);
}

Status SqliteAccounts::add_failure(std::string_view key, std::int64_t now) {
  auto n = change(pool_, TOASOAN_LITE(kAddFailure), key, now);
  if (!n) return n.error();
  return ok_status();
}

Result<std::pair<std::int64_t, std::int64_t>> SqliteAccounts::failures(std::string_view key, std::int64_t since) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, TOASOAN_LITE(kFailures));
  s.bind(key, since);
  if (s.step() != SQLITE_ROW) return step_error(c);
  return std::pair(s.int64(0), s.int64(1));
}

Status SqliteAccounts::clear_failures(std::string_view key) {
  auto n = change(pool_, TOASOAN_LITE(kClearFailures), key);
  if (!n) return n.error();
  return ok_status();
}

Result<std::int64_t> SqliteAccounts::purge_failures(std::int64_t before) {
  return change(pool_, TOASOAN_LITE(kPurgeFailures), before);
}

}  // namespace toasoan::store::sqlite
