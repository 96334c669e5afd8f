#include "app/scheduler.hpp"

#include "base/log.hpp"

namespace toasoan::app {

void Scheduler::run_once() {
  auto r = office_.publish_due();
  if (!r) {
    if (!reported_) log::error("scheduler: " + r.error().message);
    reported_ = true;
    return;
  }
  reported_ = false;
  if (auto now = std::chrono::steady_clock::now(); now >= next_purge_) {
    next_purge_ = now + std::chrono::hours(1);
    if (auto p = staff_.purge(); !p) log::error("scheduler: purging sessions: " + p.error().message);
    for (const auto& chore : chores_) chore();
  }
  if (*r > 0) log::info("scheduler: published " + std::to_string(*r) + " scheduled article(s)");
}

void Scheduler::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      run_once();
      lock.lock();
      cv_.wait_for(lock, every_, [this] { return stopping_; });
    }
  });
}

void Scheduler::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace toasoan::app
