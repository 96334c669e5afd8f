// A counting gate in front of search: at most `slots` searches (and title suggestions) run at
// once; one more is refused at once instead of waiting. A deep search costs a worker a few
// hundred milliseconds of database time, so without it a handful of clients asking expensive
// queries would hold every worker and starve the pages that need the database briefly (an
// uncached article, a category page). Refusing beats queueing: a queued search still holds its
// connection and the reader waits anyway; a 503 with Retry-After tells the client to come back.
//
// Thread-safe: enter() and the Pass it returns may be used from any thread.
#pragma once

#include <algorithm>
#include <atomic>

namespace toasoan::site {

class SearchGate {
 public:
  // REQUIRES: slots >= 1 (a smaller value is taken as 1).
  explicit SearchGate(int slots) : slots_(std::max(1, slots)) {}
  SearchGate(const SearchGate&) = delete;
  SearchGate& operator=(const SearchGate&) = delete;

  // A place at the gate, given back when destroyed; false when every place was taken.
  class Pass {
   public:
    Pass(Pass&& o) noexcept : gate_(o.gate_) { o.gate_ = nullptr; }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    Pass& operator=(Pass&&) = delete;
    ~Pass() {
      if (gate_) gate_->in_use_.fetch_sub(1, std::memory_order_release);
    }
    explicit operator bool() const { return gate_ != nullptr; }

   private:
    friend class SearchGate;
    explicit Pass(SearchGate* gate) : gate_(gate) {}
    SearchGate* gate_;
  };

  Pass enter() {
    // Counting up and backing out keeps enter() lock-free; a refusal in the moment another
    // pass is given back is a harmless 503.
    if (in_use_.fetch_add(1, std::memory_order_acquire) >= slots_) {
      in_use_.fetch_sub(1, std::memory_order_release);
      return Pass(nullptr);
    }
    return Pass(this);
  }

  int slots() const { return slots_; }
  int in_use() const { return in_use_.load(std::memory_order_relaxed); }

 private:
  const int slots_;
  std::atomic<int> in_use_{0};
};

}  // namespace toasoan::site
