// The live hub against small fakes of the change log and the comments store: what each open
// page receives, in which order, and that streams come and go without a trace.
#include "comments/live.hpp"
#include "comments/fake_comments.hpp"

#include <malloc.h>

#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

namespace toasoan::comments {
namespace {

using namespace std::chrono_literals;

// The log as every node sees it; `after_read` runs inside since(), once the batch is read, to
// play what other threads do meanwhile.
class FakeLog : public store::ChangeLog {
 public:
  std::uint64_t add(std::string topic, std::string key) {
    std::lock_guard lock(mutex_);
    store::Change c;
    c.seq = entries_.empty() ? oldest_ : entries_.back().seq + 1;
    c.topic = std::move(topic);
    c.key = std::move(key);
    entries_.push_back(c);
    return c.seq;
  }
  std::vector<store::Change> entries(std::uint64_t from, std::uint64_t to) {
    std::lock_guard lock(mutex_);
    std::vector<store::Change> out;
    for (const auto& c : entries_)
      if (c.seq >= from && c.seq <= to) out.push_back(c);
    return out;
  }
  // Entries before `seq` are purged.
  void purge_before(std::uint64_t seq) {
    std::lock_guard lock(mutex_);
    std::erase_if(entries_, [seq](const store::Change& c) { return c.seq < seq; });
    oldest_ = seq;
  }
  std::function<void()> after_read;
  int reads = 0;

  Result<std::uint64_t> last_seq() override {
    std::lock_guard lock(mutex_);
    return entries_.empty() ? oldest_ - 1 : entries_.back().seq;
  }
  Result<store::ChangeBatch> since(std::uint64_t after, int limit) override {
    store::ChangeBatch b;
    {
      std::lock_guard lock(mutex_);
      ++reads;
      b.gap = after + 1 < oldest_;
      for (const auto& c : entries_)
        if (c.seq > after && static_cast<int>(b.changes.size()) < limit) b.changes.push_back(c);
      b.last = b.changes.empty() ? after : b.changes.back().seq;
    }
    if (after_read) std::exchange(after_read, nullptr)();
    return b;
  }
  Status wait(std::chrono::milliseconds) override { return ok_status(); }
  Result<std::int64_t> purge(std::int64_t) override { return std::int64_t{0}; }

 private:
  std::mutex mutex_;
  std::vector<store::Change> entries_;
  std::uint64_t oldest_ = 1;
};

// Comments by id; only comment(id) is used by the hub.
LiveOptions manual() {
  LiveOptions o;
  o.thread = false;
  return o;
}

class LiveHubTest : public ::testing::Test {
 protected:
  FakeLog log;
  FakeComments comments;

