#include "media/processing_queue.hpp"

#include <algorithm>

#include "base/log.hpp"

namespace toasoan::media {

ProcessingQueue::ProcessingQueue(int threads, int waiting)
    : capacity_(static_cast<std::size_t>(std::max(1, threads) + std::max(0, waiting))) {
  for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { run(); });
}

ProcessingQueue::~ProcessingQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) t.join();
}

bool ProcessingQueue::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || jobs_.size() + running_ >= capacity_) return false;
    jobs_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

std::size_t ProcessingQueue::in_hand() const {
  std::lock_guard lock(mutex_);
  return jobs_.size() + running_;
}

void ProcessingQueue::run() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and nothing left to do
      job = std::move(jobs_.front());
      jobs_.pop_front();
      ++running_;
    }
    try {
      job();
    } catch (const std::exception& e) {
      log::error(std::string("photo processing: ") + e.what());
    }
    std::lock_guard lock(mutex_);
    --running_;
  }
}

}  // namespace toasoan::media
