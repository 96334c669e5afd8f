#include "store/postgres/pool.hpp"

#include "base/log.hpp"

namespace toasoan::store::postgres {
namespace {

// How long a caller waits for a pooled connection when all are in use before it gets a 503:
// a query takes milliseconds, so a wait this long means the database is stuck.
constexpr std::chrono::seconds kAcquireTimeout{5};
// After a failed connect, calls fail at once for this long instead of each waiting for its
// own connect to fail: during an outage, pages answer 503 immediately and the server is not
// hammered, and the node still notices the database's return within a second.
constexpr std::chrono::milliseconds kReconnectPause{500};

}  // namespace

Pool::Pool(Target target, int pool_size, std::unique_ptr<Connection> first)
    : target_(std::move(target)), pool_size_(pool_size) {
  idle_.push_back(std::move(first));
  open_ = 1;
}

Result<Pool::Lease> Pool::acquire() {
  std::unique_lock lock(mutex_);
  auto deadline = std::chrono::steady_clock::now() + kAcquireTimeout;
  for (;;) {
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
    if (open_ < pool_size_) {
      if (connect_error_ && std::chrono::steady_clock::now() < reconnect_at_) return *connect_error_;
      ++open_;
      lock.unlock();
      auto c = Connection::connect(target_);
      if (c) {
        {
          std::lock_guard relock(mutex_);
          connect_error_.reset();
        }
        return Lease(this, std::move(*c));
      }
      lock.lock();
      --open_;
      connect_error_ = c.error();
      reconnect_at_ = std::chrono::steady_clock::now() + kReconnectPause;
      returned_.notify_one();
      return c.error();
    }
    if (returned_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= pool_size_)
      return unavailable("cả " + std::to_string(pool_size_) + " kết nối tới PostgreSQL " + target_.display +
                         " đều bận quá " + std::to_string(kAcquireTimeout.count()) + " giây");
  }
}

void Pool::release(std::unique_ptr<Connection> c) {
  std::vector<std::unique_ptr<Connection>> dropped;  // closed outside the lock
  {
    std::lock_guard lock(mutex_);
    if (!c->broken() && !c->in_transaction()) {
      idle_.push_back(std::move(c));
      returned_.notify_one();
      return;
    }
    // What breaks one connection (a restarted server, a failover, a network cut) has broken
    // the idle ones too: drop them now rather than let each next request find out.
    if (c->broken()) dropped.swap(idle_);  // a connection still in a transaction drops alone
    dropped.push_back(std::move(c));
    open_ -= static_cast<int>(dropped.size());
    returned_.notify_all();
  }
  log::warn("PostgreSQL " + target_.display + ": bỏ " + std::to_string(dropped.size()) +
            " kết nối hỏng, sẽ kết nối lại");
}

}  // namespace toasoan::store::postgres
