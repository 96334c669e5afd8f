#include "app/change_watcher.hpp"

#include "base/clock.hpp"
#include "base/log.hpp"
#include "text/datetime.hpp"

namespace toasoan::app {

ChangeWatcher::ChangeWatcher(store::Store& store, std::chrono::milliseconds interval, std::function<void()> on_change)
    : store_(store), interval_(interval), on_change_(std::move(on_change)), thread_([this] { run(); }) {}

ChangeWatcher::~ChangeWatcher() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

namespace {

// Pages show today's date in the masthead, so they go stale at midnight in Vietnam too.
std::int64_t vietnam_day() { return (unix_now() + text::kVietnamUtcOffsetSeconds) / 86400; }

}  // namespace

void ChangeWatcher::run() {
  std::optional<std::uint64_t> last;
  bool failing = false;
  std::int64_t day = vietnam_day();
  std::unique_lock lock(mutex_);
  while (!stop_) {
    lock.unlock();
    if (std::int64_t today = vietnam_day(); today != day) {
      day = today;
      on_change_();
    }
    auto token = store_.change_token();
    if (token) {
      if (last && *token != *last) on_change_();
      // After an outage we cannot know what changed meanwhile: start afresh.
      if (failing) on_change_();
      last = *token;
      failing = false;
    } else if (!failing) {
      log::warn("change watcher: " + token.error().message);
      failing = true;
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stop_; });
  }
}

}  // namespace toasoan::app
