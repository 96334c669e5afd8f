// The store's contract, tested on every engine: each case runs once on SQLite and once on
// PostgreSQL (skipped, saying why, when TOASOAN_TEST_POSTGRES_URL is unset), each time on a
// database of its own (store/testing/test_database.hpp). Cases that only make sense for one
// engine say so and skip on the other.
#include "store/migrations.hpp"
#include "store/article_writer.hpp"
#include "store/change_log.hpp"
#include "store/database.hpp"
#include "store/listing_sql.hpp"
#include "store/published_tally.hpp"
#include "store/reading.hpp"
#include "store/search_index.hpp"
#include "store/shared_sql.hpp"
#include "store/sql_desk.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <latch>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "base/clock.hpp"
#include "store/postgres/connection.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/search_index.hpp"
#include "store/postgres/search_index.hpp"
#include "store/testing/test_database.hpp"
#include "text/datetime.hpp"

namespace toasoan::store {
namespace {

using Table = std::vector<std::vector<std::string>>;

// Raw SQL for what the Store interface does not show: schemas, counts, other sessions.
Table sqlite_rows(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  Table out;
  // Read-write: some tests damage the database on purpose (a lost index).
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << path;
    sqlite3_close(db);
    return out;
  }
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  } else {
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        auto t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
        row.push_back(t ? t : "<null>");
      }
      out.push_back(std::move(row));
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

// `statement` with each $N given values[N-1]: SQLite plans ?N unbound alike; PostgreSQL needs
// values to plan.
std::string with_values(std::string statement, const std::vector<std::string>& values) {
  for (std::size_t n = values.size(); n >= 1; --n) {
    const std::string name = "$" + std::to_string(n);
    for (auto at = statement.find(name); at != std::string::npos; at = statement.find(name, at))
      statement.replace(at, name.size(), values[n - 1]);
  }
  return statement;
}

Table pg_rows(const std::string& url, const std::string& sql);

// PostgreSQL's plan of `statement` for `values`. With a handful of rows a sequential scan is
// cheapest; the question is whether an index can serve the statement, so the planner is steered
// off scans it can avoid (and off `also`, more settings).
std::string pg_plan(const std::string& url, const std::string& statement, const std::vector<std::string>& values,
                    const std::string& also = "") {
  std::string out;
  for (const auto& r : pg_rows(url, "SET enable_seqscan = off; " + also + "EXPLAIN " + with_values(statement, values)))
    out += r.back() + "\n";
  return out;
}

Table pg_rows(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  Table out;
  if (PQstatus(c) != CONNECTION_OK) {
    ADD_FAILURE() << PQerrorMessage(c);
  } else {
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) == PGRES_TUPLES_OK) {
      for (int i = 0; i < PQntuples(r); ++i) {
        std::vector<std::string> row;
        for (int j = 0; j < PQnfields(r); ++j) row.push_back(PQgetisnull(r, i, j) ? "<null>" : PQgetvalue(r, i, j));
        out.push_back(std::move(row));
      }
    } else if (PQresultStatus(r) != PGRES_COMMAND_OK) {
      ADD_FAILURE() << sql << ": " << PQerrorMessage(c);
    }
    PQclear(r);
  }
  PQfinish(c);
  return out;
}

articles::Incoming incoming(std::string id, std::string title, std::string category, std::int64_t published) {
  articles::Incoming a;
  a.external_id = std::move(id);
  a.title = std::move(title);
  a.lead = "Sapo.";
  a.category_name = std::move(category);
  a.published = published;
  articles::Block p;
  p.text = "Đoạn.";
  a.blocks = std::vector<articles::Block>{p};
  return a;
}

// A clock past every article of these tests, so that all of them are listed and found unless
// a test sets its own `now`.
constexpr std::int64_t kNow = 4'000'000'000;

// A full-text query of one reading, each term a group of its own.
FullTextQuery words(std::initializer_list<const char*> terms) {
  FullTextQuery q;
  q.readings.emplace_back();
  for (const char* t : terms) q.readings.back().push_back({t});
  return q;
}

// The titles of an answer's hits, in its order.
std::vector<std::string> titles(const FullTextAnswer& a) {
  std::vector<std::string> out;
  for (const auto& h : a.hits) out.push_back(h.summary.title);
  return out;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (auto why = testing::skip_reason(GetParam())) GTEST_SKIP() << *why;
    auto db = testing::TestDatabase::create(GetParam());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    store_ = open_store();
    ASSERT_TRUE(store_);
    auto m = store_->migrate();
    ASSERT_TRUE(m.ok()) << m.error().message;
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  bool postgres() const { return GetParam() == "postgres"; }

  // Another store on the same database, as another process or node would have.
  std::unique_ptr<Database> open_store(const OpenOptions& options = {}) {
    auto s = open(db_->url(), options);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? std::move(*s) : nullptr;
  }

  Table rows(const std::string& sql) {
    return postgres() ? pg_rows(db_->url(), sql) : sqlite_rows(db_->name(), sql);
  }

  // Ends every server session on this test's database but the caller's: what a database
  // restart or a failover does to a node's connections.
  void terminate_sessions() {
    pg_rows(*testing::postgres_server_url(),
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = '" + db_->name() +
                "' AND pid <> pg_backend_pid()");
  }

  Reading& reading() { return store_->reading(); }
  SearchIndex& index() { return store_->search_index(); }
  ArticleWriter& writer() { return store_->article_writer(); }
  ChangeLog& changes() { return store_->change_log(); }

  // A search at kNow unless the query names its own time.
  Result<FullTextAnswer> full_text(FullTextQuery q) {
    if (q.now == 0) q.now = kNow;
    return index().full_text(q);
  }

  // The titles suggested for `terms` typed, the last one half typed; "(failed)" on an error.
  std::vector<std::string> suggested(std::initializer_list<const char*> terms) {
    auto q = words(terms);
    q.prefix_last = true;
    q.titles_only = true;
    auto r = full_text(q);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? titles(*r) : std::vector<std::string>{"(failed)"};
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<Database> store_;
};

INSTANTIATE_TEST_SUITE_P(, StoreTest, ::testing::ValuesIn(testing::engines()),
                         testing::engine_name<::testing::TestParamInfo<std::string>>);

TEST_P(StoreTest, StartsEmptyAndMigrationIsRepeatable) {
  EXPECT_TRUE(*reading().empty());
  EXPECT_TRUE(store_->migrate().ok());
  EXPECT_TRUE(*reading().empty());
  Table expected;
  for (const auto& m : migrations::for_engine(GetParam())) expected.push_back({std::to_string(m.version), std::string(m.name)});
  ASSERT_GE(expected.size(), 2u);
  EXPECT_EQ(rows("SELECT version, name FROM schema_migrations ORDER BY version"), expected);
}

TEST_P(StoreTest, NodesStartingTogetherApplyEachMigrationOnce) {
  // A database no store has migrated yet, and several stores migrating it at once.
  auto fresh = testing::TestDatabase::create(GetParam());
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  constexpr int kNodes = 4;
  std::vector<std::unique_ptr<Database>> nodes;
  for (int i = 0; i < kNodes; ++i) {
    auto s = open((*fresh)->url());
    ASSERT_TRUE(s.ok()) << s.error().message;
    nodes.push_back(std::move(*s));
  }
  std::latch start(kNodes);
  std::vector<std::string> errors(kNodes);
  std::vector<std::thread> threads;
  for (int i = 0; i < kNodes; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      auto m = nodes[i]->migrate();
      if (!m) errors[i] = m.error().message;
    });
  for (auto& t : threads) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  EXPECT_TRUE(*nodes[0]->reading().empty());
  nodes.clear();
  auto count = postgres() ? pg_rows((*fresh)->url(), "SELECT count(*) FROM schema_migrations")
                          : sqlite_rows((*fresh)->name(), "SELECT count(*) FROM schema_migrations");
  EXPECT_EQ(count, (Table{{std::to_string(migrations::for_engine(GetParam()).size())}}));
}

TEST_P(StoreTest, UpsertIsIdempotentOnExternalId) {
  std::vector<articles::Incoming> batch{incoming("a", "Thời sự hôm nay", "Thời sự", 100)};
  auto first = writer().upsert(batch, 1000);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ((*first)[0], Upserted::inserted);
  batch[0].title = "Thời sự hôm nay (cập nhật)";
  auto second = writer().upsert(batch, 2000);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ((*second)[0], Upserted::updated);
  EXPECT_EQ(*reading().count_published(std::nullopt, kNow), 1);
  auto list = reading().latest({std::nullopt, 20, 0, kNow});
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].title, "Thời sự hôm nay (cập nhật)");
  EXPECT_EQ((*list)[0].slug, "thoi-su-hom-nay-cap-nhat");
  EXPECT_EQ((*reading().article((*list)[0].id))->updated_at, 2000);
}

TEST_P(StoreTest, TheSameArticleTwiceInOneBatchIsInsertedThenUpdated) {
  auto again = incoming("a", "Lần hai", "X", 200);
  std::vector<articles::Incoming> batch{incoming("a", "Lần một", "X", 100), again};
  auto r = writer().upsert(batch, 10);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, (std::vector<Upserted>{Upserted::inserted, Upserted::updated}));
  auto list = reading().latest({std::nullopt, 20, 0, kNow});
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].title, "Lần hai");
}

TEST_P(StoreTest, AnEmptyBatchWritesNothing) {
  auto r = writer().upsert({}, 10);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->empty());
  EXPECT_TRUE(*reading().empty());
}

TEST_P(StoreTest, CreatesCategoriesInOrderOfAppearanceWithFoldedSlugs) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "Thời sự", 1), incoming("b", "B", "Kinh tế", 2),
                                        incoming("c", "C", "Thoi su", 3), incoming("d", "D", "!!!", 4)};
  ASSERT_TRUE(writer().upsert(batch, 10).ok());
  auto cats = reading().categories();
  ASSERT_EQ(cats->size(), 4u);
  EXPECT_EQ((*cats)[0].slug, "thoi-su");
  EXPECT_EQ((*cats)[0].name, "Thời sự");
  EXPECT_EQ((*cats)[1].slug, "kinh-te");
  EXPECT_EQ((*cats)[2].slug, "thoi-su-2");
  EXPECT_EQ((*cats)[3].slug, "chuyen-muc");
  for (std::size_t i = 0; i < cats->size(); ++i) EXPECT_EQ((*cats)[i].position, static_cast<int>(i) + 1);
}

TEST_P(StoreTest, ListsPublishedNewestFirstAndHidesUnpublished) {
  auto hidden = incoming("c", "C", "Xã hội", 300);
  hidden.status = articles::Status::unpublished;
  std::vector<articles::Incoming> batch{incoming("a", "A", "Xã hội", 100), incoming("b", "B", "Kinh tế", 200),
                                        hidden};
  ASSERT_TRUE(writer().upsert(batch, 10).ok());
  auto list = reading().latest({std::nullopt, 20, 0, kNow});
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].title, "B");
  EXPECT_EQ((*list)[1].title, "A");
  auto cats = reading().categories();
  auto xa_hoi = reading().latest({(*cats)[0].id, 10, 0, kNow});
  ASSERT_EQ(xa_hoi->size(), 1u);
  EXPECT_EQ((*xa_hoi)[0].category_slug, "xa-hoi");
  EXPECT_EQ((*xa_hoi)[0].category_name, "Xã hội");
  EXPECT_EQ(*reading().count_published((*cats)[0].id, kNow), 1);
  EXPECT_EQ(*reading().count_published(std::nullopt, kNow), 2);
  // The unpublished one is still there for whoever may see it.
  EXPECT_FALSE(*reading().empty());
}

TEST_P(StoreTest, PagesThroughTheListWithLimitAndOffset) {
  std::vector<articles::Incoming> batch;
  for (int i = 0; i < 7; ++i) batch.push_back(incoming("p" + std::to_string(i), "T" + std::to_string(i), "X", 100 + i));
  // Two with the same time: the later id comes first.
  batch.push_back(incoming("same", "Same", "X", 106));
  ASSERT_TRUE(writer().upsert(batch, 10).ok());
  auto titles = [&](ListQuery q) {
    std::vector<std::string> out;
    q.now = kNow;
    auto r = reading().latest(q);
    EXPECT_TRUE(r.ok()) << r.error().message;
    if (r.ok())
      for (const auto& s : *r) out.push_back(s.title);
    return out;
  };
  EXPECT_EQ(titles({std::nullopt, 3, 0}), (std::vector<std::string>{"Same", "T6", "T5"}));
  EXPECT_EQ(titles({std::nullopt, 3, 3}), (std::vector<std::string>{"T4", "T3", "T2"}));
  EXPECT_EQ(titles({std::nullopt, 3, 6}), (std::vector<std::string>{"T1", "T0"}));
  EXPECT_TRUE(titles({std::nullopt, 3, 100}).empty());
  EXPECT_TRUE(titles({std::nullopt, 0, 0}).empty());
  // As SQLite reads them: a negative limit is no limit, a negative offset none.
  EXPECT_EQ(titles({std::nullopt, -1, 0}).size(), 8u);
  EXPECT_EQ(titles({std::nullopt, 2, -5}), (std::vector<std::string>{"Same", "T6"}));
  EXPECT_TRUE(titles({std::int64_t{999999}, 10, 0}).empty());
}

TEST_P(StoreTest, CountsTheArchiveByMonthInVietnamTime) {
  // 2022-11-30T17:30:00Z is 00:30 on 1 December in Vietnam: December's, not November's.
  auto december_first = incoming("d1", "D1", "X", 1669829400);
  auto november = incoming("n1", "N1", "X", 1669000000);
  auto hidden = incoming("h", "H", "X", 1669829500);
  hidden.status = articles::Status::unpublished;
  std::vector<articles::Incoming> batch{december_first, november, hidden};
  ASSERT_TRUE(writer().upsert(batch, 1670000000).ok());
  auto months = reading().archive_months(kNow);
  ASSERT_TRUE(months.ok()) << months.error().message;
  ASSERT_EQ(months->size(), 2u);
  EXPECT_EQ((*months)[0].year, 2022);
  EXPECT_EQ((*months)[0].month, 12);
  EXPECT_EQ((*months)[0].articles, 1);
  EXPECT_EQ((*months)[0].last_modified, 1670000000);
  EXPECT_EQ((*months)[1].month, 11);
}

