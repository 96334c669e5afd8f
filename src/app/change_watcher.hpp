// Watches the store for changes made by anyone (this server, an import in another process,
// another node) and tells the site, so cached pages never outlive the content by more than
// one poll interval. Also tells it when the date changes in Vietnam.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "store/store.hpp"

namespace toasoan::app {

class ChangeWatcher {
 public:
  // Polls `store` every `interval` on its own thread and calls `on_change` when the store's
  // change token moves.
  ChangeWatcher(store::Store& store, std::chrono::milliseconds interval, std::function<void()> on_change);
  ~ChangeWatcher();  // stops and joins

 private:
  void run();

  store::Store& store_;
  const std::chrono::milliseconds interval_;
  std::function<void()> on_change_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace toasoan::app
