#include "store/sqlite/connection.hpp"

#include "store/sqlite/proximity.hpp"

namespace toasoan::store::sqlite {

// Long enough to ride out an import's batch commit from another process, short enough that
// a reader never hangs a page.
constexpr int kBusyTimeoutMs = 5000;

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path, bool bulk_writes) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return unavailable("không mở được cơ sở dữ liệu SQLite " + path + ": " + msg);
  }
  std::unique_ptr<Connection> c(new Connection(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // synchronous=NORMAL is durable across application crashes in WAL mode; only a power loss
  // can drop the last transactions, the trade every WAL deployment makes for write speed.
  auto s = c->exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
      "PRAGMA temp_store=MEMORY;");
  if (!s) return invalid(path + " không phải cơ sở dữ liệu SQLite dùng được: " + s.error().message);
  // Pages: 64 MiB of cache (a negative size is in KiB), 16,384 pages of 4 KiB in the log.
  if (bulk_writes)
    if (auto b = c->exec("PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;"); !b) return b.error();
  if (auto f = register_search_functions(db); !f) return f.error();
  return c;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Result<sqlite3_stmt*> Connection::prepare(std::string_view sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) return internal("SQLite prepare: " + last_error());
  cache_.emplace(sql, stmt);
  return stmt;
}

Status Connection::exec(std::string_view sql) {
  std::string owned(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return unavailable("SQLite bận: " + msg);
    return internal("SQLite: " + msg);
  }
  return ok_status();
}

Error step_error(Connection& c) {
  int code = sqlite3_errcode(c.handle());
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return unavailable("SQLite bận: " + c.last_error());
  return internal("SQLite: " + c.last_error());
}

std::string Connection::last_error() const { return sqlite3_errmsg(db_); }

}  // namespace toasoan::store::sqlite