TEST_P(StoreTest, ListsPublishedArticlesInATimeRange) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100), incoming("b", "B", "X", 200),
                                        incoming("c", "C", "X", 300)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto r = reading().published_between(100, 300, 10, 0, kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].title, "B");
  EXPECT_EQ((*r)[1].title, "A");
  EXPECT_EQ((*r)[0].updated_at, 1000);
  EXPECT_EQ(reading().published_between(100, 300, 1, 1, kNow)->front().title, "A");
}

TEST_P(StoreTest, TheSitemapsReadTheAddressesOfAMonthInOrder) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100), incoming("b", "B", "X", 200),
                                        incoming("c", "C", "X", 300)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto all = reading().published_between(100, 300, 10, 0, kNow);
  auto r = reading().addresses_between(100, 300, 10, 0, kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  for (std::size_t i = 0; i < r->size(); ++i) {
    EXPECT_EQ((*r)[i].id, (*all)[i].id);
    EXPECT_EQ((*r)[i].slug, (*all)[i].slug);
    EXPECT_EQ((*r)[i].category_slug, (*all)[i].category_slug);
    EXPECT_EQ((*r)[i].published_at, (*all)[i].published_at);
    EXPECT_EQ((*r)[i].updated_at, 1000);
  }
  EXPECT_EQ((*r)[0].published_at, 200);
  EXPECT_EQ(reading().addresses_between(100, 300, 1, 1, kNow)->front().published_at, 100);
  EXPECT_TRUE(reading().addresses_between(100, 300, 10, 0, 150)->size() == 1u) << "not yet published";
}

// --- Full-text search ------------------------------------------------------------------

articles::Incoming with_body(std::string id, std::string title, std::string body, std::int64_t published) {
  auto a = incoming(std::move(id), std::move(title), "Thời sự", published);
  (*a.blocks)[0].text = std::move(body);
  return a;
}

