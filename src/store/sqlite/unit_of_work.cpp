#include "store/sqlite/unit_of_work.hpp"

#include "base/clock.hpp"

namespace toasoan::store::sqlite {

Result<std::unique_ptr<SqliteUnitOfWork>> SqliteUnitOfWork::begin(Pool& pool) { return start(pool, false); }

Result<std::unique_ptr<SqliteUnitOfWork>> SqliteUnitOfWork::begin_durable(Pool& pool) { return start(pool, true); }

Result<std::unique_ptr<SqliteUnitOfWork>> SqliteUnitOfWork::start(Pool& pool, bool durable) {
  auto lease = pool.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  if (durable)
    if (auto s = c.exec("PRAGMA synchronous=FULL"); !s) return s.error();
  if (auto s = c.exec("BEGIN IMMEDIATE"); !s) {
    if (durable) (void)c.exec("PRAGMA synchronous=NORMAL");
    return s.error();
  }
  return std::unique_ptr<SqliteUnitOfWork>(new SqliteUnitOfWork(std::move(*lease), durable));
}

SqliteUnitOfWork::~SqliteUnitOfWork() {
  if (!done_) {
    (void)lease_->exec("ROLLBACK");
    end_durability();
  }
}

void SqliteUnitOfWork::end_durability() {
  // Should this fail, the connection stays at FULL: slower writes, nothing lost.
  if (durable_) (void)lease_->exec("PRAGMA synchronous=NORMAL");
}

Status SqliteUnitOfWork::record(std::string_view topic, std::string_view key) {
  if (done_) return internal("SQLite: ghi nhật ký thay đổi sau khi giao dịch đã kết thúc");
  changes_.add(topic, key);
  return ok_status();
}

Status SqliteUnitOfWork::commit() {
  if (done_) return internal("SQLite: giao dịch đã kết thúc");
  Connection& c = *lease_;
  // One writer at a time (BEGIN IMMEDIATE), so AUTOINCREMENT numbers entries in commit order.
  const std::int64_t at = unix_now();
  for (const auto& [topic, key] : changes_.entries()) {
    TOASOAN_SQLITE_STATEMENT(append, c, "INSERT INTO change_log (topic, key, at) VALUES (?, ?, ?)");
    append.bind(topic, key, at);
    if (append.step() != SQLITE_DONE) return step_error(c);
  }
  if (auto s = c.exec("COMMIT"); !s) return s;
  done_ = true;
  end_durability();
  return ok_status();
}

}  // namespace toasoan::store::sqlite
