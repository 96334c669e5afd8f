// A unit of work on PostgreSQL: a pooled connection holding an open transaction (READ
// COMMITTED). Rolls back when destroyed uncommitted. At commit it appends its change-log
// entries, numbered in commit order (see commit()), and sends NOTIFY toasoan_changes, which
// every node's listener hears when, and only if, the transaction commits.
//
// Not thread-safe: a unit of work belongs to the thread that began it.
#pragma once

#include <memory>

#include "store/change_set.hpp"
#include "store/database.hpp"
#include "store/postgres/pool.hpp"

namespace toasoan::store::postgres {

class PostgresUnitOfWork final : public UnitOfWork {
 public:
  static Result<std::unique_ptr<PostgresUnitOfWork>> begin(Pool& pool);
  // The same in two steps, so that a caller who runs a failed unit again can look at the
  // connection when BEGIN itself failed (a pooled connection the server had closed).
  static std::unique_ptr<PostgresUnitOfWork> adopt(Pool::Lease lease);
  Status start();
  ~PostgresUnitOfWork() override;

  Status record(std::string_view topic, std::string_view key) override;
  Status commit() override;

  // The connection the transaction runs on, for the areas' write methods, and for a caller
  // deciding whether to run a failed unit again (Connection::broken(), retryable()).
  Connection& connection() { return *lease_; }

 private:
  explicit PostgresUnitOfWork(Pool::Lease lease) : lease_(std::move(lease)) {}

  Pool::Lease lease_;
  ChangeSet changes_;
  bool done_ = false;
};

// The PostgreSQL unit of work behind `work`, for an area's write method.
// REQUIRES: `work` was begun by a PostgreSQL database (Database::begin()): units of work never
// cross engines.
inline PostgresUnitOfWork& postgres_work(UnitOfWork& work) { return static_cast<PostgresUnitOfWork&>(work); }

}  // namespace toasoan::store::postgres
