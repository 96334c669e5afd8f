// The inbox against a fake store: comments that arrive while a batch is being written share the
// next one, each sender learns its own outcome, a failed batch tells every sender, and stopping
// writes what is waiting.
#include "comments/inbox.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <set>
#include <thread>

#include "comments/fake_comments.hpp"

namespace toasoan::comments {
namespace {

store::NewComment comment(std::string text) {
  store::NewComment c;
  c.article_id = 1;
  c.name = "Lan";
  c.content = std::move(text);
  return c;
}

TEST(Inbox, CommentsArrivingDuringAFlushShareTheNextOne) {
  FakeComments store;
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::vector<std::size_t> batches;
  std::atomic<std::int64_t> next_id{1};
  store.on_post = [&](const std::vector<store::NewComment>& batch) -> Result<std::vector<store::Posted>> {
    std::unique_lock lock(m);
    batches.push_back(batch.size());
    // The first batch is slow, as a flush of the disk is: everything sent meanwhile waits.
    if (batches.size() == 1) cv.wait(lock, [&] { return release; });
    std::vector<store::Posted> out;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      store::Posted p;
      p.id = next_id++;
      out.push_back(p);
    }
    return out;
  };
  Inbox inbox(store, {}, [] { return std::int64_t{1700000000}; });
  std::vector<std::promise<Result<store::Posted>>> answers(51);
  ASSERT_TRUE(inbox.submit(comment("đầu tiên"), [&](Result<store::Posted> r) { answers[0].set_value(r); }));
  while (true) {
    std::lock_guard lock(m);
    if (!batches.empty()) break;
  }
  for (int i = 1; i <= 50; ++i)
    ASSERT_TRUE(inbox.submit(comment("bình luận " + std::to_string(i)),
                             [&answers, i](Result<store::Posted> r) { answers[i].set_value(r); }));
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  std::set<std::int64_t> ids;
  for (auto& a : answers) {
    auto r = a.get_future().get();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->outcome, store::PostOutcome::accepted);
    ids.insert(r->id);
  }
  EXPECT_EQ(ids.size(), 51u) << "each sender is told its own comment's id";
  std::lock_guard lock(m);
  EXPECT_EQ(batches, (std::vector<std::size_t>{1, 50})) << "50 comments, one flush";
  EXPECT_EQ(inbox.batches(), 2u);
  EXPECT_EQ(inbox.written(), 51u);
}

TEST(Inbox, ABatchThatCannotBeWrittenTellsEverySender) {
  FakeComments store;
  store.on_post = [](const std::vector<store::NewComment>&) -> Result<std::vector<store::Posted>> {
    return unavailable("the database is away");
  };
  Inbox inbox(store, {}, [] { return std::int64_t{0}; });
  std::promise<Result<store::Posted>> answer;
  ASSERT_TRUE(inbox.submit(comment("một"), [&](Result<store::Posted> r) { answer.set_value(r); }));
  auto r = answer.get_future().get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::unavailable);
}

TEST(Inbox, StoppingWritesWhatIsWaitingAndRefusesMore) {
  FakeComments store;
  std::atomic<int> written{0};
  store.on_post = [&](const std::vector<store::NewComment>& batch) -> Result<std::vector<store::Posted>> {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    written += static_cast<int>(batch.size());
    return std::vector<store::Posted>(batch.size());
  };
  std::atomic<int> told{0};
  {
    Inbox inbox(store, {}, [] { return std::int64_t{0}; });
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(inbox.submit(comment("x"), [&](Result<store::Posted>) { ++told; }));
    inbox.stop();
    EXPECT_FALSE(inbox.submit(comment("muộn"), [&](Result<store::Posted>) { ++told; }));
  }
  EXPECT_EQ(written.load(), 100);
  EXPECT_EQ(told.load(), 100);
}

TEST(Inbox, AFullInboxRefusesAtOnce) {
  FakeComments store;
  std::promise<void> go;
  auto gate = go.get_future().share();
  store.on_post = [gate](const std::vector<store::NewComment>& batch) -> Result<std::vector<store::Posted>> {
    gate.wait();
    return std::vector<store::Posted>(batch.size());
  };
  InboxOptions small;
  small.max_batch = 1;
  small.max_waiting = 3;
  Inbox inbox(store, small, [] { return std::int64_t{0}; });
  int accepted = 0;
  for (int i = 0; i < 10; ++i) accepted += inbox.submit(comment("x"), [](Result<store::Posted>) {}) ? 1 : 0;
  EXPECT_LE(accepted, 4) << "one being written and three waiting";
  go.set_value();
}

}  // namespace
}  // namespace toasoan::comments
