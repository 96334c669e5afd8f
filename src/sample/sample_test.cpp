#include "sample/sample.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "base/clock.hpp"
#include "media/library.hpp"
#include "media/photo.hpp"
#include "media/variants.hpp"
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
  media::start_processing();
  media::Library library(*store, dir / "media", media::Limits{}, [] { return unix_now(); });
  auto r = load(store->article_writer(), library);
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
      // An uploaded photo's variant, at the photo's own size: the page shows it as <picture>.
      EXPECT_TRUE(media::parse_variant_path(b.image)) << b.image;
      EXPECT_TRUE(std::filesystem::exists(dir / "media" / b.image)) << b.image;
      EXPECT_EQ(b.width, 1600);
      EXPECT_EQ(b.height, 1000);
    }
  EXPECT_EQ(figures, 5);
  EXPECT_EQ(a.authors.size(), 2u);
  // The placeholders are in the library once each, with a figure's caption; the five of the
  // front-page story are five different photos.
  auto photos = store->photos().search({});
  EXPECT_GE(photos->total, 5);
  std::set<std::string> shown;
  for (const auto& b : a.blocks)
    if (b.type == articles::Block::Type::figure) shown.insert(b.image);
  EXPECT_EQ(shown.size(), 5u);
  for (const auto& p : photos->photos) EXPECT_FALSE(p.caption.empty()) << p.id;
  store.reset();
  std::filesystem::remove_all(dir);
}

TEST(PlaceholderPhoto, IsAJpegOfTheAskedSizeThatDiffersBySeed) {
  media::start_processing();
  auto a = placeholder_photo_jpeg(1, 1600, 1000);
  auto b = placeholder_photo_jpeg(2, 1600, 1000);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  auto seen = media::inspect(*a, media::PhotoType::jpeg, media::Limits{});
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  EXPECT_EQ(seen->width, 1600);
  EXPECT_EQ(seen->height, 1000);
}

}  // namespace
}  // namespace toasoan::sample
