#include "text/slug.hpp"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace toasoan::text {
namespace {

struct SlugCase {
  std::string_view input;
  std::string_view expected;
};

bool only_slug_characters(const std::string& s) {
  return s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
}

TEST(Slugify, TurnsCategoryNamesAndTitlesIntoUrlWords) {
  const SlugCase cases[] = {
      {"Thời sự", "thoi-su"},
      {"Khoa học - Công nghệ", "khoa-hoc-cong-nghe"},
      {"Triển khai thực hiện Nghị quyết Hội nghị lần thứ sáu, BCH TW Đảng khóa XIII bảo đảm "
       "thực chất, hiệu quả",
       "trien-khai-thuc-hien-nghi-quyet-hoi-nghi-lan-thu-sau-bch-tw-dang-khoa-xiii-bao-dam-thuc-"
       "chat-hieu-qua"},
      {"Đời sống", "doi-song"},
      {"Xã hội", "xa-hoi"},
      {"Nhà đất", "nha-dat"},
      {"Hạn chót 15/12/2022", "han-chot-15-12-2022"},
      {"\u0110o\u0302\u0300ng chi\u0301", "dong-chi"},  // decomposed
      {"  --Tin mới!!  ", "tin-moi"},
      {"COVID-19: 5.000 ca", "covid-19-5-000-ca"},
      {"Tokyo 東京 Olympic", "tokyo-olympic"},
      {"C++ & Rust", "c-rust"},
  };
  for (const auto& c : cases) EXPECT_EQ(slugify(c.input), c.expected) << c.input;
}

TEST(Slugify, ReturnsEmptyWhenNothingFoldsToLettersOrDigits) {
  for (const std::string_view input : {"", "   ", "!!! ---", "東京", "\xFF\xFE"}) {
    EXPECT_EQ(slugify(input), "") << input;
  }
}

// Words of five letters and a '-' make slugs whose length we can place around the limit.
std::string words(int count) {
  std::string s;
  for (int i = 0; i < count; ++i) s += i == 0 ? "tỉnh" : " tỉnh";  // "tinh": 4 letters
  return s;
}

TEST(Slugify, KeepsSlugsUpToTheLimitWhole) {
  // 24 words: 24 * 4 + 23 = 119 characters.
  EXPECT_EQ(slugify(words(24)).size(), 119u);
  const std::string at_limit = std::string(116, 'a') + " bcd";  // 116 + 1 + 3 = 120
  EXPECT_EQ(slugify(at_limit), std::string(116, 'a') + "-bcd");
}

TEST(Slugify, CutsLongSlugsAtTheLastWordBoundaryBeforeTheLimit) {
  // 30 words would be 149 characters; words end at 4, 9, ..., 119, 124: the last '-' at or
  // before 120 is at index 119, so 24 words are kept.
  const std::string slug = slugify(words(30));
  EXPECT_EQ(slug.size(), 119u);
  EXPECT_EQ(slug, slugify(words(24)));
  // A '-' exactly at index 120 keeps exactly 120 characters.
  EXPECT_EQ(slugify(std::string(120, 'a') + " b"), std::string(120, 'a'));
  EXPECT_EQ(slugify(std::string(119, 'a') + " bc"), std::string(119, 'a'));
}

TEST(Slugify, CutsASingleOverlongWordAtTheLimit) {
  EXPECT_EQ(slugify(std::string(300, 'x')), std::string(kMaxSlugLength, 'x'));
  EXPECT_EQ(slugify("ab " + std::string(300, 'x')), "ab");
}

TEST(Slugify, NeverProducesEdgeDashesOrOtherCharacters) {
  const std::string_view inputs[] = {
      "— Thời sự —", "Ελλάδα-Việt Nam", "a\u0301\u0301\u0301-", "-x-", "\xF0\x9F\x98\x80 vui",
  };
  for (const auto input : inputs) {
    const std::string slug = slugify(input);
    EXPECT_TRUE(only_slug_characters(slug)) << input;
    ASSERT_FALSE(slug.empty()) << input;
    EXPECT_NE(slug.front(), '-') << input;
    EXPECT_NE(slug.back(), '-') << input;
    EXPECT_EQ(slug.find("--"), std::string::npos) << input;
  }
}

}  // namespace
}  // namespace toasoan::text
