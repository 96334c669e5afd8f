// A few threads beside the server that do the heavy work on photos (decoding, resizing,
// encoding), with a bounded queue in front: an upload waits its turn instead of taking one more
// photo's worth of memory, and beyond the queue it is told at once to try again. The server's
// workers hand a job over and go back to readers' pages.
//
// Thread-safety: post() from any thread; jobs run on the queue's own threads. The destructor
// runs the jobs already queued, then joins.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace toasoan::media {

class ProcessingQueue {
 public:
  // `threads` jobs run at once (at least 1); `waiting` more may wait for one.
  ProcessingQueue(int threads, int waiting);
  ~ProcessingQueue();
  ProcessingQueue(const ProcessingQueue&) = delete;
  ProcessingQueue& operator=(const ProcessingQueue&) = delete;

  // Queues `job`; false (and the job dropped, never run) when every thread is busy and the
  // queue is full.
  bool post(std::function<void()> job);

  // Jobs queued or running now.
  std::size_t in_hand() const;

 private:
  void run();

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;  // GUARDED_BY(mutex_)
  std::size_t running_ = 0;                 // GUARDED_BY(mutex_)
  bool stopping_ = false;                   // GUARDED_BY(mutex_)
  std::vector<std::thread> threads_;
};

}  // namespace toasoan::media
