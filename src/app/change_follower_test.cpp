// The change follower with the reading site on a real database (each case on SQLite and on
// PostgreSQL): a write purges only the pages that show what it changed, a scheduled article
// appears at its time with no write at all (a clock the test moves), and a node that missed
// more than the log keeps starts afresh.
#include "app/change_follower.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "site/site.hpp"
#include "store/article_writer.hpp"
#include "store/database.hpp"
#include "store/testing/test_database.hpp"

namespace toasoan::app {
namespace {

constexpr std::int64_t kNow = 1'750'000'000;  // 2025-06-15

articles::Incoming article(std::string id, std::string title, std::string category, std::int64_t published) {
  articles::Incoming a;
  a.external_id = std::move(id);
  a.title = std::move(title);
  a.lead = "Tin " + a.title;
  a.category_name = std::move(category);
  a.published = published;
  articles::Block body;
  body.text = "Nội dung bài " + a.title;
  a.blocks = std::vector<articles::Block>{std::move(body)};
  return a;
}

class FollowerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (auto why = store::testing::skip_reason(GetParam())) GTEST_SKIP() << *why;
    auto made = store::testing::TestDatabase::create(GetParam());
    ASSERT_TRUE(made.ok()) << made.error().message;
    test_db_ = std::move(*made);
    auto opened = store::open(test_db_->url());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db_ = std::move(*opened);
    ASSERT_TRUE(db_->migrate().ok());
    site::SiteConfig config;
    config.clock = [this] { return now_.load(); };
    site_ = std::make_unique<site::Site>(db_->reading(), db_->search_index(), config);
    FollowerHooks hooks{.changed = [this](const std::vector<store::Change>& c) { site_->apply(c); },
                        .everything = [this] { site_->content_changed(); },
                        .due = [this] { site_->scheduled_due(); }};
    follower_ = std::make_unique<ChangeFollower>(db_->change_log(), db_->reading(), std::move(hooks),
                                                 FollowerOptions{.clock = [this] { return now_.load(); }, .thread = false});
  }

  void write(std::vector<articles::Incoming> batch) {
    auto r = db_->article_writer().upsert(batch, now_.load());
    ASSERT_TRUE(r.ok()) << r.error().message;
  }

  // The page's body as a reader gets it, and whether the cache answered.
  std::string get(const std::string& path, bool* cached = nullptr) {
    http::Request req;
    req.method = "GET";
    req.target = path;
    auto q = path.find('?');
    req.path = std::string_view(path).substr(0, q);
    if (q != std::string::npos) req.query = std::string_view(path).substr(q + 1);
    http::Response res;
    bool hit = site_->answer_cached(req, res);
    if (!hit) site_->handle(req, res);
    if (cached) *cached = hit;
    // A retitled article moved to a new address: follow it as a browser would.
    for (const auto& [name, value] : res.headers)
      if (res.status == 301 && name == "Location") return get(value);
    return std::string(res.payload());
  }

  std::string article_path(std::string_view title_part) {
    store::ListQuery everything;
    everything.limit = 100;
    everything.now = now_.load();
    auto listed = db_->reading().latest(everything);
    if (!listed) ADD_FAILURE() << listed.error().message;
    else for (const auto& s : *listed)
      if (s.title.find(title_part) != std::string::npos) return "/" + s.category_slug + "/" + s.slug + "-" + std::to_string(s.id) + ".html";
    ADD_FAILURE() << "no article titled with " << title_part;
    return "/";
  }

  std::atomic<std::int64_t> now_{kNow};
  std::unique_ptr<store::testing::TestDatabase> test_db_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<site::Site> site_;
  std::unique_ptr<ChangeFollower> follower_;
};

// What /metrics reports must be what happened: a page asked for the first time is one miss,
// and each later ask one hit.
TEST_P(FollowerTest, EachRequestCountsOnceAsAHitOrAMiss) {
  write({article("c1", "Bài đếm lượt", "Thời sự", kNow - 60)});
  ASSERT_TRUE(follower_->poll_once());
  auto before = site_->cache_stats();
  get("/");
  get("/");
  get("/");
  auto after = site_->cache_stats();
  EXPECT_EQ(after.misses - before.misses, 1u);
  EXPECT_EQ(after.hits - before.hits, 2u);
}

