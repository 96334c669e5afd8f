// The statements of the accounts, audit and settings areas (accounts.hpp, audit.hpp,
// settings.hpp), written once for both engines in PostgreSQL's $N form (sql::sqlite_form()
// makes them SQLite's), the audit list's filter, and how a row of either engine reads as a
// User or an AuditEntry, each written once. Thread-safe: constants and pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <optional>
#include <vector>

#include "store/accounts.hpp"
#include "store/audit.hpp"
#include "store/shared_sql.hpp"

namespace toasoan::store::sql {

// Change-log topics of these areas (site/cache_tags.cpp knows they purge no page).
inline constexpr const char* kAccountTopic = "account";
inline constexpr const char* kSettingTopic = "setting";

// A user's columns in the order each engine's accounts.cpp reads them (kSession too, after two).
#define TOASOAN_USER_COLUMNS "id, username, display_name, roles, disabled, created_at, password_changed_at"

// ON CONFLICT DO NOTHING rather than a unique violation: a taken name leaves the unit of work
// usable (PostgreSQL aborts a transaction at its first error), and a concurrent insert of the
// same name waits for the other and then finds it taken.
inline constexpr const char* kAddUser =
    "INSERT INTO users (username, display_name, roles, password_hash, disabled, created_at, password_changed_at) "
    "VALUES ($1, $2, $3, $4, 0, $5, $5) ON CONFLICT (username) DO NOTHING RETURNING id";
inline constexpr const char* kUserById = "SELECT " TOASOAN_USER_COLUMNS " FROM users WHERE id = $1";
inline constexpr const char* kUserByName = "SELECT " TOASOAN_USER_COLUMNS " FROM users WHERE username = $1";
inline constexpr const char* kCredentials =
    "SELECT " TOASOAN_USER_COLUMNS ", password_hash FROM users WHERE username = $1";
inline constexpr const char* kUsers = "SELECT " TOASOAN_USER_COLUMNS " FROM users ORDER BY username";
// Each update returns the id, so that an unknown one is told from a change to the same value.
inline constexpr const char* kSetRoles = "UPDATE users SET roles = $2 WHERE id = $1 RETURNING id";
inline constexpr const char* kSetDisplayName = "UPDATE users SET display_name = $2 WHERE id = $1 RETURNING id";
inline constexpr const char* kSetDisabled = "UPDATE users SET disabled = $2 WHERE id = $1 RETURNING id";
inline constexpr const char* kSetPassword =
    "UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1 RETURNING id";
inline constexpr const char* kEndUserSessions = "DELETE FROM sessions WHERE user_id = $1";

// Inserted only for a user that exists, so an unknown id is not_found and not a foreign-key
// failure (which would abort a PostgreSQL unit of work). The casts give PostgreSQL the types a
// SELECT list cannot tell it.
inline constexpr const char* kAddSession =
    "INSERT INTO sessions (token_hash, user_id, created_at, last_seen, address) "
    "SELECT CAST($1 AS TEXT), id, CAST($3 AS BIGINT), CAST($3 AS BIGINT), CAST($4 AS TEXT) FROM users WHERE id = $2 "
    "RETURNING user_id";
inline constexpr const char* kSession =
    "SELECT s.created_at, s.last_seen, u.id, u.username, u.display_name, u.roles, u.disabled, u.created_at, "
    "u.password_changed_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1";
// The same expiry as the read that found the session, so a touch in between keeps it.
inline constexpr const char* kDeleteExpiredSession =
    "DELETE FROM sessions WHERE token_hash = $1 AND (last_seen < $2 OR created_at < $3)";
// Never back in time: two nodes touching at once leave the later time.
inline constexpr const char* kTouchSession =
    "UPDATE sessions SET last_seen = $2 WHERE token_hash = $1 AND last_seen < $2";
inline constexpr const char* kEndSession = "DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id";
inline constexpr const char* kPurgeSessions = "DELETE FROM sessions WHERE last_seen < $1 OR created_at < $2";

inline constexpr const char* kAddFailure = "INSERT INTO login_failures (key, at) VALUES ($1, $2)";
// Served by login_failures_key_at alone.
inline constexpr const char* kFailures =
    "SELECT count(*), COALESCE(MAX(at), 0) FROM login_failures WHERE key = $1 AND at >= $2";
inline constexpr const char* kClearFailures = "DELETE FROM login_failures WHERE key = $1";
inline constexpr const char* kPurgeFailures = "DELETE FROM login_failures WHERE at < $1";

inline constexpr const char* kGetSetting = "SELECT value FROM settings WHERE name = $1";
inline constexpr const char* kAllSettings = "SELECT name, value FROM settings ORDER BY name";
inline constexpr const char* kSetSetting =
    "INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value";

inline constexpr const char* kAppendAudit =
    "INSERT INTO audit_log (at, user_id, username, address, action, article_id, state_before, state_after, note, "
    "detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

// The audit list's WHERE clause for a query and its parameters, numbered $1… in order; the
// page's LIMIT and OFFSET come after them. Only the filters asked for appear, so each
// combination is a statement of its own that the indexes serve.
struct AuditFilter {
  // A number, or text when there is none (a plain struct: GCC 12 warns falsely about a
  // variant holding a string here).
  struct Value {
    std::optional<std::int64_t> number;
    std::string text;
  };
  std::string where;  // "" or " WHERE …"
  std::vector<Value> params;
};

inline AuditFilter audit_filter(const AuditQuery& q) {
  AuditFilter f;
  auto add = [&](const std::string& condition, AuditFilter::Value value) {
    f.params.push_back(std::move(value));
    std::string n = "$" + std::to_string(f.params.size());
    std::string c = condition;
    for (auto at = c.find('?'); at != std::string::npos; at = c.find('?', at + n.size())) c.replace(at, 1, n);
    f.where += (f.where.empty() ? " WHERE " : " AND ") + c;
  };
  if (q.user_id) add("user_id = ?", {q.user_id, {}});
  if (!q.action.empty() && q.action.back() == '.') {
    // A prefix is compared by its length in characters, which both engines' substr() count:
    // a range on the column would follow PostgreSQL's collation, which may order '.' apart.
    std::int64_t chars = 0;
    for (unsigned char ch : q.action)
      if ((ch & 0xC0) != 0x80) ++chars;
    f.params.push_back({chars, {}});
    std::string n = "$" + std::to_string(f.params.size());
    add("substr(action, 1, " + n + ") = ?", {std::nullopt, q.action});
  } else if (!q.action.empty()) {
    add("action = ?", {std::nullopt, q.action});
  }
  if (q.article_id) add("article_id = ?", {q.article_id, {}});
  if (q.from) add("at >= ?", {q.from, {}});
  if (q.to) add("at < ?", {q.to, {}});
  return f;
}

inline constexpr const char* kAuditColumns =
    "id, at, user_id, username, address, action, article_id, state_before, state_after, note, detail";

// A row of either engine: int64(col), text(col) and is_null(col), as SQLite's Statement has
// them and each engine's accounts.cpp gives PostgreSQL's.
template <class Row>
Result<User> user_from_row(const Row& r, int first) {
  User u;
  u.id = r.int64(first);
  u.username = std::string(r.text(first + 1));
  u.display_name = std::string(r.text(first + 2));
  // A user may hold no role (an account being set up); Roles::parse refuses "".
  if (auto text = r.text(first + 3); !text.empty()) {
    auto roles = newsroom::Roles::parse(text);
    if (!roles) return internal("vai trò lưu của người dùng " + u.username + " không đọc được: " + roles.error().message);
    u.roles = *roles;
  }
  u.disabled = r.int64(first + 4) != 0;
  u.created_at = r.int64(first + 5);
  u.password_changed_at = r.int64(first + 6);
  return u;
}

// A row of kAuditColumns.
template <class Row>
AuditEntry audit_from_row(const Row& r) {
  AuditEntry e;
  e.id = r.int64(0);
  e.at = r.int64(1);
  if (!r.is_null(2)) e.user_id = r.int64(2);
  e.username = std::string(r.text(3));
  e.address = std::string(r.text(4));
  e.action = std::string(r.text(5));
  if (!r.is_null(6)) e.article_id = r.int64(6);
  e.state_before = std::string(r.text(7));
  e.state_after = std::string(r.text(8));
  e.note = std::string(r.text(9));
  e.detail = std::string(r.text(10));
  return e;
}

}  // namespace toasoan::store::sql
