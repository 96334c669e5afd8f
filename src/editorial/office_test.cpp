// The editorial office on both stores: the permission table enforced for every role, state,
// action and chain; a state change, its revision and its audit line written together; and the
// scheduler publishing each piece exactly once when two nodes race for it, including pieces
// that fell due while no node ran.
#include "editorial/office.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "editorial/staff.hpp"
#include "newsroom/password.hpp"
#include "store/reading.hpp"
#include "store/testing/test_database.hpp"

namespace toasoan::editorial {
namespace {

using newsroom::Action;
using newsroom::Chain;
using newsroom::Role;
using newsroom::State;

constexpr std::int64_t kStart = 1'780'000'000;  // 2026-05-28

class OfficeTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (auto why = store::testing::skip_reason(GetParam())) GTEST_SKIP() << *why;
    auto t = store::testing::TestDatabase::create(GetParam());
    ASSERT_TRUE(t.ok()) << t.error().message;
    test_db_ = std::move(*t);
    db_ = open();
    passwords_ = std::make_unique<newsroom::Passwords>(*newsroom::PasswordCost::named("min"), 2, 8);
    staff_ = std::make_unique<Staff>(*db_, *passwords_, StaffOptions{}, [this] { return now_.load(); });
    office_ = std::make_unique<Office>(*db_, [this] { return now_.load(); });
  }

  std::unique_ptr<store::Database> open() {
    auto d = store::open(test_db_->url());
    EXPECT_TRUE(d.ok()) << d.error().message;
    EXPECT_TRUE((*d)->migrate().ok());
    return std::move(*d);
  }

  store::User member(const std::string& name, newsroom::Roles roles) {
    auto u = staff_->add_user(Actor::system("test"), name, name, roles, "mật khẩu đủ dài 2026");
    EXPECT_TRUE(u.ok()) << u.error().message;
    return *u;
  }

  static store::PieceContent complete(const std::string& title) {
    store::PieceContent c;
    c.title = title;
    c.lead = "Sapo của bài.";
    c.category = "Thời sự";
    c.authors = {"Huy Thành"};
    articles::Block b;
    b.text = "Thân bài về nghị quyết.";
    c.blocks = {b};
    return c;
  }

  // A piece by `author` brought to `state` by a chief, under the full chain.
  std::int64_t piece_in(State state, const store::User& author, const store::User& chief) {
    auto p = office_->create(Actor::member(author, "127.0.0.1"), Saving{complete("Bài thử quyền")});
    EXPECT_TRUE(p.ok()) << p.error().message;
    auto step = [&](Action a, std::optional<std::int64_t> at = std::nullopt) {
      auto r = office_->act(Actor::member(chief, ""), p->id, Acting{a, "ghi chú", at});
      EXPECT_TRUE(r.ok()) << newsroom::action_name(a) << ": " << r.error().message;
    };
    const auto chain_was = office_->chain();
    (void)office_->set_chain(Actor::system("test"), Chain::full);
    switch (state) {
      case State::draft: break;
      case State::submitted: step(Action::submit); break;
      case State::edited: step(Action::submit), step(Action::pass); break;
      case State::approved: step(Action::submit), step(Action::pass), step(Action::approve); break;
      case State::scheduled:
        step(Action::submit), step(Action::pass), step(Action::approve), step(Action::schedule, now_ + 3600);
        break;
      case State::published:
        step(Action::submit), step(Action::pass), step(Action::approve), step(Action::publish);
        break;
      case State::taken_down:
        step(Action::submit), step(Action::pass), step(Action::approve), step(Action::publish), step(Action::take_down);
        break;
    }
    (void)office_->set_chain(Actor::system("test"), chain_was);
    return p->id;
  }

  std::atomic<std::int64_t> now_{kStart};
  std::unique_ptr<store::testing::TestDatabase> test_db_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<newsroom::Passwords> passwords_;
  std::unique_ptr<Staff> staff_;
  std::unique_ptr<Office> office_;
};

TEST_P(OfficeTest, EveryRoleStateAndActionIsDecidedByTheTableOnBothChains) {
  auto chief = member("tong.bien.tap", {Role::chief});
  std::vector<store::User> people;
  for (Role r : newsroom::kAllRoles) people.push_back(member(std::string("u.") + newsroom::role_name(r), {r}));
  int allowed = 0, refused = 0;
  for (Chain chain : {Chain::full, Chain::short_chain}) {
    for (State state : newsroom::kAllStates) {
      for (const auto& who : people) {
        for (Action action : newsroom::kAllActions) {
          // The piece is the person's own when they may create pieces: the rules for their own
          // work apply; others' pieces are checked by the reporter case below.
          const auto& author = newsroom::may_create(who.roles) ? who : chief;
          auto id = piece_in(state, author, chief);
          ASSERT_TRUE(office_->set_chain(Actor::system("test"), chain).ok());
          auto piece = db_->desk().piece(id);
          ASSERT_TRUE(piece.ok() && *piece);
          const auto expected = newsroom::may(Office::standing(who, **piece), state, action, chain);
          auto r = office_->act(Actor::member(who, ""), id, Acting{action, "ghi chú", now_ + 3600});
          std::string what = std::string(newsroom::chain_name(chain)) + " " + newsroom::state_name(state) + " " +
                             who.username + " " + newsroom::action_name(action);
          if (expected.allowed) {
            ++allowed;
            ASSERT_TRUE(r.ok()) << what << ": " << r.error().message;
            EXPECT_EQ(r->state, newsroom::next_state(state, action, chain)) << what;
          } else {
            ++refused;
            ASSERT_FALSE(r.ok()) << what;
            // Who may not see a piece is told it is not there; who may see it, why not.
            if (newsroom::may_view(Office::standing(who, **piece)))
              EXPECT_EQ(r.error().kind, ErrorKind::forbidden) << what;
            else
              EXPECT_EQ(r.error().kind, ErrorKind::not_found) << what;
            auto after = db_->desk().piece(id);
            EXPECT_EQ((*after)->state, state) << what << ": a refused action changes nothing";
          }
        }
      }
    }
  }
  EXPECT_GT(allowed, 40);
  EXPECT_GT(refused, 200);
}

