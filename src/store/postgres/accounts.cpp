#include "store/postgres/accounts.hpp"

#include "store/accounts_sql.hpp"
#include "store/postgres/unit_of_work.hpp"

namespace toasoan::store::postgres {
namespace {

// One row as accounts_sql.hpp's readers take it.
struct Row {
  const Rows& rows;
  int row;
  std::int64_t int64(int col) const { return rows.int64(row, col); }
  std::string_view text(int col) const { return rows.text(row, col); }
  bool is_null(int col) const { return rows.is_null(row, col); }
};

Error unknown_user(std::int64_t id) { return not_found("không có người dùng số " + std::to_string(id)); }

// Runs an UPDATE … RETURNING id of one user on the unit's connection and logs the change;
// not_found when no user has that id.
Status update_user(PostgresUnitOfWork& work, const char* statement, std::initializer_list<Param> params,
                   std::int64_t id) {
  auto r = work.connection().query(statement, params);
  if (!r) return r.error();
  if (r->empty()) return unknown_user(id);
  return work.record(sql::kAccountTopic, std::to_string(id));
}

Status end_user_sessions(PostgresUnitOfWork& work, std::int64_t id) {
  auto r = work.connection().query(sql::kEndUserSessions, {id});
  if (!r) return r.error();
  return ok_status();
}

// The one user a statement keyed by `key` finds, if any.
Result<std::optional<User>> one_user(Pool& pool, const char* statement, Param key) {
  return pool.read([&](Connection& c) -> Result<std::optional<User>> {
    auto r = c.query(statement, {key});
    if (!r) return r.error();
    if (r->empty()) return std::optional<User>();
    auto u = sql::user_from_row(Row{*r, 0}, 0);
    if (!u) return u.error();
    return std::optional<User>(std::move(*u));
  });
}

// A statement that changes rows outside any unit of work (one transaction of its own), and
// how many it changed. Not tried again on another connection: a lost one may have committed.
Result<std::int64_t> change(Pool& pool, const std::string& statement, std::initializer_list<Param> params) {
  auto lease = pool.acquire();
  if (!lease) return lease.error();
  auto r = (*lease)->query(statement, params);
  if (!r) return r.error();
  return r->int64(0, 0);
}

// `statement` made to answer how many rows it changed.
std::string counted(const char* statement) {
  return std::string("WITH changed AS (") + statement + " RETURNING 1) SELECT count(*) FROM changed";
}

}  // namespace

Result<User> PostgresAccounts::add_user(UnitOfWork& unit, const NewUser& user, std::int64_t now) {
  PostgresUnitOfWork& work = postgres_work(unit);
  User out;
  out.username = user.username;
  out.display_name = user.display_name.empty() ? user.username : user.display_name;
  out.roles = user.roles;
  out.created_at = now;
  out.password_changed_at = now;
  auto r = work.connection().query(sql::kAddUser,
                                   {out.username, out.display_name, out.roles.to_string(), user.password_hash, now});
  if (!r) return r.error();
  if (r->empty()) return conflict("Tên đăng nhập đã có");
  out.id = r->int64(0, 0);
  if (auto s = work.record(sql::kAccountTopic, std::to_string(out.id)); !s) return s.error();
  return out;
}

Result<std::optional<User>> PostgresAccounts::user(std::int64_t id) { return one_user(pool_, sql::kUserById, id); }

Result<std::optional<User>> PostgresAccounts::user_by_name(std::string_view username) {
  return one_user(pool_, sql::kUserByName, username);
}

Result<std::optional<std::pair<User, std::string>>> PostgresAccounts::credentials(std::string_view username) {
  using Found = std::optional<std::pair<User, std::string>>;
  return pool_.read([&](Connection& c) -> Result<Found> {
    auto r = c.query(sql::kCredentials, {username});
    if (!r) return r.error();
    if (r->empty()) return Found();
    auto u = sql::user_from_row(Row{*r, 0}, 0);
    if (!u) return u.error();
    return Found(std::pair(std::move(*u), std::string(r->text(0, 7))));
  });
}

Result<std::vector<User>> PostgresAccounts::users() {
  return pool_.read([&](Connection& c) -> Result<std::vector<User>> {
    auto r = c.query(sql::kUsers);
    if (!r) return r.error();
    std::vector<User> out;
    for (int i = 0; i < r->size(); ++i) {
      auto u = sql::user_from_row(Row{*r, i}, 0);
      if (!u) return u.error();
      out.push_back(std::move(*u));
    }
    return out;
  });
}

Status PostgresAccounts::set_roles(UnitOfWork& unit, std::int64_t id, newsroom::Roles roles) {
  return update_user(postgres_work(unit), sql::kSetRoles, {id, roles.to_string()}, id);
}

Status PostgresAccounts::set_display_name(UnitOfWork& unit, std::int64_t id, std::string_view name) {
  return update_user(postgres_work(unit), sql::kSetDisplayName, {id, name}, id);
}

Status PostgresAccounts::set_disabled(UnitOfWork& unit, std::int64_t id, bool disabled) {
  PostgresUnitOfWork& work = postgres_work(unit);
  if (auto s = update_user(work, sql::kSetDisabled, {id, std::int64_t{disabled ? 1 : 0}}, id); !s) return s;
  return disabled ? end_user_sessions(work, id) : ok_status();
}

Status PostgresAccounts::set_password(UnitOfWork& unit, std::int64_t id, std::string_view password_hash,
                                      std::int64_t now) {
  PostgresUnitOfWork& work = postgres_work(unit);
  if (auto s = update_user(work, sql::kSetPassword, {id, password_hash, now}, id); !s) return s;
  return end_user_sessions(work, id);
}

Status PostgresAccounts::add_session(UnitOfWork& unit, std::string_view token_hash, std::int64_t user_id,
                                     std::int64_t now, std::string_view address) {
  PostgresUnitOfWork& work = postgres_work(unit);
  auto r = work.connection().query(sql::kAddSession, {token_hash, user_id, now, address});
  if (!r) return r.error();
  if (r->empty()) return unknown_user(user_id);
  return work.record(sql::kAccountTopic, std::to_string(user_id));
}

Result<std::optional<std::pair<Session, User>>> PostgresAccounts::session(std::string_view token_hash,
                                                                          std::int64_t idle_after,
                                                                          std::int64_t created_after) {
  using Found = std::optional<std::pair<Session, User>>;
  // A read that may delete the expired row it found: safe to repeat on another connection.
  return pool_.read([&](Connection& c) -> Result<Found> {
    auto r = c.query(sql::kSession, {token_hash});
    if (!r) return r.error();
    if (r->empty()) return Found();
    auto u = sql::user_from_row(Row{*r, 0}, 2);
    if (!u) return u.error();
    Session session{u->id, r->int64(0, 0), r->int64(0, 1)};
    if (session.last_seen < idle_after || session.created_at < created_after) {
      auto gone = c.query(sql::kDeleteExpiredSession, {token_hash, idle_after, created_after});
      if (!gone) return gone.error();
      return Found();
    }
    if (u->disabled) return Found();
    return Found(std::pair(session, std::move(*u)));
  });
}

Status PostgresAccounts::touch_session(std::string_view token_hash, std::int64_t now) {
  static const std::string statement = counted(sql::kTouchSession);
  auto n = change(pool_, statement, {token_hash, now});
  if (!n) return n.error();
  return ok_status();
}

Status PostgresAccounts::end_session(UnitOfWork& unit, std::string_view token_hash) {
  PostgresUnitOfWork& work = postgres_work(unit);
  auto r = work.connection().query(sql::kEndSession, {token_hash});
  if (!r) return r.error();
  if (r->empty()) return ok_status();  // already ended, or expired and purged
  return work.record(sql::kAccountTopic, std::to_string(r->int64(0, 0)));
}

Result<std::int64_t> PostgresAccounts::purge_sessions(std::int64_t idle_before, std::int64_t created_before) {
  static const std::string statement = counted(sql::kPurgeSessions);
  return change(pool_, statement, {idle_before, created_before});
}

Status PostgresAccounts::add_failure(std::string_view key, std::int64_t now) {
  static const std::string statement = counted(sql::kAddFailure);
  auto n = change(pool_, statement, {key, now});
  if (!n) return n.error();
  return ok_status();
}

Result<std::pair<std::int64_t, std::int64_t>> PostgresAccounts::failures(std::string_view key, std::int64_t since) {
  return pool_.read([&](Connection& c) -> Result<std::pair<std::int64_t, std::int64_t>> {
    auto r = c.query(sql::kFailures, {key, since});
    if (!r) return r.error();
    return std::pair(r->int64(0, 0), r->int64(0, 1));
  });
}

Status PostgresAccounts::clear_failures(std::string_view key) {
  static const std::string statement = counted(sql::kClearFailures);
  auto n = change(pool_, statement, {key});
  if (!n) return n.error();
  return ok_status();
}

Result<std::int64_t> PostgresAccounts::purge_failures(std::int64_t before) {
  static const std::string statement = counted(sql::kPurgeFailures);
  return change(pool_, statement, {before});
}

}  // namespace toasoan::store::postgres
