#include "sample/sample.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "base/clock.hpp"
#include "sample/placeholder_photo.hpp"
#include "store/database.hpp"
#include "store/reading.hpp"

namespace toasoan::sample {
namespace {

TEST(Sample, LoadsEveryArticleWithItsPhotosIntoAnEmptyStore) {
  auto dir = std::filesystem::temp_directory_path() / ("toasoan-sample-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store = std::move(*store::open("sqlite:" + (dir / "t.db").string()));
  ASSERT_TRUE(store->migrate().ok());
  auto r = load(store->article_writer(), dir / "media");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rejected, 0);
  EXPECT_GE(r->imported, 30);
  EXPECT_GE(store->reading().categories()->size(), 6u);
  // The front-page story is laid out like the model page: five figures, two authors.
  auto list = store->reading().latest({std::nullopt, 100, 0, unix_now()});
  const articles::Summary* top = nullptr;
  for (const auto& s : *list) {
    auto a = store->reading().article(s.id);
    if ((*a)->external_id == "sample-1") top = &s;
  }
  ASSERT_NE(top, nullptr);
  auto a = **store->reading().article(top->id);
  int figures = 0;
  for (const auto& b : a.blocks)
    if (b.type == articles::Block::Type::figure) {
      ++figures;
      EXPECT_TRUE(std::filesystem::exists(dir / "media" / b.image)) << b.image;
    }
  EXPECT_EQ(figures, 5);
  EXPECT_EQ(a.authors.size(), 2u);
  store.reset();
  std::filesystem::remove_all(dir);
}

TEST(PlaceholderPhoto, IsAnSvgOfTheAskedSizeThatDiffersBySeed) {
  auto a = placeholder_photo_svg(1, 1200, 800);
  auto b = placeholder_photo_svg(2, 1200, 800);
  EXPECT_TRUE(a.starts_with("<svg"));
  EXPECT_NE(a.find("viewBox=\"0 0 1200 800\""), std::string::npos);
  EXPECT_NE(a, b);
  EXPECT_NE(a.find("</svg>"), std::string::npos);
}

}  // namespace
}  // namespace toasoan::sample
