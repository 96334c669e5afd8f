// Fresh, empty databases for tests, on either engine, so that every test of the store and of
// what sits on it (the importer, the pages) can run on SQLite and on PostgreSQL alike:
//
//   class PagesTest : public ::testing::TestWithParam<std::string> {
//     void SetUp() override {
//       if (auto why = store::testing::skip_reason(GetParam())) GTEST_SKIP() << *why;
//       auto db = store::testing::TestDatabase::create(GetParam());
//       ASSERT_TRUE(db.ok()) << db.error().message;
//       db_ = std::move(*db);
//       database_ = std::move(*store::open(db_->url()));   // a store::Database
//     }
//   };
//   INSTANTIATE_TEST_SUITE_P(, PagesTest, ::testing::ValuesIn(store::testing::engines()),
//                            store::testing::engine_name);
//
// PostgreSQL databases are made on the server TOASOAN_TEST_POSTGRES_URL names (scripts/pg
// start prints one), one per test, and dropped afterwards, so tests may run in parallel:
// ctest runs each case as a process of its own. The URL's role needs CREATEDB.
//
// Thread-compatible: a TestDatabase belongs to the test that made it.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace toasoan::store::testing {

// "sqlite" and "postgres": every engine a store test runs on.
std::vector<std::string> engines();

// For INSTANTIATE_TEST_SUITE_P's name generator: the engine itself.
template <class ParamInfo>
std::string engine_name(const ParamInfo& info) {
  return info.param;
}

// Why a test on `engine` cannot run here (to pass to GTEST_SKIP), or nullopt when it can.
std::optional<std::string> skip_reason(std::string_view engine);

// The server's URL from TOASOAN_TEST_POSTGRES_URL, or nullopt when the variable is unset.
std::optional<std::string> postgres_server_url();

// `url` with its database name replaced: "postgresql://u@/a?host=/x" → "postgresql://u@/b?host=/x".
std::string with_database(std::string_view url, std::string_view dbname);

class TestDatabase {
 public:
  // A new, empty database (no tables: migrate() makes them).
  static Result<std::unique_ptr<TestDatabase>> create(std::string_view engine);
  ~TestDatabase();  // removes the file or drops the database
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& engine() const { return engine_; }
  // What store::open takes.
  const std::string& url() const { return url_; }
  // postgres: the database's name; sqlite: the file's path.
  const std::string& name() const { return name_; }
  // sqlite: the folder the file is in, for other files a test needs; postgres: a temporary
  // folder of its own too.
  const std::filesystem::path& dir() const { return dir_; }

 private:
  TestDatabase() = default;
  std::string engine_, url_, name_, server_url_;
  std::filesystem::path dir_;
};

}  // namespace toasoan::store::testing
