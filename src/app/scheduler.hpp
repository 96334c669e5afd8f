// The scheduler: publishes scheduled pieces when their time comes, on every node, without any
// request arriving. Every node runs one; the database decides which node publishes a piece
// (editorial::Office::publish_due takes each piece's row), so each is published exactly once.
// At start it publishes what fell due while no node ran (logged as late).
//
// Polls twice a second: a query on an index, cheap enough, and it keeps "within one second of
// its time" true whatever another node scheduled meanwhile.
//
// Once an hour it also deletes expired newsroom sessions and old failed-login records, and runs
// the hourly chores given to it (erasing commenters' personal data past its time).
//
// Thread-safe: start() and stop() from the thread that owns it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "editorial/office.hpp"
#include "editorial/staff.hpp"

namespace toasoan::app {

class Scheduler {
 public:
  Scheduler(editorial::Office& office, editorial::Staff& staff,
            std::chrono::milliseconds every = std::chrono::milliseconds(500))
      : office_(office), staff_(staff), every_(every) {}
  ~Scheduler() { stop(); }

  // `chore` runs once an hour on the scheduler's thread, after the sessions' purge. Before start().
  void every_hour(std::function<void()> chore) { chores_.push_back(std::move(chore)); }

  void start();
  void stop();
  // One round, on the caller's thread (tests).
  void run_once();

 private:
  editorial::Office& office_;
  editorial::Staff& staff_;
  std::chrono::milliseconds every_;
  std::chrono::steady_clock::time_point next_purge_{};
  std::vector<std::function<void()>> chores_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool reported_ = false;  // an unavailable database is logged once until it is back
  std::thread thread_;
};

}  // namespace toasoan::app
