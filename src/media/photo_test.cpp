#include "media/photo.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <chrono>
#include <future>

namespace toasoan::media {
namespace {

class PhotoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { start_processing(); }
};

// A photo made here: a gradient (so the encoders have work), `bands` 3 or 4 (alpha), saved as
// `format` ("jpeg", "png", "webp", "heif"), optionally with an EXIF orientation.
std::string made(int width, int height, const char* format, int bands = 3, int orientation = 0, bool plain = false) {
  VipsImage* xyz = nullptr;
  if (plain) EXPECT_EQ(vips_black(&xyz, width, height, nullptr), 0);  // one colour: compresses to nothing
  else EXPECT_EQ(vips_xyz(&xyz, width, height, nullptr), 0);
  VipsImage* cast = nullptr;
  EXPECT_EQ(vips_cast_uchar(xyz, &cast, nullptr), 0);
  g_object_unref(xyz);
  VipsImage* img = nullptr;
  double fill[] = {90, 200};
  if (bands == 4) EXPECT_EQ(vips_bandjoin_const(cast, &img, fill, 2, nullptr), 0);
  else EXPECT_EQ(vips_bandjoin_const(cast, &img, fill, 1, nullptr), 0);
  g_object_unref(cast);
  VipsImage* srgb = nullptr;
  EXPECT_EQ(vips_copy(img, &srgb, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), 0);
  g_object_unref(img);
  if (orientation) vips_image_set_int(srgb, VIPS_META_ORIENTATION, orientation);
  void* buf = nullptr;
  size_t len = 0;
  std::string fmt = format;
  int rc = fmt == "jpeg"   ? vips_jpegsave_buffer(srgb, &buf, &len, nullptr)
           : fmt == "png"  ? vips_pngsave_buffer(srgb, &buf, &len, nullptr)
           : fmt == "webp" ? vips_webpsave_buffer(srgb, &buf, &len, nullptr)
                           : vips_heifsave_buffer(srgb, &buf, &len, nullptr);
  g_object_unref(srgb);
  if (rc != 0) {
    vips_error_clear();
    return {};
  }
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  return out;
}

struct Size {
  Size(int w, int h) : width(w), height(h) {}  // a constructor: clang 14 has no Size(w, h) for aggregates
  int width, height;
  bool operator==(const Size&) const = default;
};
Size size_of(const std::string& bytes) {
  VipsImage* img = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  if (!img) return Size(0, 0);
  Size s{vips_image_get_width(img), vips_image_get_height(img)};
  g_object_unref(img);
  return s;
}

TEST_F(PhotoTest, EachTypeIsKnownByItsBytesAndItsNameOrMimeType) {
  EXPECT_EQ(sniff(made(20, 10, "jpeg")), PhotoType::jpeg);
  EXPECT_EQ(sniff(made(20, 10, "png")), PhotoType::png);
  EXPECT_EQ(sniff(made(20, 10, "webp")), PhotoType::webp);
  EXPECT_EQ(sniff(std::string("\0\0\0\x18" "ftypheic\0\0\0\0", 16)), PhotoType::heic);
  EXPECT_EQ(sniff("<!doctype html><p>xin chào"), std::nullopt);
  EXPECT_EQ(sniff(""), std::nullopt);
  EXPECT_EQ(claimed_type("IMG_2041.HEIC", ""), PhotoType::heic);
  EXPECT_EQ(claimed_type("ảnh.JPEG", "application/octet-stream"), PhotoType::jpeg);
  EXPECT_EQ(claimed_type("blob", "image/webp; q=1"), PhotoType::webp);
  EXPECT_EQ(claimed_type("notes.txt", "text/plain"), std::nullopt);
}

TEST_F(PhotoTest, AWideJpegGivesEverySlotInBothFormatsAtItsSize) {
  std::string jpeg = made(2000, 1500, "jpeg");
  auto seen = inspect(jpeg, PhotoType::jpeg, Limits{});
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  EXPECT_EQ(seen->type, PhotoType::jpeg);
  EXPECT_EQ(Size(seen->width, seen->height), Size(2000, 1500));
  auto variants = make_variants(jpeg, Limits{});
  ASSERT_TRUE(variants.ok()) << variants.error().message;
  std::vector<std::string> names;
  for (const auto& v : *variants) {
    names.push_back(v.name + "." + v.format);
    EXPECT_EQ(size_of(v.bytes), Size(v.width, v.height)) << v.name;
    EXPECT_EQ(sniff(v.bytes), v.format == "webp" ? PhotoType::webp : PhotoType::jpeg);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"480.webp", "480.jpeg", "960.webp", "960.jpeg", "1600.webp", "1600.jpeg",
                                             "social.jpeg"}));
  EXPECT_EQ(Size((*variants)[2].width, (*variants)[2].height), Size(960, 720));
  EXPECT_EQ(Size(variants->back().width, variants->back().height), Size(1200, 900));
}

