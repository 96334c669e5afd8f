// A connection borrowed from an engine's pool, returned to it when the lease ends (on every
// path out of a call or a unit of work, early returns included). Both engines lend connections
// this way. Not thread-safe itself: a lease belongs to the call or unit of work that took it.
#pragma once

#include <memory>
#include <utility>

namespace toasoan::store {

// REQUIRES: Owner has `void release(std::unique_ptr<Connection>)`, and outlives the lease.
template <class Owner, class Connection>
class Lease {
 public:
  Lease(Owner* owner, std::unique_ptr<Connection> c) : owner_(owner), c_(std::move(c)) {}
  Lease(Lease&& o) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (c_) owner_->release(std::move(c_));
  }
  Connection& operator*() { return *c_; }
  Connection* operator->() { return c_.get(); }

 private:
  Owner* owner_;
  std::unique_ptr<Connection> c_;
};

}  // namespace toasoan::store
