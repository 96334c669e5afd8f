#include "app/change_follower.hpp"

#include "base/clock.hpp"
#include "base/log.hpp"
#include "text/datetime.hpp"

namespace toasoan::app {
namespace {

// Read in slices so one huge import does not hold thousands of entries in memory at once.
constexpr int kBatch = 1000;
constexpr std::int64_t kPurgeEverySeconds = 3600;

std::int64_t vietnam_day(std::int64_t now) { return (now + text::kVietnamUtcOffsetSeconds) / 86400; }

}  // namespace

ChangeFollower::ChangeFollower(store::ChangeLog& log, store::Reading& reading, FollowerHooks hooks,
                               FollowerOptions options)
    : log_(log), reading_(reading), hooks_(std::move(hooks)), options_(std::move(options)) {
  if (!options_.clock) options_.clock = unix_now;
  day_ = vietnam_day(options_.clock());
  if (options_.thread) thread_ = std::thread([this] { run(); });
}

ChangeFollower::~ChangeFollower() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stopped_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ChangeFollower::start() {
  auto last = log_.last_seq();
  if (!last) return false;
  last_seq_ = *last;
  started_ = true;
  refresh_next_due(options_.clock());
  return true;
}

void ChangeFollower::refresh_next_due(std::int64_t now) {
  auto next = reading_.next_publication(now);
  if (next) next_due_ = *next;
}

bool ChangeFollower::poll_once() {
  if (!started_ && !start()) return false;
  bool listings_moved = false;
  for (;;) {
    auto batch = log_.since(last_seq_, kBatch);
    if (!batch) return false;
    if (batch->gap) {
      log::warn("change log: entries after " + std::to_string(last_seq_.load()) +
                " are gone; dropping every cached page");
      hooks_.everything();
      listings_moved = true;
    } else if (!batch->changes.empty()) {
      hooks_.changed(batch->changes);
      applied_ += batch->changes.size();
      for (const auto& c : batch->changes)
        if (c.topic != store::topic::article) listings_moved = true;
    }
    last_seq_ = batch->last;
    if (static_cast<int>(batch->changes.size()) < kBatch) break;
  }
  const std::int64_t now = options_.clock();
  // A write may have scheduled an article earlier than the one awaited.
  if (listings_moved) refresh_next_due(now);
  if (next_due_ && now >= *next_due_) {
    hooks_.due();
    next_due_.reset();
    refresh_next_due(now);
  }
  if (std::int64_t today = vietnam_day(now); today != day_) {
    day_ = today;
    hooks_.everything();
  }
  if (now - last_purge_ >= kPurgeEverySeconds) {
    last_purge_ = now;
    auto keep = std::chrono::duration_cast<std::chrono::seconds>(options_.keep).count();
    if (auto gone = log_.purge(now - keep); !gone) log::warn("change log: " + gone.error().message);
  }
  return true;
}

void ChangeFollower::run() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stop_) return;
    }
    bool ok = poll_once();
    if (!ok && !failing_) log::warn("change follower: the database cannot be reached; will catch up from the log");
    if (ok && failing_) log::info("change follower: caught up to " + std::to_string(last_seq()));
    failing_ = !ok;
    auto wait = options_.wait;
    if (next_due_) {
      auto until = std::chrono::seconds(std::max<std::int64_t>(0, *next_due_ - options_.clock()));
      wait = std::min<std::chrono::milliseconds>(wait, until);
    }
    if (failing_) {
      std::unique_lock lock(mutex_);
      stopped_.wait_for(lock, options_.wait, [this] { return stop_; });
    } else if (auto w = log_.wait(wait); !w) {
      // The database is unreachable; wait() already waited out its timeout: poll again soon.
      std::unique_lock lock(mutex_);
      stopped_.wait_for(lock, std::chrono::milliseconds(50), [this] { return stop_; });
    }
  }
}

}  // namespace toasoan::app