TEST_F(PhotoTest, APngWithTransparencyBecomesAWebpWithItAndAJpegOnWhite) {
  auto variants = make_variants(made(300, 200, "png", 4), Limits{});
  ASSERT_TRUE(variants.ok()) << variants.error().message;
  ASSERT_EQ(variants->size(), 3u) << "one slot at its own width, and the preview";
  EXPECT_EQ(Size((*variants)[0].width, (*variants)[0].height), Size(300, 200));
  VipsImage* webp = vips_image_new_from_buffer((*variants)[0].bytes.data(), (*variants)[0].bytes.size(), "", nullptr);
  ASSERT_NE(webp, nullptr);
  EXPECT_TRUE(vips_image_hasalpha(webp));
  g_object_unref(webp);
  VipsImage* jpeg = vips_image_new_from_buffer((*variants)[1].bytes.data(), (*variants)[1].bytes.size(), "", nullptr);
  ASSERT_NE(jpeg, nullptr);
  EXPECT_EQ(vips_image_get_bands(jpeg), 3);
  g_object_unref(jpeg);
}

// A 640×480 photo of one colour (an orange red), converted to `space` (CMYK through libvips'
// own profile, which it embeds; 16-bit RGB) and saved as `format`.
std::string coloured(VipsInterpretation space, const char* format) {
  VipsImage* black = nullptr;
  EXPECT_EQ(vips_black(&black, 640, 480, "bands", 3, nullptr), 0);
  double colour[] = {220, 80, 40}, scale[] = {1, 1, 1};
  VipsImage* lit = nullptr;
  EXPECT_EQ(vips_linear(black, &lit, scale, colour, 3, "uchar", TRUE, nullptr), 0);
  g_object_unref(black);
  VipsImage* srgb = nullptr;
  EXPECT_EQ(vips_copy(lit, &srgb, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), 0);
  g_object_unref(lit);
  VipsImage* out = nullptr;
  EXPECT_EQ(vips_colourspace(srgb, &out, space, nullptr), 0) << vips_error_buffer();
  g_object_unref(srgb);
  void* buf = nullptr;
  size_t len = 0;
  int rc = std::string(format) == "jpeg" ? vips_jpegsave_buffer(out, &buf, &len, nullptr)
                                         : vips_pngsave_buffer(out, &buf, &len, nullptr);
  g_object_unref(out);
  EXPECT_EQ(rc, 0) << vips_error_buffer();
  std::string bytes(static_cast<const char*>(buf), len);
  g_free(buf);
  return bytes;
}

