#include "site/media_path.hpp"

#include <gtest/gtest.h>

#include <string>

namespace toasoan::site {
namespace {

TEST(MediaPath, AcceptsPathsUnderTheMediaFolder) {
  for (const char* ok : {"anh.jpg", "2022/12/hoi-nghi_1200.jpg", "a/b/c/d.v2.webp", "A-Z_0-9.png"})
    EXPECT_TRUE(is_safe_media_path(ok)) << ok;
}

TEST(MediaPath, RefusesWhatCouldLeaveTheFolderOrReachAHiddenFile) {
  for (const char* bad : {"..", "../etc/passwd", "a/../../b.jpg", "a/..", ".htaccess", "a/.git/config", "./a.jpg",
                          "/etc/passwd", "a//b.jpg", "a/", "", "a\\..\\b.jpg", "..\\b.jpg", "%2e%2e/b.jpg",
                          "a/%2e%2e/b.jpg", "a%2Fb.jpg", "C:/x.jpg", "a b.jpg", "ảnh.jpg", "a?.jpg"})
    EXPECT_FALSE(is_safe_media_path(bad)) << bad;
  EXPECT_FALSE(is_safe_media_path(std::string("a\0.jpg", 6)));
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
