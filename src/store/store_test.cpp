#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.hpp"

namespace toasoan::store {
namespace {

// Each test gets a fresh database file in a temporary folder, removed afterwards.
class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("toasoan-store-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto s = open("sqlite:" + (dir_ / "t.db").string());
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(*s);
    ASSERT_TRUE(store_->migrate().ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  static articles::Incoming incoming(std::string id, std::string title, std::string category,
                                     std::int64_t published) {
    articles::Incoming a;
    a.external_id = std::move(id);
    a.title = std::move(title);
    a.lead = "Sapo.";
    a.category_name = std::move(category);
    a.published = published;
    articles::Block p;
    p.text = "Đoạn.";
    a.blocks.push_back(p);
    return a;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, StartsEmptyAndMigrationIsRepeatable) {
  EXPECT_TRUE(*store_->empty());
  EXPECT_TRUE(store_->migrate().ok());
  EXPECT_TRUE(*store_->empty());
}

TEST_F(SqliteStoreTest, UpsertIsIdempotentOnExternalId) {
  std::vector<articles::Incoming> batch{incoming("a", "Thời sự hôm nay", "Thời sự", 100)};
  auto first = store_->upsert(batch, 1000);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ((*first)[0], Upserted::inserted);
  batch[0].title = "Thời sự hôm nay (cập nhật)";
  auto second = store_->upsert(batch, 2000);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ((*second)[0], Upserted::updated);
  EXPECT_EQ(*store_->count_published(std::nullopt), 1);
  auto list = store_->latest({});
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].title, "Thời sự hôm nay (cập nhật)");
  EXPECT_EQ((*list)[0].slug, "thoi-su-hom-nay-cap-nhat");
}

TEST_F(SqliteStoreTest, CreatesCategoriesInOrderOfAppearanceWithFoldedSlugs) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "Thời sự", 1), incoming("b", "B", "Kinh tế", 2),
                                        incoming("c", "C", "Thoi su", 3)};
  ASSERT_TRUE(store_->upsert(batch, 10).ok());
  auto cats = store_->categories();
  ASSERT_EQ(cats->size(), 3u);
  EXPECT_EQ((*cats)[0].slug, "thoi-su");
  EXPECT_EQ((*cats)[1].slug, "kinh-te");
  EXPECT_EQ((*cats)[2].slug, "thoi-su-2");
}

TEST_F(SqliteStoreTest, ListsPublishedNewestFirstAndHidesUnpublished) {
  auto hidden = incoming("c", "C", "Xã hội", 300);
  hidden.status = articles::Status::unpublished;
  std::vector<articles::Incoming> batch{incoming("a", "A", "Xã hội", 100), incoming("b", "B", "Kinh tế", 200),
                                        hidden};
  ASSERT_TRUE(store_->upsert(batch, 10).ok());
  auto list = store_->latest({});
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].title, "B");
  EXPECT_EQ((*list)[1].title, "A");
  auto cats = store_->categories();
  auto xa_hoi = store_->latest({(*cats)[0].id, 10, 0});
  ASSERT_EQ(xa_hoi->size(), 1u);
  EXPECT_EQ((*xa_hoi)[0].category_slug, "xa-hoi");
  EXPECT_EQ(*store_->count_published((*cats)[0].id), 1);
}

TEST_F(SqliteStoreTest, ReadsBackTheWholeArticle) {
  auto a = incoming("seed-1", "Tiêu đề", "Thời sự", 1670459400);
  a.authors = {"Huy Thành", "Mạnh Hùng"};
  articles::Block fig;
  fig.type = articles::Block::Type::figure;
  fig.caption = "Chú thích";
  fig.image = "sample/photo-1.svg";
  fig.width = 1200;
  fig.height = 800;
  a.blocks.insert(a.blocks.begin(), fig);
  std::vector<articles::Incoming> batch{a};
  ASSERT_TRUE(store_->upsert(batch, 10).ok());
  auto list = store_->latest({});
  auto got = store_->article((*list)[0].id);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  const auto& art = **got;
  EXPECT_EQ(art.external_id, "seed-1");
  EXPECT_EQ(art.authors, a.authors);
  ASSERT_EQ(art.blocks.size(), 2u);
  EXPECT_EQ(art.blocks[0].caption, "Chú thích");
  EXPECT_EQ(art.published_at, 1670459400);
  EXPECT_EQ((*list)[0].image, "sample/photo-1.svg");
  EXPECT_FALSE(store_->article(999999)->has_value());
}

TEST_F(SqliteStoreTest, ReimportWithoutATimeKeepsThePublishedTime) {
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  ASSERT_TRUE(store_->upsert(batch, 10).ok());
  batch[0].published.reset();
  ASSERT_TRUE(store_->upsert(batch, 5000).ok());
  EXPECT_EQ((*store_->latest({}))[0].published_at, 100);
}

TEST_F(SqliteStoreTest, ChangeTokenMovesWhenAnotherConnectionWrites) {
  auto before = store_->change_token();
  ASSERT_TRUE(before.ok());
  auto other = open("sqlite:" + (dir_ / "t.db").string());
  std::vector<articles::Incoming> batch{incoming("a", "A", "X", 100)};
  ASSERT_TRUE((*other)->upsert(batch, 10).ok());
  EXPECT_NE(*store_->change_token(), *before);
}

TEST_F(SqliteStoreTest, RefusesAFileThatIsNotADatabase) {
  auto path = dir_ / "junk.db";
  { FILE* f = std::fopen(path.c_str(), "w"); std::fputs("this is not a database, just text padding to 100 bytes ....................................", f); std::fclose(f); }
  auto s = open("sqlite:" + path.string());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("junk.db"), std::string::npos);
}

TEST(OpenStore, RejectsUrlsItCannotServe) {
  EXPECT_FALSE(open("").ok());
  EXPECT_FALSE(open("sqlite:").ok());
  EXPECT_FALSE(open("mysql://localhost/x").ok());
}

}  // namespace
}  // namespace toasoan::store
