// A unit of work on SQLite: a pooled connection holding a BEGIN IMMEDIATE transaction, so the
// unit is the one writer from its first statement (no upgrade from reader to writer halfway,
// which SQLite could only refuse with SQLITE_BUSY). Rolls back when destroyed uncommitted.
// The change-log entries are written at commit, just before COMMIT.
//
// The pool's connections run synchronous=NORMAL (connection.cpp): a commit survives the
// process dying, not a power loss. A durable unit (begin_durable()) runs its transaction
// with synchronous=FULL, so its commit is on the disk when commit() returns, and gives its
// connection back at NORMAL. SQLite refuses to change the level inside a transaction ("Safety
// level may not be changed inside a transaction"), so it is set before BEGIN and reset after
// COMMIT or ROLLBACK.
//
// Not thread-safe: a unit of work belongs to the thread that began it.
#pragma once

#include <memory>

#include "store/change_set.hpp"
#include "store/database.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqliteUnitOfWork final : public UnitOfWork {
 public:
  static Result<std::unique_ptr<SqliteUnitOfWork>> begin(Pool& pool);
  // A unit whose commit is flushed to the disk (WAL synced) before commit() returns.
  static Result<std::unique_ptr<SqliteUnitOfWork>> begin_durable(Pool& pool);
  ~SqliteUnitOfWork() override;

  Status record(std::string_view topic, std::string_view key) override;
  Status commit() override;

  // The connection the transaction runs on, for the areas' write methods.
  // REQUIRES: not committed yet.
  Connection& connection() { return *lease_; }

 private:
  SqliteUnitOfWork(Pool::Lease lease, bool durable) : lease_(std::move(lease)), durable_(durable) {}
  static Result<std::unique_ptr<SqliteUnitOfWork>> start(Pool& pool, bool durable);
  // Back to the pool's level, once the transaction has ended.
  void end_durability();

  Pool::Lease lease_;
  ChangeSet changes_;
  const bool durable_;
  bool done_ = false;
};

// The SQLite unit of work behind `work`, for an area's write method.
// REQUIRES: `work` was begun by a SQLite database (Database::begin()): units of work never
// cross engines.
inline SqliteUnitOfWork& sqlite_work(UnitOfWork& work) { return static_cast<SqliteUnitOfWork&>(work); }

}  // namespace toasoan::store::sqlite