TEST_P(FollowerTest, ReimportingOneArticleKeepsTheOtherArticlesPagesCached) {
  std::vector<articles::Incoming> batch;
  for (int i = 0; i < 30; ++i)
    batch.push_back(article("a" + std::to_string(i), "Bài a" + std::to_string(i) + " về Đồi Mây",
                            i % 2 ? "Thời sự" : "Kinh tế", kNow - 86400 * (30 - i)));
  write(batch);
  ASSERT_TRUE(follower_->poll_once());
  // a29 is the newest: every article page lists it under "Tin mới". a0 is the oldest: no
  // page but its own shows it.
  std::string newest = article_path("a29"), oldest = article_path("a0"), middle = article_path("a5");
  for (const auto& p : {newest, oldest, middle, std::string("/")}) get(p);
  bool cached = false;
  get(middle, &cached);
  ASSERT_TRUE(cached);

  auto stats = site_->cache_stats();
  auto retitled = batch[0];
  retitled.title = "Bài a0 về Đồi Mây, đã sửa";
  write({retitled});
  ASSERT_TRUE(follower_->poll_once());
  EXPECT_EQ(site_->cache_stats().purged, stats.purged + 1) << "only the re-imported article's own page goes";

  get(middle, &cached);
  EXPECT_TRUE(cached) << "another article's page stays cached";
  get("/", &cached);
  EXPECT_TRUE(cached) << "the home page does not show the old article";
  std::string body = get(oldest, &cached);
  EXPECT_FALSE(cached);
  EXPECT_NE(body.find("đã sửa"), std::string::npos) << "its page shows the new title at once";

  // A new article changes every list, and with them every page's "Tin mới".
  write({article("b1", "Bài b1 mới nhất", "Kinh tế", kNow)});
  ASSERT_TRUE(follower_->poll_once());
  get(middle, &cached);
  EXPECT_FALSE(cached);
  EXPECT_NE(get("/").find("Bài b1 mới nhất"), std::string::npos);
}

TEST_P(FollowerTest, AScheduledArticleAppearsAtItsTimeWithoutAnyWrite) {
  write({article("now1", "Bài đã đăng", "Thời sự", kNow - 60),
         article("later1", "Bài hẹn giờ đăng", "Thời sự", kNow + 3600)});
  ASSERT_TRUE(follower_->poll_once());
  EXPECT_EQ(get("/").find("Bài hẹn giờ đăng"), std::string::npos) << "not before its time";
  EXPECT_EQ(get("/thoi-su/").find("Bài hẹn giờ đăng"), std::string::npos);
  EXPECT_EQ(get("/rss/tin-moi-nhat.rss").find("Bài hẹn giờ đăng"), std::string::npos);
  EXPECT_EQ(get("/api/v1/articles").find("Bài hẹn giờ đăng"), std::string::npos);
  EXPECT_EQ(get("/tim-kiem?q=hen+gio").find("bai-hen-gio-dang"), std::string::npos);

  now_ = kNow + 3599;
  ASSERT_TRUE(follower_->poll_once());
  EXPECT_EQ(get("/").find("Bài hẹn giờ đăng"), std::string::npos) << "a second early";

  now_ = kNow + 3600;
  ASSERT_TRUE(follower_->poll_once());
  EXPECT_NE(get("/").find("Bài hẹn giờ đăng"), std::string::npos);
  EXPECT_NE(get("/thoi-su/").find("Bài hẹn giờ đăng"), std::string::npos);
  EXPECT_NE(get("/rss/tin-moi-nhat.rss").find("Bài hẹn giờ đăng"), std::string::npos);
  EXPECT_NE(get("/api/v1/articles").find("Bài hẹn giờ đăng"), std::string::npos);
  EXPECT_NE(get("/tim-kiem?q=hen+gio").find("bai-hen-gio-dang"), std::string::npos);
  EXPECT_NE(get(article_path("hẹn giờ")).find("Bài hẹn giờ đăng"), std::string::npos);
}

TEST_P(FollowerTest, ANodeThatMissedMoreThanTheLogKeepsDropsEveryPage) {
  write({article("x1", "Bài x1", "Thời sự", kNow - 60)});
  ASSERT_TRUE(follower_->poll_once());
  get("/");
  ASSERT_GT(site_->cache_stats().entries, 0u);
  // Two writes this node has not read, then the log is purged past them.
  write({article("x2", "Bài x2", "Thời sự", kNow - 50)});
  write({article("x3", "Bài x3", "Thời sự", kNow - 40)});
  auto gone = db_->change_log().purge(kNow + 1);
  ASSERT_TRUE(gone.ok());
  ASSERT_TRUE(follower_->poll_once());
  EXPECT_EQ(site_->cache_stats().entries, 0u);
  EXPECT_NE(get("/").find("Bài x3"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(, FollowerTest, ::testing::ValuesIn(store::testing::engines()),
                         store::testing::engine_name<::testing::TestParamInfo<std::string>>);

}  // namespace
}  // namespace toasoan::app