TEST_P(OfficeTest, AReporterCannotTouchAnotherReportersPiece) {
  auto chief = member("tong.bien.tap", {Role::chief});
  auto a = member("phong.vien.a", {Role::reporter});
  auto b = member("phong.vien.b", {Role::reporter});
  auto id = piece_in(State::draft, a, chief);
  auto seen = office_->piece(b, id);
  ASSERT_FALSE(seen.ok());
  EXPECT_EQ(seen.error().kind, ErrorKind::not_found);
  auto p = office_->piece(a, id);
  auto saved = office_->save(Actor::member(b, ""), id, Saving{complete("Sửa trộm"), p->revision});
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().kind, ErrorKind::not_found);
  auto list = office_->list(b, {});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->second, 0);
}

TEST_P(OfficeTest, AnActionWritesItsRevisionAndItsAuditLineTogether) {
  auto chief = member("tong.bien.tap", {Role::chief});
  auto id = piece_in(State::approved, chief, chief);
  auto r = office_->act(Actor::member(chief, "10.0.0.1"), id, Acting{Action::publish, "", std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto revs = db_->desk().revisions(id);
  ASSERT_TRUE(revs.ok());
  EXPECT_EQ(revs->front().action, "publish");
  store::AuditQuery q;
  q.article_id = id;
  q.action = "article.publish";
  auto log = db_->audit().list(q);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->second, 1);
  EXPECT_EQ(log->first[0].state_before, "approved");
  EXPECT_EQ(log->first[0].state_after, "published");
  EXPECT_EQ(log->first[0].address, "10.0.0.1");
  EXPECT_EQ(*log->first[0].user_id, chief.id);
}

TEST_P(OfficeTest, TheShortChainSkipsTheSecretary) {
  auto chief = member("tong.bien.tap", {Role::chief});
  auto editor = member("bien.tap", {Role::editor});
  ASSERT_TRUE(office_->set_chain(Actor::system("test"), Chain::short_chain).ok());
  auto id = piece_in(State::submitted, chief, chief);
  auto r = office_->act(Actor::member(editor, ""), id, Acting{Action::pass, "", std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, State::approved);
}

TEST_P(OfficeTest, AScheduledPieceIsPublishedAtItsTimeAndNotBefore) {
  auto chief = member("tong.bien.tap", {Role::chief});
  auto id = piece_in(State::scheduled, chief, chief);  // due at kStart + 3600
  now_ = kStart + 3599;
  ASSERT_EQ(*office_->publish_due(), 0);
  now_ = kStart + 3600;
  ASSERT_EQ(*office_->publish_due(), 1);
  auto p = db_->desk().piece(id);
  EXPECT_EQ((*p)->state, State::published);
  auto a = db_->reading().article(id);
  ASSERT_TRUE(a.ok() && *a);
  EXPECT_EQ((*a)->status, articles::Status::published);
  EXPECT_EQ((*a)->published_at, kStart + 3600) << "published at its time, not at the scheduler's";
  EXPECT_EQ(*office_->publish_due(), 0) << "once";
}

TEST_P(OfficeTest, APieceDueWhileNoNodeRanIsPublishedAtStart) {
  auto chief = member("tong.bien.tap", {Role::chief});
  auto id = piece_in(State::scheduled, chief, chief);
  now_ = kStart + 3 * 86400;  // three days later, a node starts
  Office fresh(*db_, [this] { return now_.load(); });
  ASSERT_EQ(*fresh.publish_due(), 1);
  store::AuditQuery q;
  q.article_id = id;
  q.action = "article.publish";
  auto log = db_->audit().list(q);
  ASSERT_EQ(log->second, 1);
  EXPECT_NE(log->first[0].detail.find("late_seconds"), std::string::npos);
}

TEST_P(OfficeTest, TwoNodesRacingPublishEachScheduledPieceExactlyOnce) {
  auto chief = member("tong.bien.tap", {Role::chief});
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 12; ++i) ids.push_back(piece_in(State::scheduled, chief, chief));
  now_ = kStart + 3600;
  auto other_db = open();  // a second node: its own pool on the same database
  Office node_a(*db_, [this] { return now_.load(); });
  Office node_b(*other_db, [this] { return now_.load(); });
  std::atomic<int> published{0};
  std::thread a([&] {
    for (int i = 0; i < 5; ++i)
      if (auto r = node_a.publish_due(); r.ok()) published += *r;
  });
  std::thread b([&] {
    for (int i = 0; i < 5; ++i)
      if (auto r = node_b.publish_due(); r.ok()) published += *r;
  });
  a.join();
  b.join();
  EXPECT_EQ(published.load(), 12);
  store::AuditQuery q;
  q.action = "article.publish";
  q.limit = 100;
  auto log = db_->audit().list(q);
  int by_scheduler = 0;
  for (const auto& e : log->first) by_scheduler += !e.user_id;
  EXPECT_EQ(by_scheduler, 12) << "one audit line per piece: each published exactly once";
  for (auto id : ids) EXPECT_EQ((*db_->desk().piece(id))->state, State::published);
}

INSTANTIATE_TEST_SUITE_P(, OfficeTest, ::testing::ValuesIn(store::testing::engines()),
                         store::testing::engine_name<::testing::TestParamInfo<std::string>>);

}  // namespace
}  // namespace toasoan::editorial