TEST_P(StoreTest, FindsArticlesByFoldedWordsWhateverTheirMarks) {
  std::vector<articles::Incoming> batch{
      with_body("a", "Triển khai Nghị quyết của Đảng bộ tỉnh", "Nội dung.", 100),
      with_body("b", "Giá rau tăng", "Người dân Sơn La bán rau.", 200)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto r = full_text(words({"nghi", "quyet"}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total, 1);
  EXPECT_EQ(titles(*r), std::vector<std::string>{"Triển khai Nghị quyết của Đảng bộ tỉnh"});
  EXPECT_EQ(full_text(words({"dang"}))->total, 1);     // đ folds to d
  EXPECT_EQ(full_text(words({"son", "la"}))->total, 1);  // found in the body
  EXPECT_EQ(full_text(words({"khong", "co"}))->total, 0);
}

TEST_P(StoreTest, APhraseMustHoldItsWordsTogetherAndInOrder) {
  std::vector<articles::Incoming> batch{with_body("a", "Hội nghị lần thứ sáu", "x", 100),
                                        with_body("b", "Lần đầu hội thảo", "nghị luận", 200)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  FullTextQuery phrase;
  phrase.readings = {{{"hoi", "nghi"}}};
  EXPECT_EQ(titles(*full_text(phrase)), std::vector<std::string>{"Hội nghị lần thứ sáu"});
  EXPECT_EQ(full_text(words({"hoi", "nghi"}))->total, 2);
}

TEST_P(StoreTest, AnyReadingMatchesAndTheLastWordMayBeAPrefix) {
  std::vector<articles::Incoming> batch{with_body("a", "Nghị quyết mới", "x", 100), with_body("b", "Nghĩ lại", "y", 200)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  FullTextQuery q;  // "nghij quyeets": the literal reading finds nothing, the decoded one does
  q.readings = {{{"nghij"}, {"quyeets"}}, {{"nghi"}, {"quyet"}}};
  EXPECT_EQ(full_text(q)->total, 1);
  auto prefix = words({"nghi", "quy"});
  EXPECT_EQ(full_text(prefix)->total, 0);
  prefix.prefix_last = true;
  EXPECT_EQ(titles(*full_text(prefix)), std::vector<std::string>{"Nghị quyết mới"});
}

TEST_P(StoreTest, RanksATitleMatchAboveABodyMatchAndSortsByDateWhenAsked) {
  std::vector<articles::Incoming> batch{with_body("body", "Tin khác", "Bài viết nói về cầu Mây Bạc.", 300),
                                        with_body("title", "Thông xe cầu Mây Bạc", "Nội dung.", 100)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto q = words({"cau", "may", "bac"});
  auto r = full_text(q);
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].summary.title, "Thông xe cầu Mây Bạc");
  EXPECT_GT(r->hits[0].relevance, r->hits[1].relevance);
  q.sort = FullTextQuery::Sort::newest;
  EXPECT_EQ(full_text(q)->hits[0].summary.title, "Tin khác");
  q.titles_only = true;
  EXPECT_EQ(full_text(q)->total, 1);
}

TEST_P(StoreTest, SuggestionsCompleteAHalfTypedWordToTheWholeWordsItBegins) {
  std::vector<articles::Incoming> batch{
      with_body("a", "Tòa nhà mới xây", "x", 100), with_body("b", "Tòa nhận đơn kiện", "x", 200),
      with_body("c", "Nhà tòa soạn mới", "x", 300), with_body("d", "Tòa án xử vụ kiện", "x", 400)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto typing = [&](std::vector<std::string> completions) {
    auto q = words({"toa", "nha"});
    q.prefix_last = true;
    q.titles_only = true;
    q.completions = {std::move(completions)};
    auto r = full_text(q);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? titles(*r) : std::vector<std::string>{"(failed)"};
  };
  using Titles = std::vector<std::string>;
  auto all = typing({"nha", "nhac", "nhai", "nham", "nhan", "nhang", "nhanh"});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(typing({"nhan"}), Titles{"Tòa nhận đơn kiện"});
  auto sorted = [](Titles t) {
    std::ranges::sort(t);
    return t;
  };
  EXPECT_EQ(sorted(typing({})), sorted(all)) << "no completions: the prefix itself";
  // SQLite: "tòa" right before the word ranks first, whichever completion it is.
  if (!postgres()) {
    EXPECT_EQ(all.back(), "Nhà tòa soạn mới");
  }
}

// One or two letters begin hundreds of words: PostgreSQL's index finds the titles holding the
// rest of what was typed, and the half-typed word is checked in those titles alone.
TEST_P(StoreTest, SuggestionsKeepOnlyTitlesWhereAShortHalfTypedWordGoesOn) {
  std::vector<articles::Incoming> batch{with_body("a", "Công an khu vực", "x", 100),
                                        with_body("b", "Công an tỉnh", "khu", 200),
                                        with_body("c", "Khu công an mới", "x", 300),
                                        with_body("d", "Kho hàng", "x", 400)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto typing = [&](std::initializer_list<const char*> terms) {
    auto t = suggested(terms);
    std::ranges::sort(t);
    return t;
  };
  using Titles = std::vector<std::string>;
  EXPECT_EQ(typing({"cong", "an", "k"}), (Titles{"Công an khu vực", "Khu công an mới"}));
  EXPECT_EQ(typing({"cong", "an", "t"}), Titles{"Công an tỉnh"});
  EXPECT_EQ(typing({"kh"}), (Titles{"Công an khu vực", "Kho hàng", "Khu công an mới"})) << "the prefix alone";
}

// A lone letter or two ("th") begins a word in most titles: PostgreSQL matches the newest titles
// one by one rather than merging the lists of every word the letters begin, and both stores
// suggest among the newest titles, with a count scaled to the archive, and still find an old
// title holding what was typed as it was typed.
TEST_P(StoreTest, ACommonStartSuggestsTheNewestTitlesAndStillAnOldOneTypedAsItStands) {
  const std::int64_t now = 1'780'000'000, hour = 3'600;
  std::vector<articles::Incoming> batch;
  for (int i = 0; i < 4'400; ++i) {  // every other title holds a word beginning "th", one an hour
    const char* title = i % 4 == 1 ? "Thời sự tin " : i % 4 == 3 ? "Thời sự " : "Tin ";
    batch.push_back(with_body("a" + std::to_string(i), title + std::to_string(i), "x", now - (4'400 - i) * hour));
  }
  batch.push_back(with_body("old", "Tin thời sự năm xưa", "x", now - 5'000 * hour));
  ASSERT_TRUE(writer().upsert(batch, now).ok());
  ASSERT_TRUE(index().optimize().ok());
  auto typing = [&](std::initializer_list<const char*> terms) {  // as Searcher::suggest asks
    auto q = words(terms);
    q.prefix_last = true;
    q.titles_only = true;
    q.headline_phrases = true;
    q.exact_count = 0;
    q.limit = 8;
    q.now = now;
    return full_text(q);
  };
  auto r = typing({"th"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->hits.size(), 8u);
  for (const auto& h : r->hits) {
    EXPECT_TRUE(h.summary.title.starts_with("Thời sự ")) << h.summary.title;
    EXPECT_GT(std::stoi(h.summary.title.substr(h.summary.title.rfind(' ') + 1)), 3'000) << "among the newest";
  }
  if (r->estimated) {
    EXPECT_NEAR(static_cast<double>(r->total), 2'200.0, 110.0);
  } else {
    EXPECT_EQ(r->total, 2'201);
  }
  // The words typed side by side stand in no new title, but in an old one: it is found.
  auto t = typing({"tin", "thoi"});
  ASSERT_TRUE(t.ok()) << t.error().message;
  bool found = false;
  for (const auto& h : t->hits) found = found || (h.summary.title == "Tin thời sự năm xưa" && h.headline_phrase);
  EXPECT_TRUE(found) << "older than every title the newest rows hold";
}

TEST_P(StoreTest, SuggestionsFollowEveryChangeOfATitle) {
  std::vector<articles::Incoming> batch{with_body("a", "Sinh viên mùa hè", "x", 100),
                                        with_body("b", "Vườn rau sạch", "y", 200)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto typing = [&](std::initializer_list<const char*> terms) { return suggested(terms); };
  using Titles = std::vector<std::string>;
  EXPECT_EQ(typing({"sinh", "v"}), Titles{"Sinh viên mùa hè"});
  EXPECT_EQ(typing({"vu"}), Titles{"Vườn rau sạch"});
  auto retitled = with_body("a", "Học sinh nghỉ hè", "x", 100);
  auto hidden = with_body("b", "Vườn rau sạch", "y", 200);
  hidden.status = articles::Status::unpublished;
  std::vector<articles::Incoming> changes{retitled, hidden};
  ASSERT_TRUE(writer().upsert(changes, 2000, {.overwrite = true}).ok());
  for (const char* when : {"after the writes", "after a reindex"}) {
    SCOPED_TRACE(when);
    EXPECT_EQ(typing({"sinh", "v"}), Titles{});
    EXPECT_EQ(typing({"hoc", "s"}), Titles{"Học sinh nghỉ hè"});
    EXPECT_EQ(typing({"vu"}), Titles{});
    ASSERT_TRUE(index().reindex().ok());
  }
}

TEST_P(StoreTest, WordsHeldTogetherScoreAboveTheSameWordsScattered) {
  // "nghị quyết" is one word; "nghị" … "quyết" apart are two others. The bodies have as many
  // words each, so only where they stand tells the two apart.
  std::vector<articles::Incoming> batch{
      with_body("together", "Tin tỉnh", "Hội đồng bàn về nghị quyết mới của tỉnh trong kỳ họp này.", 100),
      with_body("apart", "Tin huyện", "Hội đồng nghị sự rồi quyết định mới của tỉnh trong kỳ họp.", 200)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto r = full_text(words({"nghi", "quyet"}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->hits.size(), 2u);
  double together = 0, apart = 0;
  for (const auto& h : r->hits) (h.summary.title == "Tin tỉnh" ? together : apart) = h.relevance;
  EXPECT_GT(together, apart);
}

TEST_P(StoreTest, FiltersByCategoryAndTimeAndPages) {
  std::vector<articles::Incoming> batch;
  for (int i = 0; i < 5; ++i) batch.push_back(incoming("t" + std::to_string(i), "Thể thao " + std::to_string(i), "Thể thao", 100 + i));
  batch.push_back(incoming("k", "Thể thao và kinh tế", "Kinh tế", 200));
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto q = words({"the", "thao"});
  EXPECT_EQ(full_text(q)->total, 6);
  q.category_id = (*reading().categories())[1].id;  // Kinh tế
  EXPECT_EQ(full_text(q)->total, 1);
  q.category_id.reset();
  q.from = 102;
  q.to = 105;
  EXPECT_EQ(full_text(q)->total, 3);
  q.from.reset();
  q.to.reset();
  q.sort = FullTextQuery::Sort::newest;
  q.limit = 2;
  q.offset = 2;
  auto page = full_text(q);
  EXPECT_EQ(page->total, 6);
  EXPECT_EQ(titles(*page), (std::vector<std::string>{"Thể thao 3", "Thể thao 2"}));
}

TEST_P(StoreTest, AnswersAPagePastTheLastMatchWithTheCountAndNoHits) {
  std::vector<articles::Incoming> batch{with_body("a", "Mưa lớn", "x", 100), with_body("b", "Mưa nhỏ", "y", 200)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  for (auto sort : {FullTextQuery::Sort::relevance, FullTextQuery::Sort::newest}) {
    auto q = words({"mua"});
    q.sort = sort;
    q.offset = 5;
    auto r = full_text(q);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->total, 2);
    EXPECT_TRUE(r->hits.empty());
    q.offset = 1;
    EXPECT_EQ(full_text(q)->hits.size(), 1u);
  }
}

// A word in hundreds of articles: SQLite ranks only the newest 500 of them (and the older ones
// holding the query as a headline phrase), so a common word over a million articles stays fast;
// the answer still counts every match when asked to and still finds the old article whose title
// is the query.
TEST_P(StoreTest, ACommonWordCountsEveryMatchAndStillFindsAnOldHeadlinePhrase) {
  std::vector<articles::Incoming> batch{with_body("old", "Mùa lúa chín vàng", "Nội dung.", 100)};
  for (int i = 0; i < 700; ++i)
    batch.push_back(with_body("n" + std::to_string(i), "Tin " + std::to_string(i),
                              "Lúa tốt nhờ mưa. Chín giờ sáng, trời vàng nắng.", 200 + i));
  ASSERT_TRUE(writer().upsert(batch, 3000).ok());
  auto q = words({"lua", "chin", "vang"});
  q.headline_phrases = true;
  q.limit = 10;
  q.exact_count = 1'000;
  auto r = full_text(q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total, 701);
  bool found = false;
  for (const auto& h : r->hits) found = found || (h.summary.title == "Mùa lúa chín vàng" && h.headline_phrase);
  EXPECT_TRUE(found) << "the oldest article, the only one with the words side by side in its title";
  auto common = words({"mua"});
  common.offset = 20;
  common.exact_count = 1'000;
  auto page = full_text(common);
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->total, 701);
  EXPECT_FALSE(page->estimated);
  EXPECT_EQ(page->hits.size(), 10u);
  // Past exact_count (500 unless asked) SQLite counts the newest matches only and scales by how
  // densely they stand among the ids; PostgreSQL counts them all while its planner, without
  // the words' frequencies yet, expects few (the next test has them).
  common.exact_count = FullTextQuery{}.exact_count;
  auto about = full_text(common);
  ASSERT_TRUE(about.ok()) << about.error().message;
  EXPECT_EQ(about->estimated, !postgres());
  EXPECT_NEAR(static_cast<double>(about->total), 701.0, 50.0);
  EXPECT_EQ(about->hits.size(), 10u);
}

// A common word over the years: the newest months hold a window's worth of its matches, so only
// they are ranked and the rest are counted from them (both engines estimate), and an old
// article whose title holds the query's words side by side is still found, first on
// PostgreSQL (all the words in the headline come first there).
TEST_P(StoreTest, ACommonWordOverTheYearsRanksTheNewestAndStillFindsAnOldHeadlinePhrase) {
  const std::int64_t now = 1'780'000'000, day = 86'400;  // 2026-05-28
  const std::string body = "Lúa tốt nhờ mưa. Chín giờ sáng, trời vàng nắng.";
  std::vector<articles::Incoming> batch{with_body("old", "Mùa lúa chín vàng", "Nội dung.", now - 12 * 365 * day)};
  for (int i = 0; i < 300; ++i)  // one every three weeks, back seventeen years
    batch.push_back(with_body("o" + std::to_string(i), "Tin cũ " + std::to_string(i), body, now - 30 * day - i * 21 * day));
  for (int i = 0; i < 900; ++i)  // ten a day over the last three months
    batch.push_back(with_body("n" + std::to_string(i), "Tin " + std::to_string(i), body, now - 90 * day + i * day / 10));
  ASSERT_TRUE(writer().upsert(batch, now).ok());
  ASSERT_TRUE(index().optimize().ok());  // as an import ends: PostgreSQL learns the words' frequencies
  auto q = words({"lua", "chin", "vang"});
  q.headline_phrases = true;
  q.now = now;
  auto r = full_text(q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->estimated);
  EXPECT_NEAR(static_cast<double>(r->total), 1201.0, 60.0);
  ASSERT_FALSE(r->hits.empty());
  bool found = false;
  for (const auto& h : r->hits) found = found || (h.summary.title == "Mùa lúa chín vàng" && h.headline_phrase);
  EXPECT_TRUE(found) << "twelve years old, the only one with the words side by side in its title";
  if (postgres()) {
    EXPECT_EQ(r->hits.front().summary.title, "Mùa lúa chín vàng");
  }
  auto newest = words({"mua"});
  newest.sort = FullTextQuery::Sort::newest;
  newest.now = now;
  auto n = full_text(newest);
  ASSERT_TRUE(n.ok()) << n.error().message;
  ASSERT_EQ(n->hits.size(), 10u);
  EXPECT_EQ(n->hits.front().summary.title, "Tin 899");
  EXPECT_EQ(n->hits.back().summary.title, "Tin 890");
}

TEST_P(StoreTest, MarksMatchesHoldingAReadingAsAPhraseInTheirTitleOrLead) {
  auto in_lead = with_body("lead", "Tin tỉnh", "Nội dung.", 100);
  in_lead.lead = "Tỉnh tổ chức hội nghị lần thứ sáu.";
  std::vector<articles::Incoming> batch{
      with_body("title", "Hội nghị lần thứ sáu", "Nội dung.", 200),
      in_lead,
      with_body("body", "Tin khác", "Bàn về hội nghị lần thứ sáu.", 300),
      with_body("apart", "Lần thứ hai hội nghị sáu tỉnh", "Nội dung.", 400)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto q = words({"hoi", "nghi", "lan", "thu", "sau"});
  q.headline_phrases = true;
  auto r = full_text(q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total, 4);
  std::set<std::string> phrases;
  for (const auto& h : r->hits)
    if (h.headline_phrase) phrases.insert(h.summary.title);
  EXPECT_EQ(phrases, (std::set<std::string>{"Hội nghị lần thứ sáu", "Tin tỉnh"}));
  // Without asking, nothing is marked.
  q.headline_phrases = false;
  auto unmarked = full_text(q);  // held: a loop over a temporary's member would outlive it
  for (const auto& h : unmarked->hits) EXPECT_FALSE(h.headline_phrase);
  // A decoded reading counts too ("hoij nghij": Telex typed without an input method); three
  // headlines hold "hội nghị".
  FullTextQuery telex;
  telex.readings = {{{"hoij"}, {"nghij"}}, {{"hoi"}, {"nghi"}}};
  telex.headline_phrases = true;
  auto t = full_text(telex);
  ASSERT_TRUE(t.ok()) << t.error().message;
  int marked = 0;
  for (const auto& h : t->hits) marked += h.headline_phrase;
  EXPECT_EQ(marked, 3);
  // One word is never a phrase; a quoted group of two is one.
  auto one = words({"nghi"});
  one.headline_phrases = true;
  auto single = full_text(one);
  for (const auto& h : single->hits) EXPECT_FALSE(h.headline_phrase);
  FullTextQuery quoted;
  quoted.readings = {{{"hoi", "nghi"}}};
  quoted.headline_phrases = true;
  int quoted_marked = 0;
  auto held = full_text(quoted);
  for (const auto& h : held->hits) quoted_marked += h.headline_phrase;
  EXPECT_EQ(quoted_marked, 3);
}

TEST_P(StoreTest, BringsPhraseMatchesFromBeyondTheBestByRelevance) {
  // Nine articles with "mây" and "bạc" apart in the title and often in the body, once side by
  // side there, and an older one with "Mây Bạc" once, in its lead: with room for three, the
  // answer is the best three by relevance and then the headline phrase match.
  std::vector<articles::Incoming> batch;
  for (int i = 0; i < 9; ++i)
    batch.push_back(with_body("w" + std::to_string(i), "Mây trắng trên sông bạc " + std::to_string(i),
                              "Mây trắng, sông bạc, mây xám, nắng bạc, mây trôi, mây bạc.", 200 + i));
  auto phrase = with_body("p", "Tin giao thông", "Thông xe từ sáng nay.", 100);
  phrase.lead = "Cầu Mây Bạc đã thông xe.";
  batch.push_back(phrase);
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto q = words({"may", "bac"});
  q.headline_phrases = true;
  q.limit = 3;
  auto r = full_text(q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total, 10);
  ASSERT_GE(r->hits.size(), 4u);
  EXPECT_EQ(r->hits.back().summary.title, "Tin giao thông");
  EXPECT_TRUE(r->hits.back().headline_phrase);
  std::set<std::int64_t> ids;
  for (const auto& h : r->hits) ids.insert(h.summary.id);
  EXPECT_EQ(ids.size(), r->hits.size());  // each once
}

TEST_P(StoreTest, ReadsSeveralArticlesInTheOrderAsked) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100), incoming("b", "B", "X", 200),
                                        incoming("c", "C", "X", 300)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  auto all = reading().latest({std::nullopt, 10, 0, kNow});
  std::map<std::string, std::int64_t> id;
  for (const auto& s : *all) id[s.title] = s.id;
  std::vector<std::int64_t> asked{id["C"], 987654, id["A"], id["B"]};
  auto r = reading().articles(asked);
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::vector<std::string> got;
  for (const auto& a : *r) got.push_back(a.title);
  EXPECT_EQ(got, (std::vector<std::string>{"C", "A", "B"}));
  EXPECT_FALSE((*r)[0].blocks.empty());
  EXPECT_TRUE(reading().articles({})->empty());
}

TEST_P(StoreTest, PackingTheIndexKeepsEveryMatch) {
  std::vector<articles::Incoming> batch;
  for (int i = 0; i < 30; ++i) {
    batch.assign(1, with_body("n" + std::to_string(i), "Tin số " + std::to_string(i), "Mưa ở Đồi Mây.", 100 + i));
    ASSERT_TRUE(writer().upsert(batch, 1000).ok());  // one write each: many pieces
  }
  ASSERT_TRUE(index().optimize().ok());
  EXPECT_EQ(full_text(words({"doi", "may"}))->total, 30);
  ASSERT_TRUE(index().optimize().ok());  // again: nothing to do, no harm
  EXPECT_EQ(full_text(words({"mua"}))->total, 30);
}

TEST_P(StoreTest, TheIndexFollowsEveryWrite) {
  std::vector<articles::Incoming> batch{with_body("a", "Lễ hội trà xuân", "x", 100)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  EXPECT_EQ(full_text(words({"tra"}))->total, 1);
  batch[0].title = "Lễ hội cà phê";
  ASSERT_TRUE(writer().upsert(batch, 1001).ok());
  EXPECT_EQ(full_text(words({"tra"}))->total, 0);
  EXPECT_EQ(full_text(words({"ca", "phe"}))->total, 1);
  batch[0].status = articles::Status::unpublished;
  ASSERT_TRUE(writer().upsert(batch, 1002).ok());
  EXPECT_EQ(full_text(words({"ca", "phe"}))->total, 0);
  batch[0].status = articles::Status::published;
  ASSERT_TRUE(writer().upsert(batch, 1003).ok());
  EXPECT_EQ(full_text(words({"ca", "phe"}))->total, 1);
}

// An article's old words must leave the index with it, from every part of its text: SQLite's
// index keeps no copy of the text and is given the document again to take them out.
TEST_P(StoreTest, ARewrittenArticleIsNoLongerFoundByAnyOfItsOldWords) {
  auto article = [](const char* title, const char* lead, const char* paragraph, const char* caption,
                    const char* quote, const char* cite) {
    auto a = with_body("a", title, paragraph, 100);
    a.lead = lead;
    articles::Block figure;
    figure.type = articles::Block::Type::figure;
    figure.caption = caption;
    articles::Block said;
    said.type = articles::Block::Type::quote;
    said.text = quote;
    said.cite = cite;
    a.blocks->push_back(figure);
    a.blocks->push_back(said);
    return a;
  };
  std::vector<articles::Incoming> batch{
      article("Lễ hội trà xuân", "Sapo về đồi trà.", "Thân bài kể chuyện mùa xuân.", "Ảnh đồi chè sớm.",
              "Trà ngon nhờ sương.", "Ông Páo")};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  const std::vector<const char*> old_words{"tra", "doi", "xuan", "che", "suong", "pao"};
  for (const char* w : old_words) EXPECT_EQ(full_text(words({w}))->total, 1) << w;
  batch = {article("Phiên chợ vùng cao", "Sapo mới.", "Thân bài khác hẳn.", "Ảnh phiên chợ.", "Chợ họp sáng.",
                   "Bà Mỷ")};
  ASSERT_TRUE(writer().upsert(batch, 1001).ok());
  for (const char* w : old_words) EXPECT_EQ(full_text(words({w}))->total, 0) << w;
  for (const char* w : {"phien", "cho", "khac", "hop", "my"}) EXPECT_EQ(full_text(words({w}))->total, 1) << w;
  EXPECT_EQ(suggested({"le", "h"}), std::vector<std::string>{});
  EXPECT_EQ(suggested({"phien", "c"}), std::vector<std::string>{"Phiên chợ vùng cao"});
  // The same text again (a feed imported twice) leaves the index as it was, still finding it.
  const char* pieces = "SELECT count(*) FROM article_search_data";
  const Table before_again = postgres() ? Table{} : rows(pieces);
  ASSERT_TRUE(writer().upsert(batch, 1001).ok());
  if (!postgres()) {
    EXPECT_EQ(rows(pieces), before_again) << "an unchanged article written to the index again";
  }
  for (const char* w : {"phien", "cho", "khac", "hop", "my"}) EXPECT_EQ(full_text(words({w}))->total, 1) << w;
  batch[0].status = articles::Status::unpublished;
  ASSERT_TRUE(writer().upsert(batch, 1002).ok());
  for (const char* w : {"phien", "cho", "khac", "hop", "my"}) EXPECT_EQ(full_text(words({w}))->total, 0) << w;
  EXPECT_EQ(suggested({"phien", "c"}), std::vector<std::string>{});
}

TEST_P(StoreTest, ReindexRebuildsALostIndexAndMigrateNoticesOne) {
  std::vector<articles::Incoming> batch{with_body("a", "Mùa gặt lúa", "x", 100)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  // SQLite's index keeps no text to delete rows by: it is emptied whole.
  const char* lose_the_index =
      postgres() ? "DELETE FROM article_search" : "INSERT INTO article_search (article_search) VALUES ('delete-all')";
  rows(lose_the_index);
  EXPECT_EQ(full_text(words({"lua"}))->total, 0);
  ASSERT_TRUE(store_->migrate().ok());
  EXPECT_EQ(full_text(words({"lua"}))->total, 1);
  rows(lose_the_index);
  ASSERT_TRUE(index().reindex().ok());
  EXPECT_EQ(full_text(words({"gat"}))->total, 1);
}

// The import derives each line's stored blocks and search document on its reading thread
// (store::prepare); a batch longer than PostgreSQL's pipeline of 100 must still give each
// article its own.
TEST_P(StoreTest, AnImportsBatchWrittenWithWhatItsReadingThreadPreparedFindsEachArticleByItsOwnWords) {
  std::vector<articles::Incoming> batch;
  std::vector<Prepared> prepared;
  for (int i = 0; i < 130; ++i) {
    batch.push_back(with_body("p" + std::to_string(i), "Tin vắn số " + std::to_string(i),
                              "Mã tin " + std::to_string(5000 + i) + ".", 100 + i));
    prepared.push_back(prepare(batch.back()));
  }
  ASSERT_TRUE(writer().upsert(batch, 1000, UpsertOptions{}, prepared).ok());
  for (int i : {0, 99, 100, 129}) {
    const std::string code = std::to_string(5000 + i);
    auto r = full_text(words({code.c_str()}));
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(titles(*r), std::vector<std::string>{"Tin vắn số " + std::to_string(i)}) << code;
  }
}

// An import's batch and a reindex let SQLite's index gather more pieces before merging them;
// the newsroom's writes after them must merge as before, or searches read ever more pieces.
TEST_P(StoreTest, AnImportOrAReindexLeavesTheIndexMergingAsTheNewsroomsWritesNeed) {
  if (postgres()) GTEST_SKIP() << "SQLite's index only";
  std::vector<articles::Incoming> batch;
  for (int i = 0; i < 250; ++i)
    batch.push_back(with_body("b" + std::to_string(i), "Mùa gặt lúa số " + std::to_string(i), "x", 100 + i));
  auto merging = [&] {
    return rows("SELECT v FROM article_search_config WHERE k = 'automerge' UNION ALL "
                "SELECT v FROM article_headline_config WHERE k = 'automerge'");
  };
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  EXPECT_EQ(merging(), (Table{{"4"}, {"4"}})) << "after an import's batch";
  EXPECT_EQ(full_text(words({"mua", "gat"}))->total, 250);
  ASSERT_TRUE(index().reindex().ok());
  EXPECT_EQ(merging(), (Table{{"4"}, {"4"}})) << "after a reindex";
  EXPECT_EQ(full_text(words({"lua"}))->total, 250);
}

TEST_P(StoreTest, IndexRowsAPreviousReleaseWroteWithoutAHeadlineAreFoundAndRebuilt) {
  if (!postgres()) GTEST_SKIP() << "the headline columns are PostgreSQL's";
  std::vector<articles::Incoming> batch{with_body("a", "Mùa gặt lúa", "x", 100)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  rows("UPDATE article_search SET headline = NULL, published_at = NULL");  // as 0002's writer left it
  auto q = words({"mua", "gat"});
  q.headline_phrases = true;
  auto r = full_text(q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->total, 1);
  EXPECT_FALSE(r->hits[0].headline_phrase);
  ASSERT_TRUE(store_->migrate().ok());
  EXPECT_TRUE(full_text(q)->hits[0].headline_phrase);
}

TEST_P(StoreTest, AnSqliteIndexFromBeforeThePrefixTermsIsRebuiltWithEveryArticle) {
  if (postgres()) GTEST_SKIP() << "SQLite's index only";
  std::vector<articles::Incoming> batch{with_body("a", "Sinh viên mùa hè", "x", 100),
                                        with_body("b", "Vườn rau sạch", "y", 200)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  // The database as the release before migration 3 left it: the index without prefix terms.
  rows("DELETE FROM schema_migrations WHERE version = 3");
  rows("DROP TABLE article_search");
  rows("CREATE VIRTUAL TABLE article_search USING fts5(title, lead, body, tokenize = 'unicode61 remove_diacritics 0')");
  ASSERT_TRUE(index().reindex().ok());
  ASSERT_TRUE(store_->migrate().ok());
  EXPECT_NE(rows("SELECT sql FROM sqlite_schema WHERE name = 'article_search'")[0][0].find("prefix"), std::string::npos);
  EXPECT_EQ(full_text(words({"sinh", "vien"}))->total, 1);
  EXPECT_EQ(full_text(words({"rau"}))->total, 1);
  auto typing = words({"sinh", "v"});
  typing.prefix_last = true;
  typing.titles_only = true;
  EXPECT_EQ(titles(*full_text(typing)), std::vector<std::string>{"Sinh viên mùa hè"});
}

TEST_P(StoreTest, AnSqliteIndexWithPrefixTermsIsCopiedIntoOneWithoutThemKeepingEveryArticle) {
  if (postgres()) GTEST_SKIP() << "SQLite's index only";
  std::vector<articles::Incoming> batch{with_body("a", "Sinh viên mùa hè", "x", 100),
                                        with_body("b", "Vườn rau sạch", "y", 200)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  // The database as the release before migration 15 left it: prefix terms in the whole index.
  rows("DELETE FROM schema_migrations WHERE version IN (15, 16)");
  rows("DROP TABLE article_search");
  rows("CREATE VIRTUAL TABLE article_search USING fts5(title, lead, body, tokenize = 'unicode61 remove_diacritics 0', "
       "prefix = '1 2')");
  ASSERT_TRUE(index().reindex().ok());
  ASSERT_TRUE(store_->migrate().ok());
  EXPECT_EQ(rows("SELECT sql FROM sqlite_schema WHERE name = 'article_search'")[0][0].find("prefix"), std::string::npos);
  EXPECT_EQ(rows("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'article_search_with_prefixes%'")[0][0], "0");
  EXPECT_EQ(full_text(words({"sinh", "vien"}))->total, 1);
  EXPECT_EQ(full_text(words({"rau"}))->total, 1);
  auto typing = words({"sinh", "v"});
  typing.prefix_last = true;
  typing.titles_only = true;
  EXPECT_EQ(titles(*full_text(typing)), std::vector<std::string>{"Sinh viên mùa hè"});
}

TEST_P(StoreTest, AnSqliteIndexKeepingACopyOfTheTextIsMadeAgainWithoutOneKeepingEveryArticle) {
  if (postgres()) GTEST_SKIP() << "SQLite's index only";
  std::vector<articles::Incoming> batch{with_body("a", "Sinh viên mùa hè", "Tình nguyện ở bản.", 100),
                                        with_body("b", "Vườn rau sạch", "Rau cải xanh.", 200)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  // The database as the release before migration 16 left it: both tables holding a copy of
  // the text, and the articles in them.
  rows("DELETE FROM schema_migrations WHERE version = 16");
  rows("DROP TABLE article_search");
  rows("DROP TABLE article_headline");
  rows("CREATE VIRTUAL TABLE article_search USING fts5(title, lead, body, tokenize = 'unicode61 remove_diacritics 0')");
  rows("CREATE VIRTUAL TABLE article_headline USING fts5(title, lead, tokenize = 'unicode61 remove_diacritics 0', "
       "prefix = '1 2')");
  ASSERT_TRUE(index().reindex().ok());
  ASSERT_EQ(rows("SELECT count(*) FROM article_search_content"), (Table{{"2"}}));
  ASSERT_TRUE(store_->migrate().ok());
  EXPECT_EQ(rows("SELECT count(*) FROM sqlite_schema WHERE name IN ('article_search_content', "
                 "'article_headline_content')"),
            (Table{{"0"}}));
  EXPECT_EQ(full_text(words({"tinh", "nguyen"}))->total, 1);
  EXPECT_EQ(full_text(words({"rau"}))->total, 1);
  EXPECT_EQ(suggested({"sinh", "v"}), std::vector<std::string>{"Sinh viên mùa hè"});
  // And an article rewritten since is found by its new words alone.
  batch = {with_body("b", "Vườn hoa", "Hoa hồng.", 200)};
  ASSERT_TRUE(writer().upsert(batch, 2000).ok());
  EXPECT_EQ(full_text(words({"rau"}))->total, 0);
  EXPECT_EQ(full_text(words({"hoa", "hong"}))->total, 1);
}

TEST_P(StoreTest, TermsThatAreNotFoldedWordsNeverReachTheEngine) {
  std::vector<articles::Incoming> batch{with_body("a", "Tin", "x", 100)};
  ASSERT_TRUE(writer().upsert(batch, 1000).ok());
  for (const char* bad : {"\"", "a OR b", "x\"y", "*", "(", "')", "NEAR(a b)", "title:x", "--", "'; DROP TABLE articles; --"}) {
    auto r = full_text(words({bad}));
    ASSERT_TRUE(r.ok()) << bad << ": " << r.error().message;
    EXPECT_EQ(r->total, 0) << bad;
  }
  EXPECT_EQ(full_text(FullTextQuery{})->total, 0);
  EXPECT_EQ(*reading().count_published(std::nullopt, kNow), 1);
}

TEST_P(StoreTest, ReadsBackTheWholeArticle) {
  auto a = incoming("seed-1", "Tiêu đề", "Thời sự", 1670459400);
  a.authors = {"Huy Thành", "Mạnh Hùng"};
  a.lead = "Sapo có \"ngoặc kép\", dấu \\ và xuống\ndòng.";
  articles::Block fig;
  fig.type = articles::Block::Type::figure;
  fig.caption = "Chú thích";
  fig.image = "sample/photo-1.svg";
  fig.width = 1200;
  fig.height = 800;
  a.blocks->insert(a.blocks->begin(), fig);
  std::vector<articles::Incoming> batch{a};
  ASSERT_TRUE(writer().upsert(batch, 10).ok());
  auto list = reading().latest({std::nullopt, 20, 0, kNow});
  auto got = reading().article((*list)[0].id);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  const auto& art = **got;
  EXPECT_EQ(art.external_id, "seed-1");
  EXPECT_EQ(art.title, "Tiêu đề");
  EXPECT_EQ(art.slug, "tieu-de");
  EXPECT_EQ(art.lead, *a.lead);
  EXPECT_EQ(art.authors, *a.authors);
  ASSERT_EQ(art.blocks.size(), 2u);
  EXPECT_EQ(art.blocks[0].caption, "Chú thích");
  EXPECT_EQ(art.blocks[1].text, "Đoạn.");
  EXPECT_EQ(art.category_name, "Thời sự");
  EXPECT_EQ(art.category_slug, "thoi-su");
  EXPECT_EQ(art.status, articles::Status::published);
  EXPECT_EQ(art.published_at, 1670459400);
  EXPECT_EQ(art.updated_at, 10);
  EXPECT_EQ((*list)[0].image, "sample/photo-1.svg");
  EXPECT_EQ((*list)[0].image_width, 1200);
  EXPECT_EQ((*list)[0].image_height, 800);
  EXPECT_FALSE(reading().article(999999)->has_value());
  EXPECT_FALSE(reading().article(-1)->has_value());
}

TEST_P(StoreTest, AnArticleWithoutATimeIsStampedWithTheImportTime) {
  auto a = incoming("a", "A", "X", 0);
  a.published.reset();
  std::vector<articles::Incoming> batch{a};
  ASSERT_TRUE(writer().upsert(batch, 4242).ok());
  EXPECT_EQ((*reading().latest({std::nullopt, 20, 0, kNow}))[0].published_at, 4242);
}

TEST_P(StoreTest, ReimportWithoutATimeKeepsThePublishedTime) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  ASSERT_TRUE(writer().upsert(batch, 10).ok());
  batch[0].published.reset();
  ASSERT_TRUE(writer().upsert(batch, 5000).ok());
  EXPECT_EQ((*reading().latest({std::nullopt, 20, 0, kNow}))[0].published_at, 100);
}

TEST_P(StoreTest, RefusesTextNeitherEngineCanHoldAndWritesNothingOfTheBatch) {
  auto bad = incoming("nul", std::string("Tiêu\0đề", 10), "X", 100);
  std::vector<articles::Incoming> batch{incoming("ok", "OK", "X", 100), bad};
  auto r = writer().upsert(batch, 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid);
  EXPECT_NE(r.error().message.find("nul"), std::string::npos) << r.error().message;
  EXPECT_TRUE(*reading().empty());
}

TEST_P(StoreTest, ConcurrentImportsOfTheSameBatchWriteEachArticleOnce) {
  // Two importers (two stores: two processes, or two nodes) import the same file at the same
  // time, in batches, with categories that appear in both and slugs that collide.
  const std::vector<std::string> categories{"Thời sự", "Thoi su", "Kinh tế", "Thế giới", "The gioi", "Giáo dục"};
  std::vector<articles::Incoming> file;
  constexpr int kArticles = 300, kBatch = 50;
  for (int i = 0; i < kArticles; ++i)
    file.push_back(incoming("c-" + std::to_string(i), "Bài " + std::to_string(i),
                            categories[static_cast<std::size_t>(i) % categories.size()], 1000 + i));
  auto second = open_store();
  ASSERT_TRUE(second);
  std::array<Database*, 2> importers{store_.get(), second.get()};
  std::array<int, 2> inserted{}, updated{};
  std::array<std::string, 2> errors;
  std::latch start(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int from = 0; from < kArticles; from += kBatch) {
        auto r = importers[t]->article_writer().upsert(std::span(file).subspan(from, kBatch), 10);
        if (!r) {
          errors[t] = r.error().message;
          return;
        }
        for (auto u : *r) (u == Upserted::inserted ? inserted[t] : updated[t])++;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  EXPECT_EQ(inserted[0] + inserted[1], kArticles);
  EXPECT_EQ(updated[0] + updated[1], kArticles);
  EXPECT_EQ(*reading().count_published(std::nullopt, kNow), kArticles);
  EXPECT_EQ(rows("SELECT count(*), count(DISTINCT external_id) FROM articles"),
            (Table{{std::to_string(kArticles), std::to_string(kArticles)}}));
  auto cats = reading().categories();
  ASSERT_EQ(cats->size(), categories.size());
  std::set<std::string> names, slugs;
  for (const auto& c : *cats) {
    names.insert(c.name);
    slugs.insert(c.slug);
  }
  EXPECT_EQ(names, std::set<std::string>(categories.begin(), categories.end()));
  EXPECT_EQ(slugs, (std::set<std::string>{"thoi-su", "thoi-su-2", "kinh-te", "the-gioi", "the-gioi-2", "giao-duc"}));
  std::set<int> positions;
  for (const auto& c : *cats) positions.insert(c.position);
  EXPECT_EQ(positions.size(), cats->size()) << "two categories share a place in the menu";
}

TEST_P(StoreTest, ConcurrentWritersOfNewCategoriesGiveEachItsOwnPlace) {
  // Many writers, each bringing categories nobody has made yet.
  constexpr int kWriters = 4, kCategoriesEach = 5;
  std::vector<std::unique_ptr<Database>> writers;
  for (int w = 0; w < kWriters; ++w) writers.push_back(open_store());
  std::latch start(kWriters);
  std::array<std::string, kWriters> errors;
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w)
    threads.emplace_back([&, w] {
      std::vector<articles::Incoming> batch;
      for (int k = 0; k < kCategoriesEach; ++k)
        batch.push_back(incoming("w" + std::to_string(w) + "-" + std::to_string(k), "Bài",
                                 "Chuyên mục " + std::to_string(k * kWriters + w), k));
      start.arrive_and_wait();
      auto r = writers[static_cast<std::size_t>(w)]->article_writer().upsert(batch, 10);
      if (!r) errors[static_cast<std::size_t>(w)] = r.error().message;
    });
  for (auto& t : threads) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  auto cats = reading().categories();
  ASSERT_EQ(cats->size(), static_cast<std::size_t>(kWriters * kCategoriesEach));
  for (std::size_t i = 0; i < cats->size(); ++i) EXPECT_EQ((*cats)[i].position, static_cast<int>(i) + 1);
}

TEST_P(StoreTest, ConcurrentImportsInOppositeOrdersStillWriteEachArticleOnce) {
  // Each writer locks rows the other wants next: PostgreSQL breaks the deadlock by failing
  // one transaction, which the store then runs again.
  constexpr int kArticles = 400, kBatch = 100;
  std::vector<articles::Incoming> forward;
  for (int i = 0; i < kArticles; ++i)
    forward.push_back(incoming("o-" + std::to_string(i), "Bài " + std::to_string(i), i % 2 ? "Lẻ" : "Chẵn", i));
  std::vector<articles::Incoming> backward(forward.rbegin(), forward.rend());
  auto second = open_store();
  ASSERT_TRUE(second);
  std::array<const std::vector<articles::Incoming>*, 2> files{&forward, &backward};
  std::array<Database*, 2> importers{store_.get(), second.get()};
  std::array<int, 2> inserted{};
  std::array<std::string, 2> errors;
  for (int round = 0; round < 2; ++round) {
    std::latch start(2);
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        for (int from = 0; from < kArticles; from += kBatch) {
          auto r = importers[t]->article_writer().upsert(std::span(*files[t]).subspan(from, kBatch), 10 + round);
          if (!r) {
            errors[t] = r.error().message;
            return;
          }
          for (auto u : *r) inserted[t] += u == Upserted::inserted;
        }
      });
    for (auto& t : threads) t.join();
  }
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  EXPECT_EQ(inserted[0] + inserted[1], kArticles);
  EXPECT_EQ(rows("SELECT count(*), count(DISTINCT external_id), min(updated_at) FROM articles"),
            (Table{{std::to_string(kArticles), std::to_string(kArticles), "11"}}));
}

// How long a commit may take to wake a waiter on another connection: SQLite polls every 50 ms
// and PostgreSQL delivers notifications after the commit; a second is generous for both.
constexpr auto kPropagation = std::chrono::seconds(1);

// Runs `commit` on another thread after a short pause, while `log` waits; how long it waited.
template <class Commit>
std::chrono::steady_clock::duration waited_for(ChangeLog& log, Commit commit, std::chrono::milliseconds timeout) {
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    commit();
  });
  auto started = std::chrono::steady_clock::now();
  auto s = log.wait(timeout);
  auto waited = std::chrono::steady_clock::now() - started;
  writer.join();
  EXPECT_TRUE(s.ok()) << s.error().message;
  return waited;
}

TEST_P(StoreTest, WaitReturnsSoonAfterAnotherNodeCommits) {
  auto other = open_store();
  ASSERT_TRUE(other);
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  auto waited = waited_for(
      changes(), [&] { ASSERT_TRUE(other->article_writer().upsert(batch, 10).ok()); }, std::chrono::seconds(10));
  EXPECT_LT(waited, kPropagation + std::chrono::milliseconds(100)) << "no wake-up within a second of the commit";
  EXPECT_EQ(changes().since(0, 100)->changes.size(), 3u);  // category, article, listing
}

TEST_P(StoreTest, WaitReturnsSoonAfterACommitOnThisDatabase) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  auto waited = waited_for(
      changes(), [&] { ASSERT_TRUE(writer().upsert(batch, 10).ok()); }, std::chrono::seconds(10));
  EXPECT_LT(waited, kPropagation + std::chrono::milliseconds(100)) << "no wake-up within a second of the commit";
}

TEST_P(StoreTest, WaitTimesOutWhileNothingIsCommitted) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  ASSERT_TRUE(writer().upsert(batch, 10).ok());
  // The write above may wake the first wait (it is news to the waiter); after that, reads
  // change nothing and the wait runs its course.
  ASSERT_TRUE(changes().wait(std::chrono::milliseconds(300)).ok());
  ASSERT_TRUE(reading().latest({std::nullopt, 20, 0, kNow}).ok());
  auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(changes().wait(std::chrono::milliseconds(400)).ok());
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(350));
}

TEST_P(StoreTest, ManyThreadsShareASmallPool) {
  auto small = open_store({.pool_size = 2});
  ASSERT_TRUE(small);
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  ASSERT_TRUE(small->article_writer().upsert(batch, 10).ok());
  constexpr int kThreads = 8;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        auto list = small->reading().latest({std::nullopt, 20, 0, kNow});
        if (!list || list->size() != 1u || !small->reading().article((*list)[0].id).ok()) ++failures;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  if (postgres()) {
    // The pool's two connections and the one that listens for changes, whatever the load.
    auto sessions = pg_rows(*testing::postgres_server_url(),
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db_->name() +
                                "' AND application_name = 'toasoan'");
    EXPECT_LE(std::stoi(sessions.at(0).at(0)), 2 + 1 + 2) << "store_ holds one and listens on another";
  }
}

TEST_P(StoreTest, SurvivesLosingItsConnections) {
  if (!postgres()) GTEST_SKIP() << "SQLite has no server connection to lose";
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  ASSERT_TRUE(writer().upsert(batch, 10).ok());

  terminate_sessions();  // the pool's connections and the listener
  auto list = reading().latest({std::nullopt, 20, 0, kNow});
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->size(), 1u);
  // The listener is found gone and opened again: a wake-up, not an error, and not a full wait.
  auto started = std::chrono::steady_clock::now();
  auto woke = changes().wait(std::chrono::seconds(10));
  ASSERT_TRUE(woke.ok()) << woke.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));

  terminate_sessions();
  batch[0].title = "B";
  auto written = writer().upsert(batch, 20);
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ((*reading().latest({std::nullopt, 20, 0, kNow}))[0].title, "B");
}

TEST_P(StoreTest, AnswersUnavailableWhileTheDatabaseIsAwayAndReconnectsByItself) {
  if (!postgres()) GTEST_SKIP() << "SQLite has no server to lose";
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  ASSERT_TRUE(writer().upsert(batch, 10).ok());
  ASSERT_TRUE(changes().wait(std::chrono::seconds(1)).ok());  // hears that write now, not below
  const auto server = *testing::postgres_server_url();

  // The database refuses every connection, and the ones there were are gone.
  pg_rows(server, "ALTER DATABASE " + db_->name() + " ALLOW_CONNECTIONS false");
  terminate_sessions();
  auto list = reading().latest({std::nullopt, 20, 0, kNow});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::unavailable) << list.error().message;
  EXPECT_EQ(list.error().message.find('\n'), std::string::npos);
  EXPECT_EQ(writer().upsert(batch, 20).error().kind, ErrorKind::unavailable);
  auto waited = changes().wait(std::chrono::milliseconds(200));
  ASSERT_FALSE(waited.ok());
  EXPECT_EQ(waited.error().kind, ErrorKind::unavailable);
  // Fails fast while it is away, rather than each call waiting for its own connect.
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) EXPECT_FALSE(reading().count_published(std::nullopt, kNow).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));

  pg_rows(server, "ALTER DATABASE " + db_->name() + " ALLOW_CONNECTIONS true");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  Result<std::vector<articles::Summary>> back = unavailable("not tried");
  while (!(back = reading().latest({std::nullopt, 20, 0, kNow})).ok() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->size(), 1u);
  auto woke = changes().wait(std::chrono::seconds(2));
  ASSERT_TRUE(woke.ok()) << woke.error().message;
  ASSERT_TRUE(writer().upsert(batch, 30).ok());
}

// --- The change log ----------------------------------------------------------------------

using Entry = std::pair<std::string, std::string>;  // topic, key

// What the log holds after `after`, as (topic, key), in order.
std::vector<Entry> entries(ChangeLog& log, std::uint64_t after = 0) {
  auto batch = log.since(after, 10000);
  EXPECT_TRUE(batch.ok()) << batch.error().message;
  std::vector<Entry> out;
  if (batch.ok())
    for (const auto& c : batch->changes) out.emplace_back(c.topic, c.key);
  return out;
}

std::multiset<Entry> as_set(const std::vector<Entry>& v) { return {v.begin(), v.end()}; }

TEST_P(StoreTest, AUnitOfWorksEntriesExistExactlyWhenItsWritesDo) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  {
    auto work = store_->begin();
    ASSERT_TRUE(work.ok()) << work.error().message;
    ASSERT_TRUE(writer().upsert(**work, batch, 10).ok());
    ASSERT_TRUE((*work)->record("article", "extra").ok());
  }  // destroyed uncommitted
  EXPECT_TRUE(*reading().empty());
  EXPECT_EQ(*changes().last_seq(), 0u);
  EXPECT_TRUE(entries(changes()).empty());

  auto work = store_->begin();
  ASSERT_TRUE(work.ok()) << work.error().message;
  ASSERT_TRUE(writer().upsert(**work, batch, 10).ok());
  ASSERT_TRUE((*work)->record("article", "extra").ok());
  ASSERT_TRUE((*work)->commit().ok());
  EXPECT_FALSE(*reading().empty());
  auto id = std::to_string((*reading().latest({std::nullopt, 20, 0, kNow}))[0].id);
  auto cat = std::to_string((*reading().categories())[0].id);
  EXPECT_EQ(as_set(entries(changes())), (std::multiset<Entry>{{"category", cat}, {"article", id}, {"listing", cat},
                                                               {"article", "extra"}}));
  EXPECT_EQ(*changes().last_seq(), 4u);
}

TEST_P(StoreTest, UpsertLogsWhatChangedForArticlesListsAndMenus) {
  auto a = incoming("a", "A", "Thời sự", 100);
  auto b = incoming("b", "B", "Kinh tế", 200);
  std::vector<articles::Incoming> first{a, b, a};  // a twice: logged once
  ASSERT_TRUE(writer().upsert(first, 10).ok());
  auto cats = *reading().categories();
  const std::string thoi_su = std::to_string(cats[0].id), kinh_te = std::to_string(cats[1].id);
  auto by_title = [&](const std::string& t) {
    auto all = reading().latest({std::nullopt, -1, 0, kNow});
    for (const auto& s : *all)
      if (s.title == t) return std::to_string(s.id);
    return std::string("?");
  };
  const std::string ida = by_title("A"), idb = by_title("B");
  EXPECT_EQ(as_set(entries(changes())),
            (std::multiset<Entry>{{"category", thoi_su}, {"category", kinh_te}, {"article", ida},
                                  {"article", idb}, {"listing", thoi_su}, {"listing", kinh_te}}));

  // The same old article again, time given or not: its page may differ, its lists do not.
  std::uint64_t mark = *changes().last_seq();
  ASSERT_TRUE(writer().upsert(std::vector{a}, 20).ok());
  auto untimed = a;
  untimed.published.reset();
  ASSERT_TRUE(writer().upsert(std::vector{untimed}, 30).ok());
  EXPECT_EQ(entries(changes(), mark), (std::vector<Entry>{{"article", ida}, {"article", ida}}));

  // Unpublished: its category's lists change.
  mark = *changes().last_seq();
  auto hidden = a;
  hidden.status = articles::Status::unpublished;
  ASSERT_TRUE(writer().upsert(std::vector{hidden}, 40).ok());
  EXPECT_EQ(as_set(entries(changes(), mark)), (std::multiset<Entry>{{"article", ida}, {"listing", thoi_su}}));

  // Re-dated: the same.
  mark = *changes().last_seq();
  auto redated = b;
  redated.published = 250;
  ASSERT_TRUE(writer().upsert(std::vector{redated}, 50).ok());
  EXPECT_EQ(as_set(entries(changes(), mark)), (std::multiset<Entry>{{"article", idb}, {"listing", kinh_te}}));

  // Moved to a new category: the old one's lists, the new one's, and the new one in the menu.
  mark = *changes().last_seq();
  auto moved = redated;
  moved.category_name = "Thế giới";
  ASSERT_TRUE(writer().upsert(std::vector{moved}, 60).ok());
  const std::string the_gioi = std::to_string((*reading().categories())[2].id);
  EXPECT_EQ(as_set(entries(changes(), mark)), (std::multiset<Entry>{{"category", the_gioi}, {"article", idb},
                                                                     {"listing", kinh_te}, {"listing", the_gioi}}));
}

TEST_P(StoreTest, SinceReadsInOrderAndResumesWhereItStopped) {
  for (int i = 0; i < 5; ++i) {
    auto work = store_->begin();
    ASSERT_TRUE(work.ok());
    ASSERT_TRUE((*work)->record("article", std::to_string(i)).ok());
    ASSERT_TRUE((*work)->record("article", std::to_string(i)).ok());  // once per unit
    ASSERT_TRUE((*work)->commit().ok());
  }
  auto fresh = changes().since(0, 2);
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_FALSE(fresh->gap);
  ASSERT_EQ(fresh->changes.size(), 2u);
  EXPECT_EQ(fresh->changes[0].seq, 1u);
  EXPECT_EQ(fresh->changes[1].seq, 2u);
  EXPECT_EQ(fresh->changes[1].key, "1");
  EXPECT_EQ(fresh->last, 2u);
  EXPECT_GT(fresh->changes[0].at, 0);
  auto rest = changes().since(fresh->last, 100);
  ASSERT_EQ(rest->changes.size(), 3u);
  EXPECT_EQ(rest->changes[0].seq, 3u);
  EXPECT_EQ(rest->last, 5u);
  EXPECT_FALSE(rest->gap);
  auto none = changes().since(5, 100);
  EXPECT_TRUE(none->changes.empty());
  EXPECT_EQ(none->last, 5u);
  EXPECT_EQ(*changes().last_seq(), 5u);
}

TEST_P(StoreTest, PurgeKeepsTheNewestAndSinceTellsAReaderWhatIsLost) {
  auto empty_log = changes().since(0, 10);
  ASSERT_TRUE(empty_log.ok()) << empty_log.error().message;
  EXPECT_FALSE(empty_log->gap) << "a fresh log has lost nothing";
  EXPECT_EQ(*changes().purge(unix_now() + 100), 0);
  for (int i = 0; i < 4; ++i) {
    auto work = store_->begin();
    ASSERT_TRUE((*work)->record("listing", std::to_string(i)).ok());
    ASSERT_TRUE((*work)->commit().ok());
  }
  EXPECT_EQ(*changes().purge(0), 0) << "nothing is that old";
  EXPECT_EQ(*changes().purge(unix_now() + 100), 3);
  EXPECT_EQ(*changes().last_seq(), 4u);
  EXPECT_TRUE(changes().since(0, 10)->gap);
  EXPECT_TRUE(changes().since(2, 10)->gap);
  auto caught_up = changes().since(3, 10);
  EXPECT_FALSE(caught_up->gap);
  ASSERT_EQ(caught_up->changes.size(), 1u);
  EXPECT_EQ(caught_up->changes[0].seq, 4u);
  EXPECT_FALSE(changes().since(4, 10)->gap);
  // Numbering goes on from the newest, never again from 1.
  auto work = store_->begin();
  ASSERT_TRUE((*work)->record("listing", "x").ok());
  ASSERT_TRUE((*work)->commit().ok());
  EXPECT_EQ(*changes().last_seq(), 5u);
}

TEST_P(StoreTest, ConcurrentWritersNumberTheirEntriesInCommitOrder) {
  // Two nodes commit units as fast as they can while a follower reads "since my last" all the
  // time: numbers handed out in any order but the commit order would make it pass over one.
  constexpr int kWriters = 2, kUnits = 50;
  std::vector<std::unique_ptr<Database>> nodes;
  for (int w = 0; w < kWriters; ++w) nodes.push_back(open_store());
  std::atomic<int> done{0};
  std::array<std::string, kWriters> errors;
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w)
    threads.emplace_back([&, w] {
      for (int i = 0; i < kUnits && errors[w].empty(); ++i) {
        auto work = nodes[w]->begin();
        if (!work) {
          errors[w] = work.error().message;
          break;
        }
        (void)(*work)->record("article", std::to_string(w) + "-" + std::to_string(i));
        // Make the unit last a little, so that units overlap.
        std::this_thread::sleep_for(std::chrono::microseconds(200 * (i % 3)));
        if (auto s = (*work)->commit(); !s) errors[w] = s.error().message;
      }
      ++done;
    });
  std::vector<Change> followed;
  std::uint64_t last = 0;
  for (bool more = true; more;) {
    more = done.load() < kWriters;
    auto batch = changes().since(last, 7);
    ASSERT_TRUE(batch.ok()) << batch.error().message;
    for (auto& c : batch->changes) followed.push_back(c);
    last = batch->last;
    if (!batch->changes.empty()) more = true;
  }
  for (auto& t : threads) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  auto all = changes().since(0, 1000);
  ASSERT_EQ(all->changes.size(), static_cast<std::size_t>(kWriters * kUnits));
  std::map<std::string, int> next_of_writer;
  for (std::size_t i = 0; i < all->changes.size(); ++i) {
    EXPECT_EQ(all->changes[i].seq, i + 1) << "a hole or a repeat";
    // Each writer's units commit one after another: their numbers must rise in that order.
    const auto& key = all->changes[i].key;
    auto dash = key.find('-');
    int unit = std::stoi(key.substr(dash + 1));
    EXPECT_EQ(unit, next_of_writer[key.substr(0, dash)]++) << key;
  }
  ASSERT_EQ(followed.size(), all->changes.size()) << "the follower passed over a commit";
  for (std::size_t i = 0; i < followed.size(); ++i) EXPECT_EQ(followed[i].seq, all->changes[i].seq);
}

TEST_P(StoreTest, AFollowerWhoseListenerWasCutCatchesUpOnEverything) {
  if (!postgres()) GTEST_SKIP() << "SQLite has no listening connection";
  auto other = open_store();
  ASSERT_TRUE(other);
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  ASSERT_TRUE(other->article_writer().upsert(batch, 10).ok());
  ASSERT_TRUE(changes().wait(std::chrono::seconds(1)).ok());
  auto seen = changes().since(0, 100);
  ASSERT_TRUE(seen.ok());
  // The listening session ends (a server restart, a network cut, an administrator)...
  pg_rows(*testing::postgres_server_url(),
          "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = '" + db_->name() +
              "' AND query LIKE 'LISTEN%'");
  // ...and writes go on meanwhile.
  batch.push_back(incoming("b", "B", "Y", 200));
  ASSERT_TRUE(other->article_writer().upsert(batch, 20).ok());
  auto started = std::chrono::steady_clock::now();
  auto woke = changes().wait(std::chrono::seconds(10));
  ASSERT_TRUE(woke.ok()) << woke.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  auto rest = changes().since(seen->last, 100);
  ASSERT_TRUE(rest.ok());
  EXPECT_FALSE(rest->gap);
  // a unchanged (its page only), b new in a new category: the category, b, and its lists.
  EXPECT_EQ(rest->changes.size(), 4u);
  EXPECT_EQ(rest->last, *other->change_log().last_seq());
  // The listener is back: the next commit wakes the waiter promptly.
  ASSERT_TRUE(other->article_writer().upsert(std::vector{incoming("c", "C", "X", 300)}, 30).ok());
  started = std::chrono::steady_clock::now();
  ASSERT_TRUE(changes().wait(std::chrono::seconds(10)).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

// --- Publication in time -------------------------------------------------------------------

TEST_P(StoreTest, AnArticleScheduledForLaterAppearsWhenItsTimeComes) {
  auto later = with_body("later", "Lúa mùa", "Mùa gặt sớm.", 5000);
  auto hidden = with_body("hidden", "Lúa chiêm", "Chưa đăng.", 3000);
  hidden.status = articles::Status::unpublished;
  std::vector<articles::Incoming> batch{with_body("now", "Lúa xuân", "Mùa gặt.", 1000), later, hidden};
  ASSERT_TRUE(writer().upsert(batch, 100).ok());
  const std::int64_t cat = (*reading().categories())[0].id;
  auto titles_at = [&](std::int64_t now, std::optional<std::int64_t> category) {
    std::vector<std::string> out;
    auto list = reading().latest({category, 10, 0, now});
    for (const auto& s : *list) out.push_back(s.title);
    return out;
  };
  auto found_at = [&](std::int64_t now, bool filtered) {
    auto q = words({"lua"});
    q.now = now;
    if (filtered) q.category_id = cat;
    return full_text(q)->total;
  };
  EXPECT_EQ(titles_at(2000, std::nullopt), std::vector<std::string>{"Lúa xuân"});
  EXPECT_EQ(titles_at(2000, cat), std::vector<std::string>{"Lúa xuân"});
  EXPECT_EQ(*reading().count_published(std::nullopt, 2000), 1);
  EXPECT_EQ(*reading().count_published(cat, 2000), 1);
  EXPECT_EQ(reading().published_between(0, 10000, 10, 0, 2000)->size(), 1u);
  EXPECT_EQ(reading().archive_months(2000)->at(0).articles, 1);
  EXPECT_EQ(found_at(2000, false), 1);
  EXPECT_EQ(found_at(2000, true), 1);
  EXPECT_EQ(*reading().next_publication(2000), std::optional<std::int64_t>(5000));
  EXPECT_TRUE(reading().article((*reading().latest({std::nullopt, -1, 0, 9999}))[0].id)->has_value());

  EXPECT_EQ(titles_at(5000, std::nullopt), (std::vector<std::string>{"Lúa mùa", "Lúa xuân"}));
  EXPECT_EQ(titles_at(5000, cat).size(), 2u);
  EXPECT_EQ(*reading().count_published(std::nullopt, 5000), 2);
  EXPECT_EQ(reading().published_between(0, 10000, 10, 0, 5000)->size(), 2u);
  EXPECT_EQ(reading().archive_months(5000)->at(0).articles, 2);
  EXPECT_EQ(found_at(5000, false), 2);
  EXPECT_EQ(found_at(5000, true), 2);
  EXPECT_EQ(*reading().next_publication(5000), std::nullopt) << "the unpublished one never comes";
}

// The published tally (store/published_tally.hpp) answers counts, months and where deep pages
// start: after every kind of write it must agree with the articles themselves.
TEST_P(StoreTest, TheTallyAgreesWithTheArticlesAfterEveryKindOfWrite) {
  const char* names[] = {"Thời sự", "Kinh tế", "Thể thao"};
  std::vector<articles::Incoming> batch;
  // 300 articles ten days apart (about eight years), and two scheduled past `now`.
  const std::int64_t start = 1'200'000'000, now = start + 299 * 864'000;
  for (int i = 0; i < 300; ++i)
    batch.push_back(incoming("t" + std::to_string(i), "Bài " + std::to_string(i), names[i % 3], start + i * 864'000));
  batch.push_back(incoming("later1", "Sau 1", names[0], now + 100));
  batch.push_back(incoming("later2", "Sau 2", names[1], now + 40 * 86'400));
  ASSERT_TRUE(writer().upsert(batch, start).ok());
  auto raw = [&](const std::string& statement) {
    return postgres() ? pg_rows(db_->url(), statement) : sqlite_rows(db_->name(), statement);
  };
  const auto cats = *reading().categories();
  auto agrees = [&](const char* when) {
    SCOPED_TRACE(when);
    const std::string live = " FROM articles WHERE status = 'published' AND published_at <= " + std::to_string(now);
    EXPECT_EQ(*reading().count_published(std::nullopt, now), std::stoll(raw("SELECT count(*)" + live)[0][0]));
    for (const auto& c : cats)
      EXPECT_EQ(*reading().count_published(c.id, now),
                std::stoll(raw("SELECT count(*)" + live + " AND category_id = " + std::to_string(c.id))[0][0]));
    auto months = *reading().archive_months(now);
    std::int64_t listed = 0;
    for (const auto& m : months) {
      const std::int64_t from = text::vietnam_month_start(m.year, m.month);
      const std::int64_t to = m.month == 12 ? text::vietnam_month_start(m.year + 1, 1)
                                            : text::vietnam_month_start(m.year, m.month + 1);
      EXPECT_EQ(static_cast<std::int64_t>(reading().published_between(from, to, 1000, 0, now)->size()), m.articles)
          << m.year << "-" << m.month;
      listed += m.articles;
    }
    EXPECT_EQ(listed, *reading().count_published(std::nullopt, now));
    // Deep pages, cut at their month by the tally, are the pages an OFFSET over the whole list gives.
    for (std::optional<std::int64_t> category : {std::optional<std::int64_t>(), std::optional<std::int64_t>(cats[1].id)}) {
      auto all = *reading().latest({category, -1, 0, now});
      for (int offset : {0, 210, 250, static_cast<int>(all.size()) - 7, static_cast<int>(all.size())}) {
        auto page = *reading().latest({category, 20, offset, now});
        std::vector<std::int64_t> got, want;
        for (const auto& s : page) got.push_back(s.id);
        for (int i = offset; i < offset + 20 && i < static_cast<int>(all.size()); ++i) want.push_back(all[i].id);
        EXPECT_EQ(got, want) << "offset " << offset;
      }
    }
  };
  agrees("imported");

  auto moved = incoming("t10", "Bài 10", names[2], start + 10 * 864'000 + 40 * 86'400);  // another category and month
  auto hidden = incoming("t11", "Bài 11", names[2], start + 11 * 864'000);
  hidden.status = articles::Status::unpublished;
  std::vector<articles::Incoming> changes{moved, hidden};
  ASSERT_TRUE(writer().upsert(changes, start + 1, {.overwrite = true}).ok());
  agrees("moved and unpublished");

  raw("DELETE FROM articles WHERE external_id = 't12'");
  agrees("deleted");
  EXPECT_EQ(*reading().count_published(std::nullopt, now), 298) << "300, less the unpublished one and the deleted one";
  EXPECT_EQ(*reading().count_published(std::nullopt, now + 40 * 86'400), 300) << "both scheduled ones have come";
}

// The statements every uncached list page, category page and sitemap runs, as the store runs
// them: each must read a range of an index (no scan of the archive, no sort of it). The
// published tally is a table of categories × months, read whole for the site's counts.
TEST_P(StoreTest, TheListCategoryAndSitemapStatementsReadTheirIndexes) {
  auto plan = [&](const std::string& statement, const std::vector<std::string>& values) {
    if (postgres()) return pg_plan(db_->url(), statement, values);
    std::string out;
    for (const auto& r : rows("EXPLAIN QUERY PLAN " + sql::sqlite_form(statement))) out += r.back() + "\n";
    return out;
  };
  // PostgreSQL plans an empty table by guesses under which two indexes may cost the same, and
  // then takes the newest; an archive of three categories, analysed, is what a paper has.
  if (postgres()) {
    const char* names[] = {"Thời sự", "Kinh tế", "Thể thao"};
    std::vector<articles::Incoming> batch;
    for (int i = 0; i < 300; ++i)
      batch.push_back(incoming("p" + std::to_string(i), "Bài " + std::to_string(i), names[i % 3], 1'200'000'000 + i * 86'400));
    ASSERT_TRUE(writer().upsert(batch, 1'200'000'000).ok());
    pg_rows(db_->url(), "ANALYZE articles");
  }
  const char* sorted = postgres() ? "Sort" : "TEMP B-TREE";
  const std::string archive_scan = postgres() ? "Seq Scan on articles" : "SCAN a";
  struct Case {
    const char* what;
    std::string statement;
    std::vector<std::string> values;
    const char* index;
  };
  const Case cases[] = {
      {"the newest list", sql::kLatest, {"5", "20", "0"}, "articles_newest"},
      {"a category's page", sql::kLatestInCategory, {"1300000000", "20", "0", "1"}, "articles_category_newest"},
      {"the news sitemap", sql::kPublishedBetween, {"0", "100", "5", "1000", "0"}, "articles_newest"},
      {"a month of the sitemaps, from the index alone", sql::kAddressesBetween, {"0", "100", "5", "1000", "0"},
       postgres() ? "articles_newest" : "COVERING INDEX articles_newest"},
      {"the articles scheduled for later", tally::kScheduled, {"1300000000"}, "articles_newest"},
      {"a category's months", tally::kCellsOfCategory, {"1"}, postgres() ? "published_tally_pkey" : "PRIMARY KEY"},
      {"the unfilled text filters every start looks for", sql::SqlDesk::kUnfilledDeskText, {"0", "200"},
       "articles_desk_text_missing"},
  };
  for (const auto& c : cases) {
    auto p = plan(c.statement, c.values);
    EXPECT_NE(p.find(c.index), std::string::npos) << c.what << ":\n" << p;
    EXPECT_EQ(p.find(sorted), std::string::npos) << c.what << ":\n" << p;
    EXPECT_EQ(p.find(archive_scan), std::string::npos) << c.what << ":\n" << p;
  }
}

// Every statement a search or a suggestion runs, as the store runs it: the full-text match is
// read through the engine's index (FTS5's own, or the GIN index), and articles only by key,
// never scanned. SQLite: a filtered search must start from the match (CROSS JOIN), not walk
// the articles and run the match on each.
TEST_P(StoreTest, TheSearchStatementsReadTheirFullTextIndexAndArticlesByKey) {
  if (postgres()) {
    const auto& st = postgres::search_statements();
    const std::vector<std::string> values = {"'lua & mua'", "'lua <-> mua'", "1",          "NULL",
                                             "NULL",        "10",            "0",          "4000000000",
                                             "'lua & mua'", "3000000000",    "500"};
    std::vector<std::string> statements;
    for (const auto* kind : {&st.ranked, &st.ranked_with_phrases, &st.newest, &st.suggestions})
      statements.insert(statements.end(), kind->begin(), kind->end());
    for (std::size_t i = 0; i < statements.size(); ++i) {
      const std::string plan = pg_plan(db_->url(), statements[i], values);
      const bool gin = plan.find("article_search_document") != std::string::npos ||
                       plan.find("article_search_headline") != std::string::npos;
      EXPECT_TRUE(gin) << plan;
      EXPECT_EQ(plan.find("Seq Scan on articles"), std::string::npos) << plan;
      EXPECT_EQ(plan.find("Seq Scan on article_search"), std::string::npos) << plan;
      // A window's matches are the GIN index's ANDed with a range of publication times, so the
      // older matches are never visited.
      if (i % postgres::kCuts != postgres::kAll) {
        EXPECT_NE(plan.find("BitmapAnd"), std::string::npos) << plan;
      }
    }
    // Suggestions among the newest titles: read newest first by their time, and the older
    // phrases through the headline's GIN index. A bitmap of every time and a sort are what a
    // table of a few rows is cheapest read by.
    const std::vector<std::string> typed = {"'''th'':*A'", "'''tin'' <-> ''moi'''", "NULL", "NULL",      "NULL",
                                            "8",           "0",                     "4000000000", "4000", "200"};
    const std::string newest = pg_plan(db_->url(), st.recent_suggestions[0], typed, "SET enable_bitmapscan = off; ");
    EXPECT_NE(newest.find("Index Scan Backward using article_search_published"), std::string::npos) << newest;
    EXPECT_EQ(newest.find("Seq Scan"), std::string::npos) << newest;
    const std::string older = pg_plan(db_->url(), st.recent_suggestions[1], typed);
    EXPECT_NE(older.find("article_search_headline"), std::string::npos) << older;
    EXPECT_EQ(older.find("Seq Scan"), std::string::npos) << older;
    return;
  }
  // A connection of the store's: it knows FTS5's auxiliary functions (word_pairs…).
  auto c = sqlite::Connection::open(db_->name());
  ASSERT_TRUE(c.ok()) << c.error().message;
  // The range of ids the phrases are counted in: both ends found by key, never a read of the
  // docsize table's every row.
  for (auto searched : {sqlite::Searched::articles, sqlite::Searched::headlines}) {
    const std::string& range = sqlite::search_statements(searched).id_range;
    std::string plan;
    for (const auto& r : rows("EXPLAIN QUERY PLAN " + range)) plan += r.back() + "\n";
    EXPECT_EQ(plan.find("SCAN article_"), std::string::npos) << range << "\n" << plan;
    EXPECT_NE(plan.find("SEARCH article_"), std::string::npos) << range << "\n" << plan;
  }
  std::vector<std::string> statements = sqlite::search_statements(sqlite::Searched::articles).all();
  for (auto& s : sqlite::search_statements(sqlite::Searched::headlines).all()) {
    EXPECT_EQ(s.find("article_search"), std::string::npos) << "suggestions read the headlines alone:\n" << s;
    statements.push_back(std::move(s));
  }
  for (const auto& statement : statements) {
    std::string plan;
    auto explained = (*c)->prepare("EXPLAIN QUERY PLAN " + statement);
    ASSERT_TRUE(explained.ok()) << explained.error().message;
    while (sqlite3_step(*explained) == SQLITE_ROW)
      plan += reinterpret_cast<const char*>(sqlite3_column_text(*explained, 3)) + std::string("\n");
    sqlite3_reset(*explained);
    EXPECT_NE(plan.find("VIRTUAL TABLE INDEX"), std::string::npos) << statement << "\n" << plan;
    // The older headline phrases (?11) are looked up in the whole index by id (FTS5's "=" plan),
    // not found by a pass over every match; everything else reads a range.
    if (statement.find("?11") != std::string::npos) {
      EXPECT_NE(plan.find(":="), std::string::npos) << "the phrases by id:\n" << statement << "\n" << plan;
    } else {
      EXPECT_EQ(plan.find(":="), std::string::npos) << "a match run once an id:\n" << statement << "\n" << plan;
    }
    // Articles (a) and categories (c) by key, never "SCAN a" or "SCAN articles".
    for (const char* scan : {"SCAN a\n", "SCAN a ", "SCAN articles", "SCAN c\n"})
      EXPECT_EQ(plan.find(scan), std::string::npos) << statement << "\n" << plan;
    const auto match = plan.find("VIRTUAL TABLE INDEX"), article = plan.find(" a USING");
    if (article != std::string::npos) {
      EXPECT_LT(match, article) << "the match first:\n" << plan;
    }
  }
}

// --- Statement caches ---------------------------------------------------------------------

TEST_P(StoreTest, AStatementIsPreparedOncePerTextWhicheverStringHoldsIt) {
  std::string first = "SELECT count(*) FROM articles";
  std::string second(first.begin(), first.end());  // the same text, elsewhere in memory
  ASSERT_NE(first.data(), second.data());
  if (postgres()) {
    auto target = postgres::Target::parse(db_->url());
    ASSERT_TRUE(target.ok());
    auto c = postgres::Connection::connect(*target);
    ASSERT_TRUE(c.ok()) << c.error().message;
    ASSERT_TRUE((*c)->query(first).ok());
    ASSERT_TRUE((*c)->query(second).ok());
    EXPECT_EQ((*c)->prepared_statements(), 1u);
    return;
  }
  auto c = sqlite::Connection::open(db_->name());
  ASSERT_TRUE(c.ok()) << c.error().message;
  auto a = (*c)->prepare(first);
  auto b = (*c)->prepare(second);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ((*c)->cached_statements(), 1u);
}

TEST_P(StoreTest, ABindingThatFailsIsReportedNotRunWithNull) {
  if (postgres()) GTEST_SKIP() << "SQLite's bindings";
  auto c = sqlite::Connection::open(db_->name());
  ASSERT_TRUE(c.ok()) << c.error().message;
  auto prepared = (*c)->prepare("SELECT ?1");
  ASSERT_TRUE(prepared.ok());
  sqlite::Statement s(*prepared);
  s.bind_at(2, std::int64_t{7});  // no parameter 2
  EXPECT_EQ(s.step(), SQLITE_RANGE);
}

TEST_P(StoreTest, RefusesAFileThatIsNotADatabase) {
  if (postgres()) GTEST_SKIP() << "a SQLite file check";
  auto path = db_->dir() / "junk.db";
  {
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("this is not a database, just text padding to 100 bytes ....................................", f);
    std::fclose(f);
  }
  auto s = open("sqlite:" + path.string());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("junk.db"), std::string::npos);
}

// --- The two schemas ---------------------------------------------------------------------

// A schema as text, the same for both engines when they hold the same tables: each table's
// columns in order (type, NOT NULL, primary key, default), its unique column sets, foreign
// keys and named indexes with their key columns.
std::string normalised_type(std::string t) {
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  if (t == "integer" || t == "bigint") return "integer";  // SQLite's INTEGER is 64-bit
  if (t == "bytea") return "blob";  // PostgreSQL's bytes that are not text
  return t;
}

std::string normalised_default(std::string d) {
  for (const char* cast : {"::text", "::bigint", "::integer"})
    if (auto at = d.find(cast); at != std::string::npos) d.erase(at);
  return d;
}

std::string sqlite_schema(const std::string& path) {
  std::ostringstream out;
  // The full-text index is each engine's own (two FTS5 virtual tables; a tsvector under a GIN
  // index): the search tests prove the two answer alike, so the schemas compare without it.
  for (const auto& t : sqlite_rows(path, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                                         "'sqlite_%' AND name NOT LIKE 'article_search%' AND name NOT LIKE "
                                         "'article_headline%' ORDER BY name")) {
    const std::string& table = t[0];
    out << "table " << table << "\n";
    for (const auto& c : sqlite_rows(path, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('" +
                                               table + "') ORDER BY cid")) {
      bool pk = c[4] != "0";
      out << "  column " << c[0] << " " << normalised_type(c[1]) << (c[2] == "1" || pk ? " not-null" : "")
          << (pk ? " primary-key" : "") << " default=" << (c[3] == "<null>" ? "-" : normalised_default(c[3]))
          << "\n";
    }
    std::set<std::string> lines;
    for (const auto& i : sqlite_rows(path, "SELECT name, origin FROM pragma_index_list('" + table + "')")) {
      std::string cols;
      for (const auto& k : sqlite_rows(path, "SELECT name, \"desc\" FROM pragma_index_xinfo('" + i[0] +
                                                 "') WHERE key = 1 ORDER BY seqno"))
        cols += (cols.empty() ? "" : ", ") + k[0] + (k[1] == "1" ? " DESC" : "");
      if (i[1] == "u") lines.insert("  unique (" + cols + ")");
      else if (i[1] == "c") lines.insert("  index " + i[0] + " (" + cols + ")");
    }
    for (const auto& f : sqlite_rows(path, "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('" +
                                               table + "')"))
      lines.insert("  foreign-key " + f[0] + " -> " + f[1] + "(" + f[2] + ")");
    for (const auto& l : lines) out << l << "\n";
  }
  return out.str();
}

std::string postgres_schema(const std::string& url) {
  std::ostringstream out;
  for (const auto& t : pg_rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                    "AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'article_search%' ORDER BY table_name")) {
    const std::string& table = t[0];
    out << "table " << table << "\n";
    auto pk = pg_rows(url,
                      "SELECT k.column_name FROM information_schema.table_constraints c JOIN "
                      "information_schema.key_column_usage k USING (constraint_schema, constraint_name) "
                      "WHERE c.table_schema = 'public' AND c.table_name = '" + table +
                          "' AND c.constraint_type = 'PRIMARY KEY'");
    for (const auto& c : pg_rows(url, "SELECT column_name, data_type, is_nullable, column_default FROM "
                                      "information_schema.columns WHERE table_schema = 'public' AND table_name = '" +
                                          table + "' ORDER BY ordinal_position")) {
      bool is_pk = std::any_of(pk.begin(), pk.end(), [&](const auto& r) { return r[0] == c[0]; });
      std::string dflt = c[3] == "<null>" ? "-" : normalised_default(c[3]);
      // BIGSERIAL's nextval() is what SQLite's INTEGER PRIMARY KEY does unasked.
      if (is_pk && dflt.starts_with("nextval(")) dflt = "-";
      out << "  column " << c[0] << " " << normalised_type(c[1]) << (c[2] == "NO" ? " not-null" : "")
          << (is_pk ? " primary-key" : "") << " default=" << dflt << "\n";
    }
    std::set<std::string> lines;
    for (const auto& u : pg_rows(url, "SELECT string_agg(k.column_name, ', ' ORDER BY k.ordinal_position) FROM "
                                      "information_schema.table_constraints c JOIN information_schema.key_column_usage k "
                                      "USING (constraint_schema, constraint_name) WHERE c.table_schema = 'public' AND "
                                      "c.table_name = '" + table +
                                          "' AND c.constraint_type = 'UNIQUE' GROUP BY c.constraint_name"))
      lines.insert("  unique (" + u[0] + ")");
    // Indexes of their own, not the ones behind PRIMARY KEY and UNIQUE constraints.
    for (const auto& i : pg_rows(url, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND "
                                      "tablename = '" + table +
                                          "' AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
      // "CREATE INDEX n ON public.t USING btree (a, b DESC)", then " INCLUDE (c, d)" and a
      // partial index's " WHERE (…)": the key columns compare, as on SQLite, and the included
      // ones as SQLite's last key columns (it has no INCLUDE); the predicate does not.
      const std::string def = i[1].substr(0, i[1].find(" WHERE "));
      const std::string include = " INCLUDE (";
      const auto keys_at = def.find('(', def.find(" USING ")) + 1;
      const auto included_at = def.find(include);
      std::string cols = def.substr(keys_at, def.find(')', keys_at) - keys_at);
      if (included_at != std::string::npos)
        cols += ", " + def.substr(included_at + include.size(), def.size() - included_at - include.size() - 1);
      lines.insert("  index " + i[0] + " (" + cols + ")");
    }
    for (const auto& f : pg_rows(url, "SELECT k.column_name, u.table_name, u.column_name FROM "
                                      "information_schema.table_constraints c JOIN information_schema.key_column_usage k "
                                      "USING (constraint_schema, constraint_name) JOIN "
                                      "information_schema.constraint_column_usage u USING (constraint_schema, "
                                      "constraint_name) WHERE c.table_schema = 'public' AND c.table_name = '" +
                                          table + "' AND c.constraint_type = 'FOREIGN KEY'"))
      lines.insert("  foreign-key " + f[0] + " -> " + f[1] + "(" + f[2] + ")");
    for (const auto& l : lines) out << l << "\n";
  }
  return out.str();
}

TEST(Schemas, SqliteAndPostgresHoldTheSameTables) {
  if (auto why = testing::skip_reason("postgres")) GTEST_SKIP() << *why;
  auto lite = testing::TestDatabase::create("sqlite");
  auto pg = testing::TestDatabase::create("postgres");
  ASSERT_TRUE(lite.ok() && pg.ok()) << (pg.ok() ? "" : pg.error().message);
  for (const auto* db : {lite->get(), pg->get()}) {
    auto s = open(db->url());
    ASSERT_TRUE(s.ok()) << s.error().message;
    auto m = (*s)->migrate();
    ASSERT_TRUE(m.ok()) << m.error().message;
  }
  std::string expected = sqlite_schema((*lite)->name());
  EXPECT_NE(expected.find("table articles"), std::string::npos) << expected;
  EXPECT_NE(expected.find("index articles_newest (status, published_at DESC, id DESC, category_id, slug, updated_at)"), std::string::npos)
      << expected;
  EXPECT_EQ(postgres_schema((*pg)->url()), expected);
}

// --- Opening --------------------------------------------------------------------------

TEST(OpenStore, RejectsUrlsItCannotServe) {
  EXPECT_FALSE(open("").ok());
  EXPECT_FALSE(open("sqlite:").ok());
  auto mysql = open("mysql://root:s3cret@localhost/x");
  ASSERT_FALSE(mysql.ok());
  EXPECT_EQ(mysql.error().message.find("s3cret"), std::string::npos) << mysql.error().message;
  // A PostgreSQL URL without its "//" is refused, not made a SQLite file of that name.
  auto typo = open("postgresql:toasoan:s3cret@db/x");
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.error().kind, ErrorKind::invalid);
  EXPECT_EQ(typo.error().message.find("s3cret"), std::string::npos) << typo.error().message;
  EXPECT_FALSE(std::filesystem::exists("postgresql:toasoan:s3cret@db"));
}

// One line, without the password: what `toasoan serve` prints before it exits with status 2.
void expect_one_clean_line(const Error& e, std::string_view secret) {
  EXPECT_EQ(e.message.find('\n'), std::string::npos) << e.message;
  EXPECT_EQ(e.message.find(secret), std::string::npos) << e.message;
  EXPECT_FALSE(e.message.empty());
}

TEST(OpenStore, AMalformedPostgresUrlIsInvalidAndNeverShowsThePassword) {
  for (const char* url : {"postgresql://u:s3cret@[::1/db", "postgresql://u:s3cret@host/db?nonsense=1",
                          "postgres://u:s3cret@host/db?sslmode=%zz", "postgresql://u@h/db?password=s3cret&x=%",
                          "postgresql://u:%73%33cret@[/db"}) {
    SCOPED_TRACE(url);
    auto s = open(url);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, ErrorKind::invalid);
    expect_one_clean_line(s.error(), "s3cret");
  }
}

TEST(OpenStore, AnUnreachablePostgresServerIsUnavailableInOneLine) {
  auto by_socket = open("postgresql://u:s3cret@/toasoan_nowhere?host=/nonexistent-toasoan-folder");
  ASSERT_FALSE(by_socket.ok());
  EXPECT_EQ(by_socket.error().kind, ErrorKind::unavailable);
  expect_one_clean_line(by_socket.error(), "s3cret");
  EXPECT_NE(by_socket.error().message.find("toasoan_nowhere"), std::string::npos) << by_socket.error().message;
  // Port 1 on loopback: nothing listens, the connect is refused at once.
  auto by_tcp = open("postgresql://u:s3cret@127.0.0.1:1/toasoan_nowhere?connect_timeout=2");
  ASSERT_FALSE(by_tcp.ok());
  EXPECT_EQ(by_tcp.error().kind, ErrorKind::unavailable);
  expect_one_clean_line(by_tcp.error(), "s3cret");
  EXPECT_NE(by_tcp.error().message.find("127.0.0.1"), std::string::npos) << by_tcp.error().message;
}

TEST(OpenStore, RefusesAnEmptyPool) {
  auto s = open("postgresql://u@/db?host=/nonexistent-toasoan-folder", {.pool_size = 0});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::invalid);
}

TEST(OpenStore, AWrongPostgresPasswordIsOneLineWithoutIt) {
  auto server = testing::postgres_server_url();
  if (!server) GTEST_SKIP() << *testing::skip_reason("postgres");
  // scripts/pg makes members of password_login give a password even on its socket.
  std::string role = "toasoan_pw_" + std::to_string(::getpid());
  auto created = pg_rows(*server, "SELECT count(*) FROM pg_roles WHERE rolname = 'password_login'");
  if (created.empty() || created[0][0] != "1")
    GTEST_SKIP() << "the server has no password_login role (scripts/pg makes one): wrong passwords not tested";
  pg_rows(*server, "DROP ROLE IF EXISTS " + role);
  pg_rows(*server, "CREATE ROLE " + role + " LOGIN PASSWORD 'right-one' IN ROLE password_login");
  auto server_with = [&](const std::string& password) {
    // postgresql://postgres@/db?host=… → postgresql://ROLE:PASSWORD@/db?host=…
    std::string url = *server;
    auto start = url.find("://") + 3;
    auto at = url.find('@', start);
    auto end = url.find_first_of("/?", start);
    std::size_t cut = at != std::string::npos && at < end ? at + 1 : start;
    return url.substr(0, start) + role + ":" + password + "@" + url.substr(cut);
  };
  auto wrong = open(server_with("wrong-s3cret"));
  auto right = open(server_with("right-one"));
  pg_rows(*server, "DROP ROLE IF EXISTS " + role);
  if (wrong.ok()) GTEST_SKIP() << "the server trusts this connection: wrong passwords not tested";
  EXPECT_EQ(wrong.error().kind, ErrorKind::unavailable);
  expect_one_clean_line(wrong.error(), "wrong-s3cret");
  EXPECT_NE(wrong.error().message.find("password"), std::string::npos) << wrong.error().message;
  EXPECT_NE(wrong.error().message.find(role), std::string::npos) << wrong.error().message;
  EXPECT_TRUE(right.ok()) << right.error().message;
}

TEST(TestDatabase, ReplacesTheDatabaseInAUrl) {
  EXPECT_EQ(testing::with_database("postgresql://u@/a?host=/x", "b"), "postgresql://u@/b?host=/x");
  EXPECT_EQ(testing::with_database("postgresql://u@h:5/a", "b"), "postgresql://u@h:5/b");
  EXPECT_EQ(testing::with_database("postgresql://u@h", "b"), "postgresql://u@h/b");
  EXPECT_EQ(testing::with_database("postgres://h?host=/x", "b"), "postgres://h/b?host=/x");
}

// A line that corrects a title erased the lead, body, authors
// and category of a retracted article and published it again.
TEST_P(StoreTest, AnUpdateKeepsEveryFieldTheLineDoesNotGiveAndAnOmittedStatusNeverRepublishes) {
  auto a = incoming("ok1", "A", "Xã hội", 100);
  a.authors = std::vector<std::string>{"Huy Thành"};
  a.status = articles::Status::unpublished;
  ASSERT_TRUE(writer().upsert(std::vector{a}, 1000).ok());
  const std::int64_t id = std::stoll(rows("SELECT id FROM articles")[0][0]);
  const auto mark = *changes().last_seq();

  articles::Incoming fix;
  fix.external_id = "ok1";
  fix.title = "fix typo";
  auto r = writer().upsert(std::vector{fix}, 2000);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0], Upserted::updated);
  auto got = reading().article(id);
  ASSERT_TRUE(got.ok() && got->has_value());
  const auto& art = **got;
  EXPECT_EQ(art.title, "fix typo");
  EXPECT_EQ(art.status, articles::Status::unpublished);
  EXPECT_EQ(art.lead, "Sapo.");
  ASSERT_EQ(art.blocks.size(), 1u);
  EXPECT_EQ(art.blocks[0].text, "Đoạn.");
  EXPECT_EQ(art.authors, std::vector<std::string>{"Huy Thành"});
  EXPECT_EQ(art.category_name, "Xã hội");
  EXPECT_EQ(art.published_at, 100);
  EXPECT_EQ(art.updated_at, 2000);
  EXPECT_EQ(*reading().count_published(std::nullopt, kNow), 0);
  auto found = full_text(words({"fix", "typo"}));
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->total, 0);  // still out of the index
  // Nothing a list shows changed but the article itself.
  EXPECT_EQ(entries(changes(), mark), (std::vector<Entry>{{"article", std::to_string(id)}}));
  auto cats = reading().categories();
  ASSERT_EQ(cats->size(), 1u);  // no default category made for an update

  // An explicit status still publishes, and its category's lists change.
  fix.status = articles::Status::published;
  ASSERT_TRUE(writer().upsert(std::vector{fix}, 3000).ok());
  EXPECT_EQ(*reading().count_published(std::nullopt, kNow), 1);
  EXPECT_EQ((*reading().article(id))->lead, "Sapo.");
  found = full_text(words({"sapo"}));
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->total, 1);  // indexed with the lead it kept
}

TEST_P(StoreTest, AnUpdateClearsWhatTheLineGivesEmpty) {
  auto a = incoming("ok1", "A", "Xã hội", 100);
  a.authors = std::vector<std::string>{"Huy Thành"};
  ASSERT_TRUE(writer().upsert(std::vector{a}, 1000).ok());
  articles::Incoming clear;
  clear.external_id = "ok1";
  clear.title = "A";
  clear.lead = "";
  clear.blocks = std::vector<articles::Block>{};
  clear.authors = std::vector<std::string>{};
  ASSERT_TRUE(writer().upsert(std::vector{clear}, 2000).ok());
  auto list = reading().latest({std::nullopt, 20, 0, kNow});
  ASSERT_EQ(list->size(), 1u);
  const auto art = **reading().article((*list)[0].id);
  EXPECT_EQ(art.lead, "");
  EXPECT_TRUE(art.blocks.empty());
  EXPECT_TRUE(art.authors.empty());
  EXPECT_EQ(art.category_name, "Xã hội");
}

TEST_P(StoreTest, ANewArticleWithoutCategoryOrStatusTakesTheDefaults) {
  articles::Incoming a;
  a.external_id = "n1";
  a.title = "Tin";
  ASSERT_TRUE(writer().upsert(std::vector{a}, 1000).ok());
  auto list = reading().latest({std::nullopt, 20, 0, kNow});
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].category_name, articles::kDefaultCategory);
  EXPECT_EQ((*list)[0].published_at, 1000);
}

TEST_P(StoreTest, ACategoryWhoseSlugTheSiteKeepsTakesTheNextSuffix) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "Media", 1), incoming("b", "B", "RSS", 2),
                                        incoming("c", "C", "Tìm kiếm", 3), incoming("d", "D", "Sitemap", 4),
                                        incoming("e", "E", "Tin mới nhất", 5), incoming("f", "F", "MEDIA!", 6)};
  auto r = writer().upsert(batch, 10);
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto cats = reading().categories();
  ASSERT_EQ(cats->size(), 6u);
  EXPECT_EQ((*cats)[0].slug, "media-2");
  EXPECT_EQ((*cats)[1].slug, "rss-2");
  EXPECT_EQ((*cats)[2].slug, "tim-kiem-2");
  EXPECT_EQ((*cats)[3].slug, "sitemap-2");
  EXPECT_EQ((*cats)[4].slug, "tin-moi-nhat-2");
  EXPECT_EQ((*cats)[5].slug, "media-3");
}

TEST_P(StoreTest, MigrationFiveMovesACategoryOffASlugTheSiteKeeps) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "Media 2", 1)};  // holds "media-2"
  ASSERT_TRUE(writer().upsert(batch, 10).ok());
  // The database as a release before migration 5 could leave it.
  rows("DELETE FROM schema_migrations WHERE version = 5");
  rows("INSERT INTO categories (name, slug, position) VALUES ('Media', 'media', 2), ('RSS', 'rss', 3)");
  ASSERT_TRUE(store_->migrate().ok());
  auto cats = reading().categories();
  ASSERT_EQ(cats->size(), 3u);
  EXPECT_EQ((*cats)[0].slug, "media-2");
  EXPECT_EQ((*cats)[1].slug, "media-3");
  EXPECT_EQ((*cats)[2].slug, "rss-2");
}

}  // namespace
}  // namespace toasoan::store
