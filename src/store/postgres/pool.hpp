// The PostgreSQL connections of one database: at most OpenOptions::pool_size, opened on
// demand, each keeping its prepared statements. A connection found broken is dropped with the
// idle ones (a server restart breaks them all), and a read that failed on it is tried once
// more on a fresh connection, so a node rides out a restart of the database and reconnects by
// itself; while the server cannot be reached, calls fail fast with ErrorKind::unavailable.
//
// Thread-safe: any method from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "store/lease.hpp"
#include "store/postgres/connection.hpp"

namespace toasoan::store::postgres {

class Pool {
 public:
  using Lease = store::Lease<Pool, Connection>;

  // REQUIRES: pool_size >= 1; `first` is a healthy connection to `target`.
  Pool(Target target, int pool_size, std::unique_ptr<Connection> first);
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // A pooled connection: an idle one, else a new one while fewer than pool_size are open,
  // else the first one returned, waiting at most kAcquireTimeout.
  Result<Lease> acquire();

  // Runs `f` (a read: safe to repeat) on a pooled connection, and once more on another when
  // the first turned out broken.
  template <class F>
  auto read(F&& f) -> decltype(f(std::declval<Connection&>())) {
    for (int attempt = 1;; ++attempt) {
      auto lease = acquire();
      if (!lease) return lease.error();
      auto r = f(**lease);
      if (r.ok() || attempt == 2 || !(*lease)->broken()) return r;
    }
  }

  const Target& target() const { return target_; }

 private:
  friend class store::Lease<Pool, Connection>;
  void release(std::unique_ptr<Connection> c);

  const Target target_;
  const int pool_size_;

  // Invariants, under mutex_:
  // 1. open_ = idle_.size() + connections leased out ≤ pool_size_.
  // 2. A connection in idle_ is outside any transaction and was healthy when it came back.
  // 3. While steady_clock::now() < reconnect_at_, no new connection is tried and acquire()
  //    fails with connect_error_ unless an idle connection is left.
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;         // GUARDED_BY(mutex_)
  int open_ = 0;                                          // GUARDED_BY(mutex_)
  std::chrono::steady_clock::time_point reconnect_at_{};  // GUARDED_BY(mutex_)
  std::optional<Error> connect_error_;                    // GUARDED_BY(mutex_)
};

}  // namespace toasoan::store::postgres
