// A thin RAII layer over one sqlite3 connection: prepared statements that are compiled once
// per connection and reused, typed binding, and errors as Results.
//
// A Connection is used by one thread at a time (the store's pool hands it out); SQLite is
// built threadsafe, but sharing one connection would serialise every reader on its mutex.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/result.hpp"

namespace toasoan::store::sqlite {

// A prepared statement borrowed from its connection's cache. Reset and cleared of bindings
// when the borrow ends, so the next user finds it fresh.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* s) : s_(s) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

  // Binds parameters 1..n in order.
  template <class... Args>
  Statement& bind(const Args&... args) {
    int i = 0;
    (bind_one(++i, args), ...);
    return *this;
  }

  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return sqlite3_step(s_); }

  std::int64_t int64(int col) const { return sqlite3_column_int64(s_, col); }
  std::string_view text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : std::string_view();
  }
  double real(int col) const { return sqlite3_column_double(s_, col); }
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  sqlite3_stmt* handle() { return s_; }

 private:
  void bind_one(int i, std::int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void bind_one(int i, int v) { sqlite3_bind_int64(s_, i, v); }
  void bind_one(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void bind_one(int i, const std::string& v) { bind_one(i, std::string_view(v)); }
  void bind_one(int i, const char* v) { bind_one(i, std::string_view(v)); }
  void bind_one(int i, std::nullptr_t) { sqlite3_bind_null(s_, i); }

  sqlite3_stmt* s_;
};

class Connection {
 public:
  // Opens (creating if needed) the database file with WAL, foreign keys and a busy timeout.
  static Result<std::unique_ptr<Connection>> open(const std::string& path);
  ~Connection();

  // REQUIRES: sql is a string literal or otherwise outlives the connection; it keys the cache.
  Result<sqlite3_stmt*> prepare(const char* sql);

  // Runs one or more statements with no parameters and no results (migrations, pragmas).
  Status exec(std::string_view sql);

  std::string last_error() const;
  sqlite3* handle() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<const char*, sqlite3_stmt*> cache_;
};

// Borrows the cached statement for `sql` or returns the preparation error.
#define TOASOAN_SQLITE_STATEMENT(var, conn, sql)            \
  auto var##_prepared = (conn).prepare(sql);                \
  if (!var##_prepared) return var##_prepared.error();       \
  ::toasoan::store::sqlite::Statement var(*var##_prepared)

}  // namespace toasoan::store::sqlite
