// A comments store in memory for the tests of what sits on the area (the live hub, the inbox):
// comments put in by hand, read back by id, and post() answered as a test says; every other
// method fails. Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <mutex>

#include "store/comments.hpp"

namespace toasoan::comments {

class FakeComments : public store::Comments {
 public:
  void put(std::int64_t id, std::int64_t article_id, store::CommentStatus status, std::string content = "Hay") {
    std::lock_guard lock(mutex_);
    store::Comment c;
    c.id = id;
    c.article_id = article_id;
    c.status = status;
    c.name = "Lan";
    c.email = "lan@example.com";
    c.address = "10.0.0.7";
    c.content = std::move(content);
    c.created_at = 1700000000;
    comments_[id] = c;
  }
  void erase(std::int64_t id) {
    std::lock_guard lock(mutex_);
    comments_.erase(id);
  }
  int reads() {
    std::lock_guard lock(mutex_);
    return reads_;
  }

  Result<std::optional<store::Comment>> comment(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    ++reads_;
    auto it = comments_.find(id);
    if (it == comments_.end()) return std::optional<store::Comment>();
    return std::optional(it->second);
  }
  Result<std::optional<store::Comment>> comment(store::UnitOfWork&, std::int64_t id) override { return comment(id); }

  // What post() answers: by default unused; the inbox's tests give their own.
  std::function<Result<std::vector<store::Posted>>(const std::vector<store::NewComment>&)> on_post;
  Result<std::vector<store::Posted>> post(const std::vector<store::NewComment>& batch, const store::PostLimits&,
                                          std::int64_t) override {
    if (on_post) return on_post(batch);
    return unused();
  }
  Result<store::CommentPage> shown(std::int64_t, store::CommentOrder, int, int) override { return unused(); }
  Result<std::pair<std::vector<store::Comment>, std::int64_t>> list(const store::CommentQuery&) override {
    return unused();
  }
  Status set_status(store::UnitOfWork&, std::int64_t, store::CommentStatus, std::int64_t, std::int64_t) override {
    return unused();
  }
  Status set_pinned(store::UnitOfWork&, std::int64_t, bool) override { return unused(); }
  Status edit(store::UnitOfWork&, std::int64_t, std::string_view) override { return unused(); }
  Result<std::int64_t> reply(store::UnitOfWork&, const store::NewComment&, std::int64_t) override { return unused(); }
  Result<bool> like(std::int64_t, std::string_view) override { return unused(); }
  Result<bool> report(std::int64_t, std::string_view, int) override { return unused(); }
  Status set_closed(store::UnitOfWork&, std::int64_t, bool) override { return unused(); }
  Result<bool> closed(std::int64_t) override { return unused(); }
  Result<store::Ban> ban(store::UnitOfWork&, const store::Ban&) override { return unused(); }
  Status lift_ban(store::UnitOfWork&, std::int64_t) override { return unused(); }
  Result<std::vector<store::Ban>> bans(std::int64_t) override { return unused(); }
  Result<std::int64_t> erase_personal(std::int64_t) override { return unused(); }
  Result<std::int64_t> erase_reader(store::UnitOfWork&, std::string_view) override { return unused(); }

 private:
  static Error unused() { return internal("not used by this test"); }
  std::mutex mutex_;
  std::map<std::int64_t, store::Comment> comments_;
  int reads_ = 0;
};

}  // namespace toasoan::comments
