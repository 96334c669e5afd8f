#include "site/media_path.hpp"

#include <gtest/gtest.h>

#include <string>

namespace toasoan::site {
namespace {

TEST(MediaPath, AcceptsPathsUnderTheMediaFolder) {
  for (const char* ok : {"anh.jpg", "2022/12/hoi-nghi_1200.jpg", "a/b/c/d.v2.webp", "A-Z_0-9.png", "a b.jpg",
                         "2022/12/ảnh đẹp.jpg", "Đà Lạt/hoa.webp"})
    EXPECT_TRUE(is_safe_media_path(ok)) << ok;
}

TEST(MediaPath, RefusesWhatCouldLeaveTheFolderOrReachAHiddenFile) {
  for (const char* bad : {"..", "../etc/passwd", "a/../../b.jpg", "a/..", ".htaccess", "a/.git/config", "./a.jpg",
                          "/etc/passwd", "a//b.jpg", "a/", "", "a\\..\\b.jpg", "..\\b.jpg", "%2e%2e/b.jpg",
                          "a/%2e%2e/b.jpg", "a%2Fb.jpg", "C:/x.jpg", "a?.jpg", "a\tb.jpg", "a\x7f.jpg",
                          "a\xc2\x85.jpg", "\xff.jpg", "a\xc3.jpg", ". /x.jpg", "2022/.ảnh.jpg"})
    EXPECT_FALSE(is_safe_media_path(bad)) << bad;
  EXPECT_FALSE(is_safe_media_path(std::string("a\0.jpg", 6)));
}

TEST(MediaPath, RefusesANameNotInNfc) {
  EXPECT_FALSE(is_safe_media_path("a\xcc\x89nh.jpg"));  // "ảnh" as a + combining hook
}

TEST(MediaRequestPath, DecodesWhatABrowserSendsForAStoredName) {
  EXPECT_EQ(media_request_path("2022/12/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg"), "2022/12/ảnh đẹp.jpg");
  EXPECT_EQ(media_request_path("2022/12/hoi-nghi.jpg"), "2022/12/hoi-nghi.jpg");
  // Decomposed ("a" + U+0309) names the same file as the stored NFC name.
  EXPECT_EQ(media_request_path("a%CC%89nh.jpg"), "ảnh.jpg");
  // '+' is a plus in a path, not a space; and a plus is no character of a stored name.
  EXPECT_EQ(media_request_path("a+b.jpg"), std::nullopt);
}

TEST(MediaRequestPath, RefusesEncodedTricks) {
  for (const char* bad : {"%2e%2e/etc/passwd", "a/%2E%2E/b.jpg", "a%2Fb.jpg", "a%2fb.jpg", "%2Fetc/passwd",
                          "a%5Cb.jpg", "a%00.jpg", "a%FF.jpg", "a%C3.jpg", "a%zz.jpg", "a%2", "%2e.jpg", "a%0A.jpg",
                          "a//b.jpg", "a/b.jpg/", "%C2%85.jpg"})
    EXPECT_EQ(media_request_path(bad), std::nullopt) << bad;
}

TEST(EncodeMediaPath, EncodesEverythingButUnreservedBytesAndSlashes) {
  EXPECT_EQ(encode_media_path("2022/12/ảnh đẹp.jpg"), "2022/12/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg");
  EXPECT_EQ(encode_media_path("a-b_c.d~e.jpg"), "a-b_c.d~e.jpg");
  for (const char* p : {"2022/12/ảnh đẹp.jpg", "Đà Lạt/hoa 1.webp"})
    EXPECT_EQ(media_request_path(encode_media_path(p)), p) << p;
}

TEST(MediaPath, RefusesAPathOverTheLengthLimit) {
  std::string longest(kMaxMediaPathBytes - 4, 'a');
  EXPECT_TRUE(is_safe_media_path(longest + ".jpg"));
  EXPECT_FALSE(is_safe_media_path(longest + "a.jpg"));
}

TEST(MediaPath, JoinsASafePathToTheMediaFolderOnly) {
  auto p = media_file_path("data/media", "2022/12/a.jpg");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(*p, std::filesystem::path("data/media/2022/12/a.jpg"));
  EXPECT_FALSE(media_file_path("data/media", "../secret.db").has_value());
  EXPECT_FALSE(media_file_path("data/media", "/etc/passwd").has_value());
}

}  // namespace
}  // namespace toasoan::site
