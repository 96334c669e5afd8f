// The fixture an area's tests share (comments_test.cpp, photos_test.cpp): each case on each
// engine (SQLite; PostgreSQL when TOASOAN_TEST_POSTGRES_URL names a server, else skipped
// saying why), each time on a fresh, migrated database, with what such tests keep asking: a
// unit of work, the change log's entries since a point, and the tables read behind the store's
// back on a connection of their own.
//
//   class PhotosTest : public testing::AreaTest {
//    protected:
//     void SetUp() override {
//       AreaTest::SetUp();
//       if (IsSkipped() || HasFatalFailure()) return;
//       … the area's own set-up …
//     }
//   };
//   INSTANTIATE_TEST_SUITE_P(, PhotosTest, ::testing::ValuesIn(testing::engines()),
//                            testing::engine_name<::testing::TestParamInfo<std::string>>);
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/testing/test_database.hpp"

namespace toasoan::store::testing {

using Rows = std::vector<std::vector<std::string>>;

class AreaTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;

  // A unit of work; nullptr (and the test failed) when none could begin.
  std::unique_ptr<UnitOfWork> begin();
  std::uint64_t last_seq();
  // The change log's entries after `seq`, each "topic key".
  std::vector<std::string> changes_after(std::uint64_t seq);
  // Reads `sql` on a connection of its own: each row's columns as text, "<null>" for NULL.
  Rows rows(const std::string& sql);

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<Database> store_;
};

}  // namespace toasoan::store::testing
