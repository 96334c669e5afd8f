// Readers' comments (store/comments.hpp), tested on every engine like the rest of the store:
// each case runs on SQLite and on PostgreSQL (skipped, saying why, when
// TOASOAN_TEST_POSTGRES_URL is unset), each time on a fresh database.
#include "store/comments.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "base/clock.hpp"
#include "store/article_writer.hpp"
#include "store/change_log.hpp"
#include "store/database.hpp"
#include "store/reading.hpp"
#include "store/sqlite/pool.hpp"
#include "store/sqlite/unit_of_work.hpp"
#include "store/testing/area_test.hpp"

namespace toasoan::store {
namespace {

constexpr std::int64_t kNow = 1'900'000'000;
constexpr std::int64_t kModerator = 5;

using testing::Rows;

class CommentsTest : public testing::AreaTest {
 protected:
  void SetUp() override {
    AreaTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
  }

  Comments& comments() { return store_->comments(); }


  // An imported article; its id.
  std::int64_t article(const std::string& external_id, std::int64_t published = kNow - 100,
                       articles::Status status = articles::Status::published) {
    articles::Incoming a;
    a.external_id = external_id;
    a.title = "Bài " + external_id;
    a.lead = "Sapo.";
    a.category_name = "Thời sự";
    a.published = published;
    a.status = status;
    articles::Block p;
    p.text = "Đoạn.";
    a.blocks = std::vector<articles::Block>{p};
    auto w = store_->article_writer().upsert(std::span<const articles::Incoming>(&a, 1), kNow);
    EXPECT_TRUE(w.ok()) << w.error().message;
    auto id = rows("SELECT id FROM articles WHERE external_id = '" + external_id + "'");
    return id.empty() ? 0 : std::stoll(id[0][0]);
  }

  static NewComment said(std::int64_t article_id, std::string content, std::string address = "10.0.0.1",
                         std::string email = "") {
    NewComment n;
    n.article_id = article_id;
    n.name = "Minh Anh";
    n.content = std::move(content);
    n.address = std::move(address);
    n.email = std::move(email);
    return n;
  }

  std::vector<Posted> post(const std::vector<NewComment>& batch, std::int64_t now = kNow, PostLimits limits = {}) {
    auto p = comments().post(batch, limits, now);
    EXPECT_TRUE(p.ok()) << p.error().message;
    return p.ok() ? *p : std::vector<Posted>{};
  }
  Posted post_one(const NewComment& n, std::int64_t now = kNow, PostLimits limits = {}) {
    auto p = post({n}, now, limits);
    return p.empty() ? Posted{} : p[0];
  }
  // Posts and approves; the comment's id.
  std::int64_t shown_comment(const NewComment& n, std::int64_t now = kNow) {
    PostLimits off{0, 0, 0};
    Posted p = post_one(n, now, off);
    EXPECT_EQ(p.outcome, PostOutcome::accepted);
    set_status(p.id, CommentStatus::approved);
    return p.id;
  }

  void set_status(std::int64_t id, CommentStatus s) {
    auto w = begin();
    ASSERT_TRUE(comments().set_status(*w, id, s, kModerator, kNow).ok());
    ASSERT_TRUE(w->commit().ok());
  }

  Comment comment(std::int64_t id) {
    auto c = comments().comment(id);
    EXPECT_TRUE(c.ok() && *c) << (c.ok() ? "no such comment" : c.error().message);
    return c.ok() && *c ? **c : Comment{};
  }
  bool exists(std::int64_t id) {
    auto c = comments().comment(id);
    EXPECT_TRUE(c.ok());
    return c.ok() && c->has_value();
  }
  std::int64_t count_of(std::int64_t article_id) {
    auto a = store_->reading().article(article_id);
    EXPECT_TRUE(a.ok() && *a);
    return a.ok() && *a ? (*a)->comment_count : -1;
  }


