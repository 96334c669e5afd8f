#include "store/testing/area_test.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include "store/change_log.hpp"

namespace toasoan::store::testing {

void AreaTest::SetUp() {
  if (auto why = skip_reason(GetParam())) GTEST_SKIP() << *why;
  auto db = TestDatabase::create(GetParam());
  ASSERT_TRUE(db.ok()) << db.error().message;
  db_ = std::move(*db);
  auto s = open(db_->url());
  ASSERT_TRUE(s.ok()) << s.error().message;
  store_ = std::move(*s);
  auto m = store_->migrate();
  ASSERT_TRUE(m.ok()) << m.error().message;
}

std::unique_ptr<UnitOfWork> AreaTest::begin() {
  auto w = store_->begin();
  EXPECT_TRUE(w.ok()) << w.error().message;
  return w.ok() ? std::move(*w) : nullptr;
}

std::uint64_t AreaTest::last_seq() { return *store_->change_log().last_seq(); }

std::vector<std::string> AreaTest::changes_after(std::uint64_t seq) {
  auto b = store_->change_log().since(seq, 1000);
  EXPECT_TRUE(b.ok()) << b.error().message;
  std::vector<std::string> out;
  if (b.ok())
    for (const auto& c : b->changes) out.push_back(c.topic + " " + c.key);
  return out;
}

Rows AreaTest::rows(const std::string& sql) {
  Rows out;
  if (GetParam() == "sqlite") {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db_->name().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    while (s && sqlite3_step(s) == SQLITE_ROW) {
      auto& row = out.emplace_back();
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        auto t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
        row.push_back(t ? t : "<null>");
      }
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
  } else {
    PGconn* c = PQconnectdb(db_->url().c_str());
    PGresult* r = PQexec(c, sql.c_str());
    EXPECT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << PQerrorMessage(c);
    for (int i = 0; i < PQntuples(r); ++i) {
      auto& row = out.emplace_back();
      for (int j = 0; j < PQnfields(r); ++j) row.push_back(PQgetisnull(r, i, j) ? "<null>" : PQgetvalue(r, i, j));
    }
    PQclear(r);
    PQfinish(c);
  }
  return out;
}

}  // namespace toasoan::store::testing
