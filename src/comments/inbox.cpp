#include "comments/inbox.hpp"

#include "base/log.hpp"

namespace toasoan::comments {

Inbox::Inbox(store::Comments& store, InboxOptions options, Clock clock)
    : store_(store), options_(options), clock_(std::move(clock)), thread_([this] { run(); }) {}

Inbox::~Inbox() { stop(); }

bool Inbox::submit(store::NewComment comment, Done done) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || waiting_.size() >= options_.max_waiting) return false;
    waiting_.push_back({std::move(comment), std::move(done)});
  }
  wake_.notify_one();
  return true;
}

void Inbox::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t Inbox::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

std::uint64_t Inbox::written() const {
  std::lock_guard lock(mutex_);
  return written_;
}

void Inbox::run() {
  for (;;) {
    std::vector<Waiting> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
      if (waiting_.empty()) return;  // stopping, and everything written
      const std::size_t n = std::min(waiting_.size(), options_.max_batch);
      batch.reserve(n);
      for (std::size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(waiting_.front()));
        waiting_.pop_front();
      }
    }
    std::vector<store::NewComment> comments;
    comments.reserve(batch.size());
    for (auto& w : batch) comments.push_back(std::move(w.comment));
    auto posted = store_.post(comments, options_.limits, clock_());
    if (!posted || posted->size() != batch.size()) {
      Error e = posted ? internal("the store answered a batch with the wrong number of outcomes")
                       : posted.error();
      log::error("comments: a batch of " + std::to_string(batch.size()) + " was not written: " + e.message);
      for (auto& w : batch) w.done(e);
      continue;
    }
    {
      std::lock_guard lock(mutex_);
      ++batches_;
      written_ += batch.size();
    }
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done((*posted)[i]);
  }
}

}  // namespace toasoan::comments
