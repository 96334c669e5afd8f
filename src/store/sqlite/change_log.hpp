// The change log (store/change_log.hpp) on SQLite: read through the pool; wait() polls
// PRAGMA data_version on a connection of its own, which moves when any *other* connection
// commits to the file (this process's pool, another process, an import): every write of ours
// goes through the pool, so all of them show.
//
// Thread-safe: any method from any thread; concurrent wait()s share the watching connection
// one read at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "store/change_log.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqliteChangeLog final : public ChangeLog {
 public:
  // REQUIRES: `watcher` is a connection to the pool's file that nothing else uses.
  SqliteChangeLog(Pool& pool, std::unique_ptr<Connection> watcher) : pool_(pool), watcher_(std::move(watcher)) {}

  Result<std::uint64_t> last_seq() override;
  Result<ChangeBatch> since(std::uint64_t after, int limit) override;
  Status wait(std::chrono::milliseconds timeout) override;
  Result<std::int64_t> purge(std::int64_t before) override;

 private:
  Result<std::int64_t> data_version();

  Pool& pool_;
  std::mutex watch_mutex_;
  std::unique_ptr<Connection> watcher_;  // GUARDED_BY(watch_mutex_)
  // The data_version the last wait() returned on, so a commit between two waits (while the
  // follower was reading since()) wakes the next one at once.
  std::int64_t seen_ = -1;               // GUARDED_BY(watch_mutex_)
};

}  // namespace toasoan::store::sqlite
