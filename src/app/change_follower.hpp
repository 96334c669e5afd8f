// Follows the database's change log (store/change_log.hpp) on a thread of its own and tells the
// site what changed, so every node purges exactly the cached pages a write touched, within a
// fraction of a second, whoever wrote it (this server, a `toasoan import` in another process,
// another node on the same PostgreSQL).
//
// It also tells the site what no write announces: articles scheduled for a time that has
// now come (it sleeps until the earliest one), and a new day in Vietnam (every masthead shows
// the date). A node that lost its database resumes from the last sequence number it applied,
// so nothing committed meanwhile is missed; only when the log no longer reaches back that far
// (the node was away longer than the log keeps) is the whole cache dropped.
//
// Thread-safe: the counters may be read from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "store/change_log.hpp"
#include "store/reading.hpp"

namespace toasoan::app {

struct FollowerHooks {
  std::function<void(const std::vector<store::Change>&)> changed;  // a batch, in commit order
  std::function<void()> everything;                                // a gap, or a new day
  std::function<void()> due;                                       // scheduled articles are due
};

struct FollowerOptions {
  // The longest a wait for news lasts before the follower looks at the clock again.
  std::chrono::milliseconds wait{250};
  // Entries older than this are deleted from the log (once an hour): a node away longer
  // starts with an empty cache instead of replaying them.
  std::chrono::hours keep{24 * 7};
  std::function<std::int64_t()> clock;  // Unix seconds; unix_now when empty
  bool thread = true;                   // false: the caller drives it with poll_once() (tests)
};

class ChangeFollower {
 public:
  ChangeFollower(store::ChangeLog& log, store::Reading& reading, FollowerHooks hooks, FollowerOptions options = {});
  ~ChangeFollower();  // stops and joins

  // One round: reads what was committed since the last round and announces it, then what
  // the clock made due. Returns false when the database could not be reached.
  bool poll_once();

  std::uint64_t last_seq() const { return last_seq_.load(std::memory_order_relaxed); }
  std::uint64_t changes_applied() const { return applied_.load(std::memory_order_relaxed); }

 private:
  void run();
  bool start();
  void refresh_next_due(std::int64_t now);

  store::ChangeLog& log_;
  store::Reading& reading_;
  FollowerHooks hooks_;
  FollowerOptions options_;

  // Touched only by the thread that polls.
  bool started_ = false;
  bool failing_ = false;
  std::optional<std::int64_t> next_due_;
  std::int64_t day_ = 0;
  std::int64_t last_purge_ = 0;

  std::atomic<std::uint64_t> last_seq_{0};
  std::atomic<std::uint64_t> applied_{0};

  std::mutex mutex_;
  std::condition_variable stopped_;
  bool stop_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace toasoan::app