  // A comment entry committed (the store's write) and returned as the follower reads it.
  store::Change commit(std::int64_t article_id, std::int64_t comment_id) {
    auto seq = log.add(store::topic::comment, std::to_string(article_id) + ":" + std::to_string(comment_id));
    return log.entries(seq, seq).front();
  }
};

// The events of a stream's text, without the retry line and keep-alives: "id event id-of-comment".
std::vector<std::string> events(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find("\n\n", at);
    if (end == std::string::npos) break;
    std::string block = text.substr(at, end - at);
    at = end + 2;
    if (block.starts_with("retry:") || block.starts_with(":")) continue;
    std::string id, event, data;
    std::size_t line = 0;
    while (line < block.size()) {
      auto eol = block.find('\n', line);
      std::string l = block.substr(line, eol == std::string::npos ? std::string::npos : eol - line);
      if (l.starts_with("id: ")) id = l.substr(4);
      if (l.starts_with("event: ")) event = l.substr(7);
      if (l.starts_with("data: ")) data = l.substr(6);
      if (eol == std::string::npos) break;
      line = eol + 1;
    }
    auto idpos = data.find("\"id\":");
    std::string comment = idpos == std::string::npos ? "" : data.substr(idpos + 5, data.find_first_of(",}", idpos) - idpos - 5);
    out.push_back(id + " " + event + (comment.empty() ? "" : " " + comment));
  }
  return out;
}

using Events = std::vector<std::string>;

TEST_F(LiveHubTest, ANewStreamStartsWithTheRetryDelay) {
  LiveHub hub(log, comments, manual());
  EXPECT_EQ(hub.open_article(1, std::nullopt)->queued(), "retry: 3000\n\n");
  EXPECT_EQ(hub.open_queue()->queued(), "retry: 3000\n\n");
}

TEST_F(LiveHubTest, AStreamOpenedAfterEntriesWereAppliedResumesAfterThemWhenItsConnectionDrops) {
  LiveHub hub(log, comments, manual());
  comments.put(10, 1, store::CommentStatus::approved);
  auto before = commit(1, 10);
  auto article = log.add(store::topic::article, "2");
  hub.apply({before, log.entries(article, article).front()});
  auto s = hub.open_article(1, std::nullopt);
  EXPECT_EQ(s->queued(), "retry: 3000\n\nid: 2\n\n") << "the newest entry applied, as an id without an event";
  // Approved while the connection was down, before the browser heard any event: it reconnects
  // with the id it was given and is replayed the comment, not the one already on the page.
  comments.put(11, 1, store::CommentStatus::approved);
  commit(1, 11);
  auto again = hub.open_article(1, 2);
  EXPECT_EQ(events(again->queued()), (Events{"3 comment 11"}));
}

TEST_F(LiveHubTest, AnApprovedCommentReachesTheStreamsOfItsArticleOnlyAndIsReadOnce) {
  LiveHub hub(log, comments, manual());
  auto a = hub.open_article(1, std::nullopt);
  auto b = hub.open_article(1, std::nullopt);
  auto other = hub.open_article(2, std::nullopt);
  comments.put(10, 1, store::CommentStatus::approved, "Bài viết hay");
  auto change = commit(1, 10);
  hub.apply({change});

  std::string expected = "id: " + std::to_string(change.seq) + "\nevent: comment\ndata: ";
  EXPECT_NE(a->queued().find(expected), std::string::npos);
  EXPECT_EQ(events(a->queued()), (Events{std::to_string(change.seq) + " comment 10"}));
  EXPECT_EQ(events(b->queued()), (Events{std::to_string(change.seq) + " comment 10"}));
  EXPECT_EQ(events(other->queued()), Events{});
  EXPECT_EQ(comments.reads(), 1);
  // The JSON readers receive, on one line, without what is private.
  EXPECT_NE(a->queued().find("\"content\":\"Bài viết hay\""), std::string::npos);
  EXPECT_EQ(a->queued().find("lan@example.com"), std::string::npos);
  EXPECT_EQ(a->queued().find("10.0.0.7"), std::string::npos);
}

TEST_F(LiveHubTest, ACommentNoLongerShownIsRemoved) {
  LiveHub hub(log, comments, manual());
  auto s = hub.open_article(1, std::nullopt);
  comments.put(10, 1, store::CommentStatus::rejected);
  comments.put(11, 1, store::CommentStatus::pending);
  comments.put(12, 1, store::CommentStatus::spam);
  auto c1 = commit(1, 10), c2 = commit(1, 11), c3 = commit(1, 12), c4 = commit(1, 13);  // 13: deleted
  hub.apply({c1, c2, c3, c4});
  EXPECT_EQ(events(s->queued()), (Events{"1 remove 10", "2 remove 11", "3 remove 12", "4 remove 13"}));
  EXPECT_NE(s->queued().find("event: remove\ndata: {\"id\":10}\n\n"), std::string::npos);
}

TEST_F(LiveHubTest, NoReaderOfTheArticleMeansNoRead) {
  LiveHub hub(log, comments, manual());
  auto s = hub.open_article(2, std::nullopt);
  comments.put(10, 1, store::CommentStatus::approved);
  hub.apply({commit(1, 10)});
  EXPECT_EQ(comments.reads(), 0);
}

TEST_F(LiveHubTest, AResumedStreamGetsExactlyTheMissedEntriesOfItsArticleThenLiveOnes) {
  LiveHub hub(log, comments, manual());
  for (int id : {10, 11, 12, 13, 14}) comments.put(id, 1, store::CommentStatus::approved);
  comments.put(20, 2, store::CommentStatus::approved);
  auto e1 = commit(1, 10);  // seen by the reader before it lost its connection
  auto e2 = commit(2, 20);  // another article
  auto e3 = commit(1, 11);
  auto e4 = log.add(store::topic::article, "1");
  auto e5 = commit(1, 12);
  // The follower of this node lags: it applies e2..e5 only now, while the replay reads the
  // log, and e6 is committed meanwhile too.
  log.after_read = [&] {
    auto e6 = commit(1, 13);
    hub.apply(log.entries(e1.seq + 1, e6.seq));
  };
  auto s = hub.open_article(1, e1.seq);
  (void)e2;
  (void)e4;
  hub.apply({commit(1, 14)});
  EXPECT_EQ(events(s->queued()), (Events{"3 comment 11", "5 comment 12", "6 comment 13", "7 comment 14"}));
}

TEST_F(LiveHubTest, EntriesTheFollowerAppliesAfterTheReplayAreNotSentTwice) {
  LiveHub hub(log, comments, manual());
  for (int id : {10, 11, 12}) comments.put(id, 1, store::CommentStatus::approved);
  auto e1 = commit(1, 10);
  auto e2 = commit(1, 11);
  auto s = hub.open_article(1, e1.seq);  // replays e2; the follower has not applied it yet
  hub.apply({e2});
  hub.apply({commit(1, 12)});
  EXPECT_EQ(events(s->queued()), (Events{"2 comment 11", "3 comment 12"}));
}

TEST_F(LiveHubTest, AResumeFromTheNewestEntryReplaysNothing) {
  LiveHub hub(log, comments, manual());
  comments.put(10, 1, store::CommentStatus::approved);
  auto e1 = commit(1, 10);
  auto s = hub.open_article(1, e1.seq);
  EXPECT_EQ(events(s->queued()), Events{});
  EXPECT_EQ(comments.reads(), 0);
}

TEST_F(LiveHubTest, ALastEventIdFromTheFutureDoesNotMuteTheStream) {
  LiveHub hub(log, comments, manual());
  comments.put(10, 1, store::CommentStatus::approved);
  auto s = hub.open_article(1, 999999);
  hub.apply({commit(1, 10)});
  EXPECT_EQ(events(s->queued()), (Events{"1 comment 10"}));
}

TEST_F(LiveHubTest, AResumeFromBeyondTheLogsReachIsAResetToTheNewestId) {
  LiveHub hub(log, comments, manual());
  comments.put(10, 1, store::CommentStatus::approved);
  comments.put(11, 1, store::CommentStatus::approved);
  for (int i = 0; i < 5; ++i) commit(1, 10);
  log.purge_before(4);
  auto s = hub.open_article(1, 2);
  EXPECT_EQ(events(s->queued()), (Events{"5 reset"}));
  EXPECT_NE(s->queued().find("id: 5\nevent: reset\ndata: {}\n\n"), std::string::npos);
  hub.apply(log.entries(4, 5));  // the lagging follower: before the reload, not sent
  hub.apply({commit(1, 11)});
  EXPECT_EQ(events(s->queued()), (Events{"5 reset", "6 comment 11"}));
}

TEST_F(LiveHubTest, AReaderTooFarBehindGetsAResetInsteadOfALongReplay) {
  LiveOptions o = manual();
  o.max_replay_entries = 100;
  o.replay_page = 10;
  LiveHub hub(log, comments, o);
  for (int i = 0; i < 300; ++i) log.add(store::topic::article, "3");
  auto s = hub.open_article(1, 1);
  EXPECT_EQ(events(s->queued()), (Events{"300 reset"}));
  EXPECT_LE(log.reads, 11);
}

TEST_F(LiveHubTest, TheFollowersGapResetsEveryArticleStream) {
  LiveHub hub(log, comments, manual());
  auto a = hub.open_article(1, std::nullopt);
  auto b = hub.open_article(2, std::nullopt);
  auto q = hub.open_queue();
  hub.everything();
  EXPECT_EQ(events(a->queued()), (Events{" reset"}));
  EXPECT_EQ(events(b->queued()), (Events{" reset"}));
  EXPECT_EQ(a->queued(), "retry: 3000\n\nevent: reset\ndata: {}\n\n");
}

TEST_F(LiveHubTest, KeepAlivesReachEveryStreamAndClosedStreamsAreDropped) {
  LiveOptions o = manual();
  o.keep_alive = 0ms;
  LiveHub hub(log, comments, o);
  auto a = hub.open_article(1, std::nullopt);
  auto b = hub.open_article(1, std::nullopt);
  auto q = hub.open_queue();
  b->close();
  EXPECT_EQ(hub.article_streams(), 2u);
  hub.tick();
  EXPECT_EQ(hub.article_streams(), 1u);
  EXPECT_EQ(a->queued(), "retry: 3000\n\n: \n\n");
  EXPECT_EQ(q->queued(), "retry: 3000\n\n: \n\n");
  // Released by the hub: the reader's side holds the only reference.
  EXPECT_EQ(b.use_count(), 1);
}

TEST_F(LiveHubTest, KeepAlivesWaitForTheirInterval) {
  LiveHub hub(log, comments, manual());  // 15 s
  auto a = hub.open_article(1, std::nullopt);
  hub.tick();
  EXPECT_EQ(a->queued(), "retry: 3000\n\n");
}

TEST_F(LiveHubTest, AStreamRefusingAnEventIsDropped) {
  LiveHub hub(log, comments, manual());
  comments.put(10, 1, store::CommentStatus::approved);
  auto a = hub.open_article(1, std::nullopt);
  a->close();
  hub.apply({commit(1, 10)});
  EXPECT_EQ(hub.article_streams(), 0u);
}

TEST_F(LiveHubTest, QueueEventsAreCoalescedPerInterval) {
  LiveOptions o = manual();
  o.queue_interval = 300ms;
  LiveHub hub(log, comments, o);
  auto q = hub.open_queue();
  auto count = [&q] {
    auto e = events(q->queued());
    return std::count(e.begin(), e.end(), " queue");
  };
  hub.apply({store::Change{log.add(store::topic::comment_queue, "1"), store::topic::comment_queue, "1", 0}});
  hub.apply({store::Change{log.add(store::topic::comment_queue, "1"), store::topic::comment_queue, "1", 0}});
  hub.apply({commit(2, 20)});  // a decision changes the queue too
  hub.apply({store::Change{log.add(store::topic::article, "1"), store::topic::article, "1", 0}});
  EXPECT_EQ(count(), 1);
  hub.tick();  // too early
  EXPECT_EQ(count(), 1);
  std::this_thread::sleep_for(350ms);
  hub.tick();  // what was held back
  EXPECT_EQ(count(), 2);
  std::this_thread::sleep_for(350ms);
  hub.tick();  // nothing new
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(q->queued().find("event: queue\ndata: {}\n\n"), std::string("retry: 3000\n\n").size());
}

TEST_F(LiveHubTest, TheTimerThreadSendsTheHeldBackQueueEvent) {
  LiveOptions o;
  o.queue_interval = 50ms;
  LiveHub hub(log, comments, o);
  auto q = hub.open_queue();
  hub.apply({store::Change{log.add(store::topic::comment_queue, "1"), store::topic::comment_queue, "1", 0}});
  hub.apply({store::Change{log.add(store::topic::comment_queue, "1"), store::topic::comment_queue, "1", 0}});
  auto deadline = std::chrono::steady_clock::now() + 2s;
  while (events(q->queued()).size() < 2 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  EXPECT_EQ(events(q->queued()), (Events{" queue", " queue"}));
}

TEST_F(LiveHubTest, TheHubClosesItsStreamsWhenItGoes) {
  std::shared_ptr<http::Stream> s;
  {
    LiveHub hub(log, comments, manual());
    s = hub.open_article(1, std::nullopt);
  }
  EXPECT_TRUE(s->closed());
  EXPECT_EQ(s.use_count(), 1);
}

// Ten thousand readers come and go: the hub keeps nothing of them, and each costs little
// while open (the figure is printed; the bound is generous for allocator differences).
TEST_F(LiveHubTest, TenThousandStreamsOpenedAndClosedLeaveTheHubEmpty) {
  LiveOptions o = manual();
  o.keep_alive = 0ms;
  LiveHub hub(log, comments, o);
  constexpr int kStreams = 10000;
  std::vector<std::shared_ptr<http::Stream>> open;
  open.reserve(kStreams);
  // What an http::Stream costs by itself (with one event queued), for comparison.
  auto bare_before = mallinfo2().uordblks;
  for (int i = 0; i < kStreams; ++i) {
    open.push_back(std::make_shared<http::Stream>());
    open.back()->write("retry: 3000\n\n");
  }
  double bare = static_cast<double>(mallinfo2().uordblks - bare_before) / kStreams;
  open.clear();

  auto before = mallinfo2().uordblks;
  for (int i = 0; i < kStreams; ++i) open.push_back(hub.open_article(1 + i % 500, std::nullopt));
  auto after = mallinfo2().uordblks;
  double per_stream = static_cast<double>(after - before) / kStreams;
  std::cout << "live hub: " << per_stream << " bytes per open article stream, of which " << bare
            << " the http::Stream itself\n";
  RecordProperty("bytes_per_stream", static_cast<int>(per_stream));
  EXPECT_EQ(hub.article_streams(), static_cast<std::size_t>(kStreams));
#ifndef TOASOAN_SANITIZED
  EXPECT_LT(per_stream, 2048);
#endif
  for (auto& s : open) s->close();
  hub.tick();
  EXPECT_EQ(hub.article_streams(), 0u);
  for (auto& s : open) EXPECT_EQ(s.use_count(), 1);
  open.clear();
#ifndef TOASOAN_SANITIZED
  EXPECT_LT(mallinfo2().uordblks, before + 64 * 1024);
#endif
}

TEST(EventStream, HeadersForbidCachingAndProxyBuffering) {
  http::Response res;
  event_stream_headers(res);
  EXPECT_EQ(res.content_type, "text/event-stream");
  EXPECT_EQ(res.headers, (std::vector<std::pair<std::string, std::string>>{{"Cache-Control", "no-store"},
                                                                           {"X-Accel-Buffering", "no"}}));
}

TEST(EventStream, LastEventIdIsASequenceNumberOrNothing) {
  EXPECT_EQ(parse_last_event_id("42"), 42u);
  EXPECT_EQ(parse_last_event_id(" 7 "), 7u);
  EXPECT_EQ(parse_last_event_id("0"), 0u);
  EXPECT_EQ(parse_last_event_id(""), std::nullopt);
  EXPECT_EQ(parse_last_event_id("-1"), std::nullopt);
  EXPECT_EQ(parse_last_event_id("4x"), std::nullopt);
  EXPECT_EQ(parse_last_event_id("99999999999999999999999"), std::nullopt);
}

}  // namespace
}  // namespace toasoan::comments
