#include "importer/importer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "store/database.hpp"
#include "store/desk.hpp"
#include "store/reading.hpp"

namespace toasoan::importer {
namespace {

// A clock past every article of the tests: all of them are listed.
constexpr std::int64_t kLater = 4'000'000'000;

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("toasoan-import-test-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    store_ = std::move(*store::open("sqlite:" + path_.string()));
    ASSERT_TRUE(store_->migrate().ok());
  }
  void TearDown() override {
    store_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  std::filesystem::path path_;
  std::unique_ptr<store::Database> store_;
};

TEST_F(ImporterTest, KeepsGoodLinesAndReportsBadOnesByNumber) {
  std::istringstream in(
      "{\"id\":\"a\",\"title\":\"Một\",\"body\":\"x\"}\n"
      "{broken\n"
      "\n"
      "{\"id\":\"b\",\"title\":\"Hai\",\"blocks\":[{\"type\":\"video\"}]}\n"
      "{\"id\":\"c\",\"title\":\"Ba\",\"category\":\"Kinh tế\"}\n");
  std::vector<std::int64_t> bad;
  Options o;
  o.on_reject = [&](std::int64_t n, const std::string& why) {
    bad.push_back(n);
    EXPECT_FALSE(why.empty());
  };
  o.batch_size = 1;
  auto r = import_lines(in, store_->article_writer(), o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->imported, 2);
  EXPECT_EQ(r->updated, 0);
  EXPECT_EQ(r->rejected, 2);
  EXPECT_EQ(bad, (std::vector<std::int64_t>{2, 4}));
  EXPECT_EQ(*store_->reading().count_published(std::nullopt, kLater), 2);
}

TEST_F(ImporterTest, IsIdempotentOnId) {
  std::string data = "{\"id\":\"a\",\"title\":\"Một\"}\n{\"id\":\"b\",\"title\":\"Hai\"}\n";
  std::istringstream first(data), second(data);
  ASSERT_EQ(import_lines(first, store_->article_writer(), {})->imported, 2);
  auto again = import_lines(second, store_->article_writer(), {});
  EXPECT_EQ(again->imported, 0);
  EXPECT_EQ(again->updated, 2);
  EXPECT_EQ(*store_->reading().count_published(std::nullopt, kLater), 2);
}

TEST_F(ImporterTest, SkipsArticlesEditedInTheNewsroomAndNamesThemUnlessToldToOverwrite) {
  std::string data = "{\"id\":\"a\",\"title\":\"Một\"}\n{\"id\":\"b\",\"title\":\"Hai\"}\n";
  std::istringstream first(data);
  ASSERT_EQ(import_lines(first, store_->article_writer(), {})->imported, 2);
  auto listed = store_->desk().list(store::DeskQuery{});
  ASSERT_TRUE(listed.ok());
  std::int64_t id = 0;
  for (const auto& p : listed->first)
    if (p.title == "Hai") id = p.id;
  auto piece = store_->desk().piece(id);
  ASSERT_TRUE(piece.ok() && *piece);
  store::NewRevision edit;
  edit.user_id = 1;
  edit.kind = "save";
  edit.content = (*piece)->content;
  edit.content.title = "Hai, tòa soạn sửa";
  edit.based_on = (*piece)->revision;
  {
    auto work = store_->begin();
    ASSERT_TRUE(work.ok());
    ASSERT_TRUE(store_->desk().save(**work, id, edit, kLater).ok());
    ASSERT_TRUE((*work)->commit().ok());
  }

  std::istringstream second(data);
  std::vector<std::pair<std::int64_t, std::string>> skipped;
  Options o;
  o.on_skip = [&](std::int64_t line, const std::string& external_id) { skipped.emplace_back(line, external_id); };
  auto again = import_lines(second, store_->article_writer(), o);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->updated, 1);
  EXPECT_EQ(again->skipped, 1);
  EXPECT_EQ(skipped, (std::vector<std::pair<std::int64_t, std::string>>{{2, "b"}}));
  EXPECT_EQ((*store_->desk().piece(id))->content.title, "Hai, tòa soạn sửa");

  std::istringstream third(data);
  o.overwrite = true;
  skipped.clear();
  auto overwritten = import_lines(third, store_->article_writer(), o);
  ASSERT_TRUE(overwritten.ok());
  EXPECT_EQ(overwritten->updated, 2);
  EXPECT_EQ(overwritten->skipped, 0);
  EXPECT_TRUE(skipped.empty());
  EXPECT_EQ((*store_->desk().piece(id))->content.title, "Hai");
}

}  // namespace
}  // namespace toasoan::importer