TEST_F(PhotoTest, ACmykJpegAndASixteenBitPngBecomeEightBitSrgbOfTheSameColour) {
  for (auto [space, format] : {std::pair{VIPS_INTERPRETATION_CMYK, "jpeg"}, {VIPS_INTERPRETATION_RGB16, "png"}}) {
    std::string original = coloured(space, format);
    ASSERT_FALSE(original.empty());
    VipsImage* in = vips_image_new_from_buffer(original.data(), original.size(), "", nullptr);
    ASSERT_NE(in, nullptr);
    EXPECT_EQ(vips_image_get_bands(in), space == VIPS_INTERPRETATION_CMYK ? 4 : 3) << "the test photo is what it says";
    EXPECT_EQ(vips_image_get_format(in), space == VIPS_INTERPRETATION_CMYK ? VIPS_FORMAT_UCHAR : VIPS_FORMAT_USHORT);
    g_object_unref(in);
    auto variants = make_variants(original, Limits{});
    ASSERT_TRUE(variants.ok()) << format << ": " << variants.error().message;
    for (const auto& v : *variants) {
      VipsImage* img = vips_image_new_from_buffer(v.bytes.data(), v.bytes.size(), "", nullptr);
      ASSERT_NE(img, nullptr);
      EXPECT_EQ(vips_image_get_bands(img), 3) << format << " → " << v.name << "." << v.format;
      EXPECT_EQ(vips_image_get_format(img), VIPS_FORMAT_UCHAR) << format << " → " << v.name;
      EXPECT_EQ(vips_image_get_typeof(img, VIPS_META_ICC_NAME), 0u) << "no profile: the pixels are sRGB";
      // The colour a reader sees is the colour of the photo, within what CMYK and JPEG lose.
      const double expected[] = {220, 80, 40};
      for (int band = 0; band < 3; ++band) {
        VipsImage* one = nullptr;
        ASSERT_EQ(vips_extract_band(img, &one, band, nullptr), 0);
        double mean = 0;
        ASSERT_EQ(vips_avg(one, &mean, nullptr), 0);
        g_object_unref(one);
        EXPECT_NEAR(mean, expected[band], 25) << format << " → " << v.name << "." << v.format << " band " << band;
      }
      g_object_unref(img);
    }
  }
}

TEST_F(PhotoTest, TheCamerasRotationIsAppliedAndNoMetadataIsKept) {
  // Stored 400×200 with "turn 90°": shown 200×400.
  std::string turned = made(400, 200, "jpeg", 3, 6);
  ASSERT_NE(turned.find("Exif"), std::string::npos) << "the test photo carries EXIF";
  auto seen = inspect(turned, std::nullopt, Limits{});
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  EXPECT_EQ(Size(seen->width, seen->height), Size(200, 400));
  auto variants = make_variants(turned, Limits{});
  ASSERT_TRUE(variants.ok()) << variants.error().message;
  for (const auto& v : *variants) {
    EXPECT_GT(v.height, v.width) << v.name;
    EXPECT_EQ(v.bytes.find("Exif"), std::string::npos) << v.name << "." << v.format;
    EXPECT_EQ(v.bytes.find("http://ns.adobe.com/xap"), std::string::npos) << v.name;
    VipsImage* img = vips_image_new_from_buffer(v.bytes.data(), v.bytes.size(), "", nullptr);
    ASSERT_NE(img, nullptr);
    EXPECT_EQ(vips_image_get_typeof(img, VIPS_META_EXIF_NAME), 0u) << v.name;
    EXPECT_EQ(vips_image_get_typeof(img, VIPS_META_ICC_NAME), 0u) << v.name;
    g_object_unref(img);
  }
}

TEST_F(PhotoTest, AFileCutShortIsRefusedNotHalfDecoded) {
  std::string jpeg = made(800, 600, "jpeg");
  auto half = inspect(std::string_view(jpeg).substr(0, jpeg.size() / 2), PhotoType::jpeg, Limits{});
  ASSERT_FALSE(half.ok());
  EXPECT_EQ(half.error().kind, ErrorKind::unprocessable);
  EXPECT_NE(half.error().message.find("không trọn vẹn"), std::string::npos);
  std::string png = made(800, 600, "png");
  EXPECT_FALSE(inspect(std::string_view(png).substr(0, png.size() - 100), std::nullopt, Limits{}).ok());
}