  std::vector<std::int64_t> listed(const CommentQuery& q, std::int64_t* total = nullptr) {
    auto l = comments().list(q);
    EXPECT_TRUE(l.ok()) << l.error().message;
    std::vector<std::int64_t> out;
    if (!l.ok()) return out;
    for (const auto& c : l->first) out.push_back(c.id);
    if (total) *total = l->second;
    return out;
  }

};

INSTANTIATE_TEST_SUITE_P(, CommentsTest, ::testing::ValuesIn(testing::engines()),
                         testing::engine_name<::testing::TestParamInfo<std::string>>);

// --- post(): the batch and its checks ----------------------------------------------------

TEST_P(CommentsTest, ARefusedCommentInABatchLeavesTheOthersWritten) {
  const std::int64_t a = article("a");
  auto out = post({said(a, "Bài viết hay."), said(a + 1000, "Không có bài này."), said(a, "Cảm ơn tòa soạn.", "10.0.0.2")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].outcome, PostOutcome::accepted);
  EXPECT_EQ(out[1].outcome, PostOutcome::no_article);
  EXPECT_EQ(out[2].outcome, PostOutcome::accepted);
  EXPECT_GT(out[2].id, out[0].id);
  EXPECT_EQ(comment(out[0].id).content, "Bài viết hay.");
  EXPECT_EQ(comment(out[2].id).status, CommentStatus::pending);
  std::int64_t total = 0;
  EXPECT_EQ(listed({}, &total), (std::vector<std::int64_t>{out[2].id, out[0].id}));
  EXPECT_EQ(total, 2);
}

TEST_P(CommentsTest, APostedCommentIsOnDiskForEveryConnectionWhenPostReturns) {
  const std::int64_t a = article("a");
  Posted p = post_one(said(a, "Bình luận bền."));
  ASSERT_EQ(p.outcome, PostOutcome::accepted);
  auto seen = rows("SELECT content FROM comments WHERE id = " + std::to_string(p.id));
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0][0], "Bình luận bền.");
}

TEST_P(CommentsTest, RefusesCommentsOnArticlesReadersCannotSeeNow) {
  const std::int64_t draft = article("down", kNow - 100, articles::Status::unpublished);
  const std::int64_t future = article("later", kNow + 3600);
  auto out = post({said(999999, "Không có bài."), said(draft, "Bài đã gỡ."), said(future, "Bài chưa đăng.")});
  ASSERT_EQ(out.size(), 3u);
  for (const auto& p : out) EXPECT_EQ(p.outcome, PostOutcome::no_article);
  // Once its time has come, the scheduled one takes comments.
  EXPECT_EQ(post_one(said(future, "Bài đã đăng."), kNow + 3600).outcome, PostOutcome::accepted);
}

