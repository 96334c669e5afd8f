// A thin RAII layer over one sqlite3 connection: prepared statements that are compiled once
// per connection and reused, typed binding, and errors as Results.
//
// A Connection is used by one thread at a time (the store's pool hands it out); SQLite is
// built threadsafe, but sharing one connection would serialise every reader on its mutex.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/result.hpp"

namespace toasoan::store::sqlite {

// A prepared statement borrowed from its connection's cache. Reset and cleared of bindings
// when the borrow ends, so the next user finds it fresh. A binding that fails (an index the
// statement lacks, text too long, no memory) is kept and step() reports it, so a statement
// never runs with a parameter silently left NULL.
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
    (bind_at(++i, args), ...);
    return *this;
  }
  // Binds parameter i (?i) alone; an empty optional leaves it NULL.
  Statement& bind_at(int i, std::int64_t v) { return check(sqlite3_bind_int64(s_, i, v)); }
  Statement& bind_at(int i, int v) { return check(sqlite3_bind_int64(s_, i, v)); }
  Statement& bind_at(int i, std::string_view v) {
    return check(sqlite3_bind_text64(s_, i, v.data() ? v.data() : "", v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  Statement& bind_at(int i, const std::string& v) { return bind_at(i, std::string_view(v)); }
  Statement& bind_at(int i, const char* v) { return bind_at(i, std::string_view(v)); }
  Statement& bind_at(int i, std::nullptr_t) { return check(sqlite3_bind_null(s_, i)); }
  Statement& bind_at(int i, const std::optional<std::int64_t>& v) {
    return v ? bind_at(i, *v) : bind_at(i, nullptr);
  }
  // Binds bytes that are not text (a photo's original), kept as a BLOB: NULs and all.
  Statement& bind_blob_at(int i, std::string_view v) {
    return check(sqlite3_bind_blob64(s_, i, v.data() ? v.data() : "", v.size(), SQLITE_TRANSIENT));
  }

  // SQLITE_ROW, SQLITE_DONE or an error code (the first failed binding's, if any).
  int step() { return bind_error_ != SQLITE_OK ? bind_error_ : sqlite3_step(s_); }

  std::int64_t int64(int col) const { return sqlite3_column_int64(s_, col); }
  std::string_view text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : std::string_view();
  }
  // A BLOB column's bytes (an empty one has no pointer: read as "").
  std::string_view blob(int col) const {
    auto p = static_cast<const char*>(sqlite3_column_blob(s_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : std::string_view();
  }
  double real(int col) const { return sqlite3_column_double(s_, col); }
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  sqlite3_stmt* handle() { return s_; }

 private:
  Statement& check(int rc) {
    if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
    return *this;
  }

  sqlite3_stmt* s_;
  int bind_error_ = SQLITE_OK;
};

class Connection {
 public:
  // Opens (creating if needed) the database file with WAL, foreign keys and a busy timeout;
  // `bulk_writes` as OpenOptions says (store/database.hpp).
  static Result<std::unique_ptr<Connection>> open(const std::string& path, bool bulk_writes = false);
  ~Connection();

  // The statement for `sql`, compiled the first time this text is seen on this connection.
  // The cache is keyed by the text itself, so a statement built at run time is compiled once
  // however many string objects spell it.
  Result<sqlite3_stmt*> prepare(std::string_view sql);
  // How many statements this connection keeps compiled.
  std::size_t cached_statements() const { return cache_.size(); }

  // Runs one or more statements with no parameters and no results (migrations, pragmas).
  Status exec(std::string_view sql);

  std::string last_error() const;
  sqlite3* handle() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  // Transparent, so a lookup by string_view allocates nothing.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> cache_;
};

// A write transaction on one connection outside any unit of work (migrations, a reindex).
// Rolls back unless committed, so an early return leaves nothing half-done.
//
// Such a transaction may drop or rewrite a whole table (the search index), and SQLite keeps
// what each statement changes in its statement journal until the statement ends: every page
// of a dropped table. Connections keep temporary data in memory (temp_store=MEMORY, for their
// sorts), which made that journal the whole old index in memory: 3.5 GB for a million
// articles. For the length of the transaction it goes to a temporary file instead.
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Status begin() {
    // SQLite refuses to change where temporary data goes inside a transaction.
    if (auto s = c_.exec("PRAGMA temp_store=FILE"); !s) return s;
    return c_.exec("BEGIN IMMEDIATE");
  }
  Status commit() {
    auto s = c_.exec("COMMIT");
    if (s) {
      done_ = true;
      (void)c_.exec("PRAGMA temp_store=MEMORY");  // should it fail: slower sorts, nothing lost
    }
    return s;
  }
  ~Transaction() {
    if (done_) return;
    (void)c_.exec("ROLLBACK");
    (void)c_.exec("PRAGMA temp_store=MEMORY");
  }

 private:
  Connection& c_;
  bool done_ = false;
};

// The error of the last failed step on `c`: unavailable when another writer held the file
// past the busy timeout, internal otherwise.
Error step_error(Connection& c);

// Borrows the cached statement for `sql` or returns the preparation error.
#define TOASOAN_SQLITE_STATEMENT(var, conn, sql)            \
  auto var##_prepared = (conn).prepare(sql);                \
  if (!var##_prepared) return var##_prepared.error();       \
  ::toasoan::store::sqlite::Statement var(*var##_prepared)

}  // namespace toasoan::store::sqlite