TEST_F(PhotoTest, EmptyOverTheLimitNotAPhotoAndAWrongNameAreEachRefusedWithTheReason) {
  auto empty = inspect("", std::nullopt, Limits{});
  EXPECT_EQ(empty.error().kind, ErrorKind::unprocessable);
  EXPECT_NE(empty.error().message.find("rỗng"), std::string::npos);
  Limits small;
  small.max_bytes = 1 << 20;
  auto big = inspect(std::string((1 << 20) + 1, '\xFF'), std::nullopt, small);
  EXPECT_EQ(big.error().kind, ErrorKind::too_large);
  EXPECT_NE(big.error().message.find("1 MB"), std::string::npos);
  auto html = inspect("<!doctype html><script>alert(1)</script>", PhotoType::jpeg, Limits{});
  EXPECT_EQ(html.error().kind, ErrorKind::unprocessable);
  EXPECT_NE(html.error().message.find("không phải ảnh"), std::string::npos);
  auto renamed = inspect(made(40, 40, "png"), PhotoType::jpeg, Limits{});
  EXPECT_EQ(renamed.error().kind, ErrorKind::unprocessable);
  EXPECT_NE(renamed.error().message.find("JPEG nhưng nội dung là PNG"), std::string::npos) << renamed.error().message;
}

TEST_F(PhotoTest, ADecompressionBombIsRefusedFromItsHeaderAtOnce) {
  std::string bomb = made(20000, 20000, "png", 3, 0, true);
  ASSERT_FALSE(bomb.empty());
  ASSERT_LT(bomb.size(), std::size_t{4} << 20) << "small on disk";
  auto t0 = std::chrono::steady_clock::now();
  auto r = inspect(bomb, std::nullopt, Limits{});
  auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::unprocessable);
  EXPECT_NE(r.error().message.find("20000×20000"), std::string::npos) << r.error().message;
  EXPECT_LT(took, std::chrono::milliseconds(500)) << "nothing decoded";
  Limits tight;
  tight.max_pixels = 1'000'000;
  EXPECT_FALSE(inspect(made(1001, 1000, "jpeg"), std::nullopt, tight).ok());
  EXPECT_TRUE(inspect(made(1000, 1000, "jpeg"), std::nullopt, tight).ok());
}

TEST_F(PhotoTest, AHeicFromAPhoneIsReadWhenThisLibvipsCanAndRefusedClearlyWhenNot) {
  std::string heic = made(640, 480, "heif");
  if (heic.empty()) GTEST_SKIP() << "this libvips cannot write HEIF to test with";
  EXPECT_EQ(sniff(heic), PhotoType::heic);
  auto seen = inspect(heic, PhotoType::heic, Limits{});
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  EXPECT_EQ(Size(seen->width, seen->height), Size(640, 480));
  EXPECT_TRUE(make_variants(heic, Limits{}).ok());
}

TEST_F(PhotoTest, TwoThreadsAtOnceMakeTheSameBytesAsOne) {
  std::string jpeg = made(1000, 700, "jpeg");
  auto alone = make_variants(jpeg, Limits{});
  ASSERT_TRUE(alone.ok());
  auto a = std::async(std::launch::async, [&] { return make_variants(jpeg, Limits{}); });
  auto b = std::async(std::launch::async, [&] { return make_variants(jpeg, Limits{}); });
  for (auto* f : {&a, &b}) {
    auto r = f->get();
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), alone->size());
    for (std::size_t i = 0; i < r->size(); ++i) EXPECT_EQ((*r)[i].bytes, (*alone)[i].bytes) << (*r)[i].name;
  }
}

}  // namespace
}  // namespace toasoan::media

namespace toasoan::media {
namespace {

TEST_F(PhotoTest, CheckFileGivesTheTypeOrInspectsRefusalWithoutDecoding) {
  EXPECT_EQ(check_file(made(20, 10, "png"), std::nullopt, Limits{}).value(), PhotoType::png);
  // A header alone passes: only inspect() decodes.
  EXPECT_EQ(check_file("\xFF\xD8\xFF\xE0", PhotoType::jpeg, Limits{}).value(), PhotoType::jpeg);
  EXPECT_EQ(check_file("", std::nullopt, Limits{}).error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(check_file(made(20, 10, "png"), PhotoType::webp, Limits{}).error().message,
            "Tệp tên là ảnh WebP nhưng nội dung là PNG.");
}

}  // namespace
}  // namespace toasoan::media
