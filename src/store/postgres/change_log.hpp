// The change log (store/change_log.hpp) on PostgreSQL: read through the pool; wait() sleeps on
// a connection of its own that LISTENs on toasoan_changes, which every unit of work notifies
// when it commits (from any node). A listener found dead is opened again, and that wakes the
// waiter: notifications sent meanwhile are gone, but the log is not, so since() catches up.
//
// Thread-safe: any method from any thread. One wait() at a time holds the listener; others
// wait for it up to their timeout and return at once when it heard something meanwhile.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "store/change_log.hpp"
#include "store/postgres/pool.hpp"

namespace toasoan::store::postgres {

class PostgresChangeLog final : public ChangeLog {
 public:
  // REQUIRES: `listener` came from listen(), and nothing else uses it.
  PostgresChangeLog(Pool& pool, std::unique_ptr<Connection> listener)
      : pool_(pool), listener_(std::move(listener)) {}

  // A new connection to `target` that LISTENs on the change channel.
  static Result<std::unique_ptr<Connection>> listen(const Target& target);

  Result<std::uint64_t> last_seq() override;
  Result<ChangeBatch> since(std::uint64_t after, int limit) override;
  Status wait(std::chrono::milliseconds timeout) override;
  Result<std::int64_t> purge(std::int64_t before) override;

 private:
  Pool& pool_;
  // Invariants: listener_, when set, is LISTENing and runs nothing else; heard_ grows each
  // time a wait() returned on a notification or a new listener.
  std::mutex listen_mutex_;
  std::unique_ptr<Connection> listener_;  // GUARDED_BY(listen_mutex_)
  std::atomic<std::uint64_t> heard_{0};
};

}  // namespace toasoan::store::postgres
