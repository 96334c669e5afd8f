// The inbox: readers' comments wait here for the next group commit. One thread takes everything
// waiting, writes it with Comments::post() in one unit of work that commits with one flush of
// the disk, then tells each sender how its comment fared. While a batch is on its way to disk the
// next one gathers, so the more readers post at once, the more share each flush: throughput
// grows with load instead of each comment paying a flush of its own.
//
// A sender is told only after the commit, so "received" always means durable.
//
// Thread-safe: submit() from any thread; `done` runs on the inbox's thread and must not block.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "base/result.hpp"
#include "store/comments.hpp"

namespace toasoan::comments {

struct InboxOptions {
  store::PostLimits limits;
  std::size_t max_batch = 512;    // comments per commit at most
  std::size_t max_waiting = 20000;  // beyond this submit() refuses: the disk cannot keep up
};

class Inbox {
 public:
  using Done = std::function<void(Result<store::Posted>)>;
  using Clock = std::function<std::int64_t()>;

  Inbox(store::Comments& store, InboxOptions options, Clock clock);
  ~Inbox();  // writes what is waiting, then stops
  Inbox(const Inbox&) = delete;
  Inbox& operator=(const Inbox&) = delete;

  // Queues `comment`; `done` runs once with its outcome after its batch committed, or with the
  // error that kept the batch from committing. False (and `done` never runs) when the inbox
  // is full or stopping.
  bool submit(store::NewComment comment, Done done);

  // Writes what is waiting, then stops taking more. Idempotent.
  void stop();

  // For the operator's metrics: batches committed and comments written in them.
  std::uint64_t batches() const;
  std::uint64_t written() const;

 private:
  struct Waiting {
    store::NewComment comment;
    Done done;
  };
  void run();

  store::Comments& store_;
  const InboxOptions options_;
  const Clock clock_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Waiting> waiting_;  // GUARDED_BY(mutex_)
  bool stopping_ = false;        // GUARDED_BY(mutex_)
  std::uint64_t batches_ = 0;    // GUARDED_BY(mutex_)
  std::uint64_t written_ = 0;    // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace toasoan::comments