TEST_P(CommentsTest, RefusesCommentsWhereTheNewsroomClosedThemAndLogsTheArticle) {
  const std::int64_t a = article("a");
  const auto before = last_seq();
  {
    auto w = begin();
    ASSERT_TRUE(comments().set_closed(*w, a, true).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  EXPECT_EQ(changes_after(before), (std::vector<std::string>{"article " + std::to_string(a)}));
  EXPECT_TRUE(*comments().closed(a));
  EXPECT_TRUE((*store_->reading().article(a))->comments_closed);
  EXPECT_EQ(post_one(said(a, "Đóng rồi sao?")).outcome, PostOutcome::closed);
  {
    auto w = begin();
    ASSERT_TRUE(comments().set_closed(*w, a, false).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  EXPECT_FALSE(*comments().closed(a));
  EXPECT_EQ(post_one(said(a, "Mở lại rồi.")).outcome, PostOutcome::accepted);
  auto w = begin();
  EXPECT_EQ(comments().set_closed(*w, a + 1000, true).error().kind, ErrorKind::not_found);
}

TEST_P(CommentsTest, AReplyHangsOnlyFromAShownTopLevelCommentOfTheSameArticle) {
  const std::int64_t a = article("a"), b = article("b");
  const std::int64_t top = shown_comment(said(a, "Gốc."));
  const std::int64_t waiting = post_one(said(a, "Chưa duyệt.", "10.0.0.9")).id;
  const std::int64_t elsewhere = shown_comment(said(b, "Bài khác."));
  NewComment reply = said(a, "Trả lời gốc.");
  reply.parent_id = top;
  Posted ok = post_one(reply);
  ASSERT_EQ(ok.outcome, PostOutcome::accepted);
  set_status(ok.id, CommentStatus::approved);

  for (std::int64_t parent : {waiting, elsewhere, ok.id, std::int64_t{999999}}) {
    NewComment n = said(a, "Trả lời số " + std::to_string(parent), "10.0.0.3");
    n.parent_id = parent;
    EXPECT_EQ(post_one(n).outcome, PostOutcome::bad_parent) << "parent " << parent;
  }
}

TEST_P(CommentsTest, BansHoldOnTheAddressAndOnTheEmailWhateverItsCase) {
  const std::int64_t a = article("a");
  Ban by_address;
  by_address.kind = "address";
  by_address.value = "10.6.6.6";
  by_address.until = kNow + 3600;
  by_address.reason = "Spam quảng cáo";
  by_address.created_by = kModerator;
  by_address.created_at = kNow - 10;
  Ban by_email = by_address;
  by_email.kind = "email";
  by_email.value = "Doc.Gia@Example.com";
  by_email.until = kNow + 7200;
  Ban old = by_address;
  old.value = "10.7.7.7";
  old.until = kNow;  // over
  std::int64_t email_ban = 0;
  {
    auto w = begin();
    for (const Ban* b : {&by_address, &by_email, &old}) {
      auto made = comments().ban(*w, *b);
      ASSERT_TRUE(made.ok()) << made.error().message;
      EXPECT_GT(made->id, 0);
      if (b == &by_email) {
        EXPECT_EQ(made->value, "doc.gia@example.com");
        email_ban = made->id;
      }
    }
    ASSERT_TRUE(w->commit().ok());
  }
  auto out = post({said(a, "Từ địa chỉ bị cấm.", "10.6.6.6"), said(a, "Từ email bị cấm.", "10.0.0.2", "DOC.GIA@example.COM"),
                   said(a, "Lệnh cấm đã hết.", "10.7.7.7")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].outcome, PostOutcome::banned);
  EXPECT_EQ(out[0].ban_reason, "Spam quảng cáo");
  EXPECT_EQ(out[0].ban_until, kNow + 3600);
  EXPECT_EQ(out[1].outcome, PostOutcome::banned);
  EXPECT_EQ(out[1].ban_until, kNow + 7200);
  EXPECT_EQ(out[2].outcome, PostOutcome::accepted);

  auto in_force = comments().bans(kNow);
  ASSERT_TRUE(in_force.ok());
  EXPECT_EQ(in_force->size(), 2u);
  {
    auto w = begin();
    ASSERT_TRUE(comments().lift_ban(*w, email_ban).ok());
    EXPECT_EQ(comments().lift_ban(*w, email_ban).error().kind, ErrorKind::not_found);
    ASSERT_TRUE(w->commit().ok());
  }
  EXPECT_EQ(post_one(said(a, "Đã được gỡ cấm.", "10.0.0.2", "doc.gia@example.com")).outcome, PostOutcome::accepted);
}

TEST_P(CommentsTest, TheAddressLimitCountsTheLastMinuteAndSaysWhenToTryAgain) {
  const std::int64_t a = article("a"), b = article("b");
  PostLimits limits;
  limits.per_address_per_minute = 2;
  EXPECT_EQ(post_one(said(a, "Một."), kNow, limits).outcome, PostOutcome::accepted);
  EXPECT_EQ(post_one(said(b, "Hai."), kNow + 10, limits).outcome, PostOutcome::accepted);
  Posted third = post_one(said(a, "Ba."), kNow + 20, limits);
  EXPECT_EQ(third.outcome, PostOutcome::address_limit);
  EXPECT_EQ(third.retry_after, 40) << "the first leaves the window at kNow + 60";
  EXPECT_EQ(post_one(said(a, "Ba, từ máy khác."), kNow + 20, limits).outcome, PostOutcome::address_limit);
  EXPECT_EQ(post_one(said(a, "Ba, máy khác.", "10.0.0.2"), kNow + 20, limits).outcome, PostOutcome::accepted);
  EXPECT_EQ(post_one(said(a, "Ba, một phút sau."), kNow + 60, limits).outcome, PostOutcome::accepted);
  // Within one batch, the earlier comments count.
  auto out = post({said(b, "Bốn."), said(b, "Năm.")}, kNow + 200, limits);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].outcome, PostOutcome::accepted);
  EXPECT_EQ(post_one(said(b, "Sáu."), kNow + 201, limits).outcome, PostOutcome::address_limit);
}

TEST_P(CommentsTest, TheArticleLimitCountsEveryAddress) {
  const std::int64_t a = article("a"), b = article("b");
  PostLimits limits;
  limits.per_article_per_minute = 2;
  auto out = post({said(a, "Một.", "10.0.0.1"), said(a, "Hai.", "10.0.0.2"), said(a, "Ba.", "10.0.0.3"),
                   said(b, "Bài khác.", "10.0.0.4")},
                  kNow, limits);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[1].outcome, PostOutcome::accepted);
  EXPECT_EQ(out[2].outcome, PostOutcome::article_limit);
  EXPECT_EQ(out[2].retry_after, 60);
  EXPECT_EQ(out[3].outcome, PostOutcome::accepted);
}

TEST_P(CommentsTest, LimitsOfZeroAreOff) {
  const std::int64_t a = article("a");
  PostLimits off{0, 0, 0};
  std::vector<NewComment> same(8, said(a, "Lặp lại y hệt."));
  for (const auto& p : post(same, kNow, off)) EXPECT_EQ(p.outcome, PostOutcome::accepted);
}

TEST_P(CommentsTest, TheSameTextOnTheSameArticleIsADuplicateForADayOnly) {
  const std::int64_t a = article("a"), b = article("b");
  EXPECT_EQ(post_one(said(a, "Ý kiến của tôi.")).outcome, PostOutcome::accepted);
  EXPECT_EQ(post_one(said(a, "Ý kiến của tôi.", "10.0.0.2"), kNow + 3600).outcome, PostOutcome::duplicate);
  EXPECT_EQ(post_one(said(b, "Ý kiến của tôi."), kNow + 3600).outcome, PostOutcome::accepted);
  EXPECT_EQ(post_one(said(a, "Ý kiến của tôi."), kNow + 86400 + 1).outcome, PostOutcome::accepted);
}

// --- Moderation, counts and the change log -----------------------------------------------

TEST_P(CommentsTest, APendingCommentLogsOnlyTheQueueAndApprovalCountsAndLogsIt) {
  const std::int64_t a = article("a");
  auto before = last_seq();
  Posted p = post_one(said(a, "Chờ duyệt."));
  EXPECT_EQ(changes_after(before), (std::vector<std::string>{"comment_queue " + std::to_string(a)}));
  EXPECT_EQ(count_of(a), 0);

  before = last_seq();
  set_status(p.id, CommentStatus::approved);
  const std::string key = std::to_string(a) + ":" + std::to_string(p.id);
  const std::string counted = "comment_count " + std::to_string(a);
  EXPECT_EQ(changes_after(before), (std::vector<std::string>{counted, "comment " + key}));
  EXPECT_EQ(count_of(a), 1);
  Comment c = comment(p.id);
  EXPECT_EQ(c.moderated_at, kNow);
  EXPECT_EQ(c.moderated_by, kModerator);

  // Reading gives the count in lists too.
  ListQuery q;
  q.now = kNow;
  auto latest = store_->reading().latest(q);
  ASSERT_TRUE(latest.ok() && latest->size() == 1);
  EXPECT_EQ((*latest)[0].comment_count, 1);

  before = last_seq();
  set_status(p.id, CommentStatus::rejected);
  EXPECT_EQ(changes_after(before), (std::vector<std::string>{counted, "comment " + key}));
  EXPECT_EQ(count_of(a), 0);
  before = last_seq();
  set_status(p.id, CommentStatus::spam);
  EXPECT_EQ(count_of(a), 0) << "never below zero";
  EXPECT_TRUE(changes_after(before).empty()) << "readers saw nothing change";
  set_status(p.id, CommentStatus::pending);
  EXPECT_EQ(changes_after(before), (std::vector<std::string>{"comment_queue " + std::to_string(a)}));
}

TEST_P(CommentsTest, EditsPinsAndTheNewspapersRepliesOfShownCommentsAreLogged) {
  const std::int64_t a = article("a");
  const std::int64_t top = shown_comment(said(a, "Gốc có lỗi chính tả."));
  const std::int64_t waiting = post_one(said(a, "Chưa duyệt.", "10.0.0.2")).id;
  const std::string key = std::to_string(a) + ":" + std::to_string(top);
  auto before = last_seq();
  auto w = begin();
  ASSERT_TRUE(comments().edit(*w, top, "Gốc đã sửa chính tả.").ok());
  ASSERT_TRUE(comments().set_pinned(*w, top, true).ok());
  ASSERT_TRUE(comments().edit(*w, waiting, "Chưa duyệt, đã sửa.").ok());
  NewComment r = said(a, "Tòa soạn cảm ơn bạn.", "");
  r.parent_id = top;
  r.user_id = kModerator;
  auto reply = comments().reply(*w, r, kNow + 5);
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  EXPECT_EQ(comments().edit(*w, 999999, "x").error().kind, ErrorKind::not_found);
  ASSERT_TRUE(w->commit().ok());
  // The edit and the pin change no count; the newspaper's reply, shown at once, does.
  EXPECT_EQ(changes_after(before),
            (std::vector<std::string>{"comment " + key, "comment_count " + std::to_string(a),
                                      "comment " + std::to_string(a) + ":" + std::to_string(*reply)}));
  Comment edited = comment(top);
  EXPECT_TRUE(edited.edited);
  EXPECT_TRUE(edited.pinned);
  EXPECT_EQ(edited.content, "Gốc đã sửa chính tả.");
  Comment newsroom = comment(*reply);
  EXPECT_TRUE(newsroom.newsroom);
  EXPECT_EQ(newsroom.status, CommentStatus::approved);
  EXPECT_EQ(newsroom.user_id, kModerator);
  EXPECT_EQ(count_of(a), 2);
}

// --- What readers see ---------------------------------------------------------------------

TEST_P(CommentsTest, ShownPutsPinnedFirstThenNewestOrMostLikedWithRepliesOldestFirst) {
  const std::int64_t a = article("a");
  const std::int64_t first = shown_comment(said(a, "Thứ nhất."), kNow);
  const std::int64_t second = shown_comment(said(a, "Thứ hai."), kNow + 10);
  const std::int64_t third = shown_comment(said(a, "Thứ ba."), kNow + 20);
  const std::int64_t pinned = shown_comment(said(a, "Được ghim."), kNow - 50);
  post_one(said(a, "Chưa duyệt, không hiện."), kNow + 30, PostLimits{0, 0, 0});
  {
    auto w = begin();
    ASSERT_TRUE(comments().set_pinned(*w, pinned, true).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  NewComment r1 = said(a, "Trả lời sau.");
  r1.parent_id = first;
  NewComment r2 = said(a, "Trả lời trước.");
  r2.parent_id = first;
  const std::int64_t late = shown_comment(r1, kNow + 40);
  const std::int64_t early = shown_comment(r2, kNow + 35);
  for (const char* voter : {"v1", "v2"}) ASSERT_TRUE(*comments().like(first, voter));
  ASSERT_TRUE(*comments().like(second, "v1"));

  auto ids = [](const CommentPage& p) {
    std::vector<std::int64_t> out;
    for (const auto& t : p.threads) out.push_back(t.comment.id);
    return out;
  };
  auto newest = comments().shown(a, CommentOrder::newest, 10, 0);
  ASSERT_TRUE(newest.ok()) << newest.error().message;
  EXPECT_EQ(ids(*newest), (std::vector<std::int64_t>{pinned, third, second, first}));
  EXPECT_EQ(newest->total_threads, 4);
  EXPECT_EQ(newest->total, 6);
  ASSERT_EQ(newest->threads[3].replies.size(), 2u);
  EXPECT_EQ(newest->threads[3].replies[0].id, early);
  EXPECT_EQ(newest->threads[3].replies[1].id, late);
  EXPECT_TRUE(newest->threads[0].replies.empty());

  auto liked = comments().shown(a, CommentOrder::most_liked, 10, 0);
  ASSERT_TRUE(liked.ok());
  EXPECT_EQ(ids(*liked), (std::vector<std::int64_t>{pinned, first, second, third}));

  auto page = comments().shown(a, CommentOrder::newest, 2, 2);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(ids(*page), (std::vector<std::int64_t>{second, first}));
  ASSERT_EQ(page->threads[1].replies.size(), 2u);
  EXPECT_EQ(page->total_threads, 4);
}

TEST_P(CommentsTest, AVoterLikesACommentOnce) {
  const std::int64_t a = article("a");
  const std::int64_t c = shown_comment(said(a, "Hay."));
  auto before = last_seq();
  EXPECT_TRUE(*comments().like(c, "voter-1"));
  EXPECT_FALSE(*comments().like(c, "voter-1"));
  EXPECT_TRUE(*comments().like(c, "voter-2"));
  EXPECT_EQ(comment(c).likes, 2);
  // Each like redraws the comment; it changes no count, so the lists printing one stay.
  const std::string shown = "comment " + std::to_string(a) + ":" + std::to_string(c);
  EXPECT_EQ(changes_after(before), (std::vector<std::string>{shown, shown}));
  const std::int64_t waiting = post_one(said(a, "Chưa duyệt.", "10.0.0.2")).id;
  EXPECT_EQ(comments().like(waiting, "voter-1").error().kind, ErrorKind::not_found) << "readers never saw it";
  EXPECT_EQ(comments().like(999999, "voter-1").error().kind, ErrorKind::not_found);
}

TEST_P(CommentsTest, ReportsAtTheThresholdSendAShownCommentBackToModerationFlagged) {
  const std::int64_t a = article("a");
  const std::int64_t c = shown_comment(said(a, "Gây tranh cãi."));
  ASSERT_EQ(count_of(a), 1);
  EXPECT_TRUE(*comments().report(c, "r1", 3));
  EXPECT_FALSE(*comments().report(c, "r1", 3)) << "once per voter";
  EXPECT_TRUE(*comments().report(c, "r2", 3));
  EXPECT_EQ(comment(c).status, CommentStatus::approved);
  auto before = last_seq();
  EXPECT_TRUE(*comments().report(c, "r3", 3));
  Comment back = comment(c);
  EXPECT_EQ(back.status, CommentStatus::pending);
  EXPECT_EQ(back.reports, 3);
  EXPECT_EQ(back.flags, (std::vector<std::string>{"reports"}));
  EXPECT_EQ(count_of(a), 0);
  auto logged = changes_after(before);
  EXPECT_NE(std::find(logged.begin(), logged.end(), "comment " + std::to_string(a) + ":" + std::to_string(c)),
            logged.end());
  EXPECT_NE(std::find(logged.begin(), logged.end(), "comment_queue " + std::to_string(a)), logged.end());
  EXPECT_NE(std::find(logged.begin(), logged.end(), "comment_count " + std::to_string(a)), logged.end());
  CommentQuery flagged;
  flagged.status = "flagged";
  EXPECT_EQ(listed(flagged), (std::vector<std::int64_t>{c}));
}

TEST_P(CommentsTest, ThreadsAndTheQueueAreReadFromTheirIndexesWithoutASort) {
  const bool postgres = GetParam() == "postgres";
  auto plan = [&](const std::string& sql) {
    std::string out;
    // PostgreSQL: with a handful of rows a sequential scan is cheapest; the question is
    // whether an index can serve the order, so the planner is steered off scans it can avoid.
    for (const auto& r : rows(postgres ? "SET enable_seqscan = off; EXPLAIN " + sql : "EXPLAIN QUERY PLAN " + sql))
      out += r.back() + "\n";
    return out;
  };
  const char* sorted = postgres ? "Sort" : "TEMP B-TREE";
  for (const auto& [index, order] : {std::pair{"comments_shown_newest", "c.pinned DESC, c.created_at DESC, c.id DESC"},
                                     std::pair{"comments_shown_liked",
                                               "c.pinned DESC, c.likes DESC, c.created_at DESC, c.id DESC"}}) {
    auto threads = plan(std::string("SELECT c.id FROM comments c WHERE c.article_id = 1 AND c.status = 'approved' "
                                    "AND c.parent_id IS NULL ORDER BY ") + order + " LIMIT 10");
    EXPECT_NE(threads.find(index), std::string::npos) << threads;
    EXPECT_EQ(threads.find(sorted), std::string::npos) << threads;
  }
  auto queue = plan("SELECT c.id FROM comments c WHERE c.status = 'pending' ORDER BY c.id DESC LIMIT 50");
  EXPECT_NE(queue.find("comments_queue"), std::string::npos) << queue;
  EXPECT_EQ(queue.find(sorted), std::string::npos) << queue;
}

// --- Lists for the newsroom ---------------------------------------------------------------

TEST_P(CommentsTest, ListsFilterByStatusFlagArticleAndEmailNewestFirst) {
  const std::int64_t a = article("a"), b = article("b");
  NewComment linked = said(a, "Có link.", "10.0.0.1", "Ban.Doc@Example.com");
  linked.flags = {"links", "words"};
  PostLimits off{0, 0, 0};
  const std::int64_t c1 = post_one(linked, kNow, off).id;
  const std::int64_t c2 = post_one(said(a, "Bình thường."), kNow, off).id;
  const std::int64_t c3 = shown_comment(said(b, "Bài khác.", "10.0.0.2", "ban.doc@example.com"));
  NewComment worded = said(b, "Từ cấm.");
  worded.flags = {"words"};
  const std::int64_t c4 = post_one(worded, kNow, off).id;
  using Ids = std::vector<std::int64_t>;
  std::int64_t total = 0;
  CommentQuery q;
  EXPECT_EQ(listed(q, &total), (Ids{c4, c3, c2, c1}));
  EXPECT_EQ(total, 4);
  q.status = "pending";
  EXPECT_EQ(listed(q), (Ids{c4, c2, c1}));
  q.status = "approved";
  EXPECT_EQ(listed(q), (Ids{c3}));
  q.status = "flagged";
  EXPECT_EQ(listed(q), (Ids{c4, c1}));
  q.flag = "links";
  EXPECT_EQ(listed(q), (Ids{c1}));
  q = {};
  q.flag = "word";  // whole flags only
  EXPECT_TRUE(listed(q).empty());
  q = {};
  q.article_id = a;
  EXPECT_EQ(listed(q), (Ids{c2, c1}));
  q = {};
  q.email = "BAN.DOC@example.com";
  EXPECT_EQ(listed(q), (Ids{c3, c1}));
  q = {};
  q.limit = 2;
  q.offset = 1;
  EXPECT_EQ(listed(q, &total), (Ids{c3, c2}));
  EXPECT_EQ(total, 4);
  auto l = comments().list(CommentQuery{});
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->first.back().article_title, "Bài a");
  EXPECT_EQ(l->first.back().email, "ban.doc@example.com");
  EXPECT_EQ(l->first.back().flags, (std::vector<std::string>{"links", "words"}));
  q = {};
  q.status = "hidden";
  EXPECT_EQ(comments().list(q).error().kind, ErrorKind::invalid);
}

// --- Readers' personal data ---------------------------------------------------------------

TEST_P(CommentsTest, ErasePersonalForgetsEmailsAndAddressesOfOldCommentsOnly) {
  const std::int64_t a = article("a");
  PostLimits off{0, 0, 0};
  const std::int64_t old = post_one(said(a, "Cũ.", "10.0.0.1", "cu@example.com"), kNow - 100, off).id;
  const std::int64_t recent = post_one(said(a, "Mới.", "10.0.0.2", "moi@example.com"), kNow, off).id;
  auto erased = comments().erase_personal(kNow - 50);
  ASSERT_TRUE(erased.ok()) << erased.error().message;
  EXPECT_EQ(*erased, 1);
  EXPECT_EQ(comment(old).email, "");
  EXPECT_EQ(comment(old).address, "");
  EXPECT_EQ(comment(old).content, "Cũ.");
  EXPECT_EQ(comment(recent).email, "moi@example.com");
  EXPECT_EQ(comment(recent).address, "10.0.0.2");
  EXPECT_EQ(*comments().erase_personal(kNow - 50), 0);
}

TEST_P(CommentsTest, ErasePersonalDropsRateRecordsOlderThanADay) {
  // Rate records name addresses ("a:…") and count for a minute only.
  const std::int64_t now = unix_now();
  const std::int64_t a = article("a", now - 10 * 86400);
  PostLimits on{100, 100, 0};  // only limits that are on keep records
  ASSERT_EQ(post_one(said(a, "Hôm kia.", "10.0.0.1"), now - 2 * 86400, on).outcome, PostOutcome::accepted);
  ASSERT_EQ(post_one(said(a, "Hôm nay.", "10.0.0.2"), now, on).outcome, PostOutcome::accepted);
  ASSERT_TRUE(comments().erase_personal(now - 90 * 86400).ok());
  EXPECT_EQ(rows("SELECT key FROM comment_rate WHERE key LIKE 'a:%'"), (Rows{{"a:10.0.0.2"}}));
}

TEST_P(CommentsTest, ALimitSwitchedOffKeepsNoRecords) {
  const std::int64_t now = unix_now();
  const std::int64_t a = article("a", now - 86400);
  ASSERT_EQ(post_one(said(a, "Không giới hạn.", "10.0.0.3"), now, {0, 0, 0}).outcome, PostOutcome::accepted);
  EXPECT_EQ(rows("SELECT key FROM comment_rate"), Rows{}) << "a load test's comments leave nothing to count";
}

TEST_P(CommentsTest, EraseReaderDeletesTheirCommentsAndTheRepliesUnderThemAndFixesCounts) {
  const std::int64_t a = article("a"), b = article("b");
  const std::int64_t theirs = shown_comment(said(a, "Của tôi.", "10.0.0.1", "toi@example.com"));
  NewComment under = said(a, "Trả lời người ấy.", "10.0.0.2", "khac@example.com");
  under.parent_id = theirs;
  const std::int64_t reply = shown_comment(under);
  const std::int64_t other = shown_comment(said(a, "Của người khác.", "10.0.0.2", "khac@example.com"));
  const std::int64_t pending = post_one(said(b, "Chờ.", "10.0.0.1", "TOI@example.com"), kNow, {0, 0, 0}).id;
  ASSERT_EQ(count_of(a), 3);
  auto before = last_seq();
  auto w = begin();
  auto erased = comments().erase_reader(*w, "toi@example.com");
  ASSERT_TRUE(erased.ok()) << erased.error().message;
  EXPECT_EQ(comments().erase_reader(*w, "").error().kind, ErrorKind::invalid) << "never every anonymous comment";
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(*erased, 3);
  EXPECT_FALSE(exists(theirs));
  EXPECT_FALSE(exists(reply));
  EXPECT_FALSE(exists(pending));
  EXPECT_TRUE(exists(other));
  EXPECT_EQ(count_of(a), 1);
  EXPECT_EQ(count_of(b), 0);
  auto logged = changes_after(before);
  EXPECT_NE(std::find(logged.begin(), logged.end(), "comment " + std::to_string(a) + ":" + std::to_string(reply)),
            logged.end());
}

// --- SQLite's durable commit ----------------------------------------------------------------

TEST(SqliteDurableUnit, RunsItsTransactionAtFullAndGivesItsConnectionBackAtNormal) {
  auto db = testing::TestDatabase::create("sqlite");
  ASSERT_TRUE(db.ok()) << db.error().message;
  auto first = sqlite::Connection::open((*db)->name());
  ASSERT_TRUE(first.ok()) << first.error().message;
  sqlite::Pool pool((*db)->name(), std::move(*first), false);  // one connection: every unit gets it
  auto level = [](sqlite::Connection& c) {
    auto prepared = c.prepare("PRAGMA synchronous");
    EXPECT_TRUE(prepared.ok());
    sqlite::Statement s(*prepared);
    EXPECT_EQ(s.step(), SQLITE_ROW);
    return s.int64(0);
  };
  constexpr std::int64_t kNormal = 1, kFull = 2;
  for (bool commit : {true, false}) {
    auto work = sqlite::SqliteUnitOfWork::begin_durable(pool);
    ASSERT_TRUE(work.ok()) << work.error().message;
    EXPECT_EQ(level((*work)->connection()), kFull) << "during the unit's transaction";
    if (commit) {
      ASSERT_TRUE((*work)->commit().ok());
    }
    work->reset();
    auto plain = sqlite::SqliteUnitOfWork::begin(pool);
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(level((*plain)->connection()), kNormal) << (commit ? "after COMMIT" : "after ROLLBACK");
  }
}

}  // namespace
}  // namespace toasoan::store
