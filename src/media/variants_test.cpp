#include "media/variants.hpp"

#include <gtest/gtest.h>

namespace toasoan::media {
namespace {

const std::string kHash = "3fa9" + std::string(58, '0') + "c2";

std::vector<std::string> names(const std::vector<Slot>& slots) {
  std::vector<std::string> out;
  for (const auto& s : slots) out.push_back(s.name + "." + s.format + "@" + std::to_string(s.width) + "x" + std::to_string(s.height));
  return out;
}

TEST(PhotoSlots, AWidePhotoHasEverySlotInBothFormatsAndASocialJpeg) {
  EXPECT_EQ(names(slots_for(4000, 3000)),
            (std::vector<std::string>{"480.webp@480x360", "480.jpeg@480x360", "960.webp@960x720", "960.jpeg@960x720",
                                      "1600.webp@1600x1200", "1600.jpeg@1600x1200", "social.jpeg@1200x900"}));
}

TEST(PhotoSlots, ArePhotosNeverUpscaled) {
  EXPECT_EQ(names(slots_for(1000, 500)), (std::vector<std::string>{"480.webp@480x240", "480.jpeg@480x240", "960.webp@960x480",
                                                                    "960.jpeg@960x480", "social.jpeg@1000x500"}));
  EXPECT_EQ(names(slots_for(300, 200)),
            (std::vector<std::string>{"480.webp@300x200", "480.jpeg@300x200", "social.jpeg@300x200"}))
      << "a small photo keeps its own width in the first slot";
  EXPECT_TRUE(slots_for(0, 10).empty());
}

TEST(PhotoSlots, ATallThinPhotoKeepsAtLeastOnePixelOfHeight) {
  EXPECT_EQ(slots_for(10000, 1)[0].height, 1);
}

TEST(VariantPath, IsFolderedByTheHashAndReadBack) {
  std::string p = variant_path(kHash, "960", "webp");
  EXPECT_EQ(p, "anh/3f/" + kHash + "-960.webp");
  auto v = parse_variant_path(p);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->hash, kHash);
  EXPECT_EQ(v->slot, "960");
  EXPECT_EQ(v->format, "webp");
  auto social = parse_variant_path(variant_path(kHash, "social", "jpeg"));
  ASSERT_TRUE(social);
  EXPECT_EQ(social->format, "jpeg");
}

TEST(VariantPath, OtherFilesNameNoVariant) {
  for (std::string p : {std::string("2022/12/hoi-nghi.jpg"), "anh/00/" + kHash + "-960.webp", "anh/3f/" + kHash + "-720.webp",
                        "anh/3f/" + kHash + "-social.webp", "anh/3f/" + kHash + "-960.png", "anh/3f/" + kHash + ".jpg",
                        "anh/3f/" + kHash.substr(0, 63) + "-960.webp", "anh/3f/" + kHash + "-960.webp.tmp",
                        "anh/3F/3FA9" + kHash.substr(4) + "-960.webp", std::string("anh/3f/")})
    EXPECT_FALSE(parse_variant_path(p)) << p;
}

TEST(FigureImage, NamesTheWidestJpegAPhotoHas) {
  const std::string h(64, 'c');
  EXPECT_EQ(figure_image(h, 2000, 1500), "anh/cc/" + h + "-1600.jpg");
  EXPECT_EQ(figure_image(h, 1000, 800), "anh/cc/" + h + "-960.jpg");
  EXPECT_EQ(figure_image(h, 300, 200), "anh/cc/" + h + "-480.jpg") << "never the social preview";
}

TEST(PhotoVariantOr, NamesAnotherVariantOfAnUploadedPhotoAndLeavesOtherImages) {
  EXPECT_EQ(photo_variant_or(variant_path(kHash, "960", "webp"), "social", "jpeg"), variant_path(kHash, "social", "jpeg"));
  EXPECT_EQ(photo_variant_or("2022/12/hoi-nghi.jpg", "social", "jpeg"), "2022/12/hoi-nghi.jpg");
  EXPECT_EQ(photo_variant_or("https://example.vn/a.jpg", "480", "jpeg"), "https://example.vn/a.jpg");
}

}  // namespace
}  // namespace toasoan::media
