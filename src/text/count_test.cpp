#include "text/count.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "text/utf8.hpp"

namespace toasoan::text {
namespace {

std::string repeat(std::string_view s, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += s;
  return out;
}

std::size_t code_points_without_normalising(std::string_view s) {
  std::size_t count = 0;
  for (const unsigned char b : s) count += (b & 0xC0) != 0x80;
  return count;
}

// "ệ" as e + dot below + circumflex: three code points that a reader sees as one letter.
constexpr std::string_view kDecomposedE = "e\u0323\u0302";
constexpr std::string_view kPrecomposedE = "\u1EC7";

struct CountCase {
  std::string_view name;
  std::string input;
  std::size_t expected;  // what [...s.normalize('NFC')].length gives in a browser
};

TEST(CountChars, CountsLettersAsReadersSeeThem) {
  const CountCase cases[] = {
      {"empty", "", 0},
      {"ascii", "Tin moi", 7},
      {"precomposed", "Bạn còn", 7},
      {"decomposed", "Ba\u0323n co\u0300n", 7},
      {"mixed forms", "Nghi\u0323 quyết", 10},
      {"heading", "BÌNH LUẬN", 9},
      {"astral code point is one", "vui \xF0\x9F\x98\x80", 5},
      {"mark with no precomposed form stays separate", "q\u0323", 2},
      {"hangul jamo compose", "\u1109\u1165\u110B\u116E\u11AF", 2},
      {"ill-formed byte counts as U+FFFD", "a\xFF" "b", 3},
  };
  for (const auto& c : cases) EXPECT_EQ(count_chars(c.input), c.expected) << c.name;
}

// The comment box: fewer than 5 characters is refused, more than 500 is refused; the browser
// and the server must draw both lines in the same place, whichever way "ệ" was typed.
TEST(CountChars, DecomposedInputCountsTheSameAtTheCommentLimits) {
  for (const std::size_t n : {4u, 5u, 500u, 501u}) {
    EXPECT_EQ(count_chars(repeat(kDecomposedE, n)), n);
    EXPECT_EQ(count_chars(repeat(kPrecomposedE, n)), n);
    // Three code points each before NFC: a count without normalisation would say 3n.
    EXPECT_EQ(code_points_without_normalising(repeat(kDecomposedE, n)), 3 * n);
  }
  // A realistic comment of exactly 500 letters written with a decomposing keyboard.
  const std::string comment = repeat("Ba\u0323n ", 100);  // "Bạn " is 4 letters
  EXPECT_EQ(count_chars(comment + repeat(kDecomposedE, 100)), 500u);
  EXPECT_EQ(count_chars(comment + repeat(kDecomposedE, 101)), 501u);
}

TEST(TruncateChars, KeepsAtMostNLettersInNfc) {
  for (const std::size_t n : {4u, 5u, 500u, 501u}) {
    const std::string cut = truncate_chars(repeat(kDecomposedE, 501), n);
    EXPECT_EQ(cut, repeat(kPrecomposedE, n));
    EXPECT_EQ(count_chars(cut), n);
  }
  EXPECT_EQ(truncate_chars("Nghi\u0323 quyê\u0301t", 4), "Nghị");
  EXPECT_EQ(truncate_chars("vui \xF0\x9F\x98\x80!", 5), "vui \xF0\x9F\x98\x80");
}

TEST(TruncateChars, ReturnsShortTextWholeAndNormalised) {
  EXPECT_EQ(truncate_chars("Ba\u0323n", 10), "Bạn");
  EXPECT_EQ(truncate_chars("Bạn", 3), "Bạn");
  EXPECT_EQ(truncate_chars("", 5), "");
  EXPECT_EQ(truncate_chars("Bạn", 0), "");
}

TEST(TruncateChars, NeverSplitsACodePointOrLeavesBadBytes) {
  const std::string text = "Đ\xF0\x9F\x98\x80\xFF" "e\u0323\u0302q\u0323";
  for (std::size_t n = 0; n <= 8; ++n) {
    const std::string cut = truncate_chars(text, n);
    EXPECT_TRUE(valid_utf8(cut)) << n;
    EXPECT_EQ(count_chars(cut), std::min<std::size_t>(n, 6)) << n;
  }
}

}  // namespace
}  // namespace toasoan::text
