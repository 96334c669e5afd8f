#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

Pool::Pool(std::string path, std::unique_ptr<Connection> first, bool bulk_writes)
    : path_(std::move(path)), bulk_writes_(bulk_writes) {
  idle_.push_back(std::move(first));
}

Result<Pool::Lease> Pool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
  }
  auto c = Connection::open(path_, bulk_writes_);
  if (!c) return c.error();
  return Lease(this, std::move(*c));
}

void Pool::release(std::unique_ptr<Connection> c) {
  // A transaction still open (its ROLLBACK failed) must not reach the next borrower: the
  // connection is closed instead, which ends it.
  if (!sqlite3_get_autocommit(c->handle())) return;
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(c));
}

}  // namespace toasoan::store::sqlite
