#include "text/count.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

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

// ICU's NFD, independent of the code under test: how a decomposing keyboard sends the text.
std::string nfd(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString out;
  n->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))),
               out, status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string bytes;
  out.toUTF8String(bytes);
  return bytes;
}

// The expected numbers are what web/newsroom/src/text/count.ts must give for the same strings:
// s.split(/\p{White_Space}+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length.
TEST(CountWords, CountsVietnameseSentencesWordByWord) {
  const CountCase cases[] = {
      {"sentence", "Nghị quyết Hội nghị lần thứ sáu được thông qua.", 10},
      {"place and year", "Hà Nội – 2026", 3},
      {"leading and trailing spaces", "  Bạn đọc  ", 2},
      {"line breaks and tabs", "Tin\nmới\tnhất\r\n", 3},
      {"punctuation clings to its word", "“Xin chào!”, anh nói.", 4},
      {"hyphenated is one", "Bà Rịa-Vũng Tàu", 3},
      {"a single letter", "à", 1},
  };
  for (const auto& c : cases) EXPECT_EQ(count_words(c.input), c.expected) << c.name;
}

TEST(CountWords, DecomposedMarksCountTheSameAsComposed) {
  const std::string sentences[] = {
      "Nghị quyết Hội nghị lần thứ sáu được thông qua.",
      "Hà Nội – 2026",
      "Người dân đồng tình ủng hộ",
  };
  for (const auto& s : sentences) {
    const std::string decomposed = nfd(s);
    ASSERT_NE(decomposed, s);  // the case tests something
    EXPECT_EQ(count_words(decomposed), count_words(s)) << s;
  }
  EXPECT_EQ(count_words("No\u0323\u0302i"), 1u);
  // A mark alone after a space is part of no letter: no word, in either form.
  EXPECT_EQ(count_words("\u0301"), 0u);
  EXPECT_EQ(count_words("a \u0301 b"), 2u);
}

TEST(CountWords, DashesAndSymbolsAloneAreNoWords) {
  const CountCase cases[] = {
      {"en dash", "a – b", 2},
      {"em dash", "a — b", 2},
      {"hyphen", "a - b", 2},
      {"dashes only", "– — - ‒ ―", 0},
      {"dash between numbers is one word", "2025–2026", 1},
      {"bullet", "• một", 1},
      {"emoji alone", "😀 !!", 0},
      {"emoji beside a word", "vui 😀", 1},
      {"ellipsis", "…", 0},
  };
  for (const auto& c : cases) EXPECT_EQ(count_words(c.input), c.expected) << c.name;
}

TEST(CountWords, NumbersAreWords) {
  const CountCase cases[] = {
      {"year", "2026", 1},
      {"thousands split by a space", "12 345", 2},
      {"decimal and percent", "3,5%", 1},
      {"time", "10:30", 1},
      {"roman numeral (Nl)", "Ⅻ", 1},
      {"arabic-indic digit (Nd)", "٣", 1},
      {"superscript (No)", "m²", 1},
  };
  for (const auto& c : cases) EXPECT_EQ(count_words(c.input), c.expected) << c.name;
}

TEST(CountWords, EmptyAndBlankTextHasNone) {
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_words(" "), 0u);
  EXPECT_EQ(count_words(" \t\n\r\v\f"), 0u);
  EXPECT_EQ(count_words("\u00A0\u3000\u2003"), 0u);
}

TEST(CountWords, EveryUnicodeSpaceSeparates) {
  // The White_Space property, beyond ASCII.
  const std::string_view spaces[] = {"\u0085", "\u00A0", "\u1680", "\u2000", "\u2002", "\u2003", "\u2009",
                                     "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000"};
  for (auto sp : spaces) {
    const std::string text = std::string("Hà") + std::string(sp) + "Nội";
    EXPECT_EQ(count_words(text), 2u) << text;
  }
  // Not White_Space: these join what they stand between (JavaScript's \s splits at U+FEFF).
  EXPECT_EQ(count_words("Hà\u200BNội"), 1u);
  EXPECT_EQ(count_words("Hà\uFEFFNội"), 1u);
  EXPECT_EQ(count_words("Hà\u00ADNội"), 1u);
}

TEST(CountWords, IllFormedBytesAreNeitherSpaceNorLetter) {
  EXPECT_EQ(count_words("\xFF"), 0u);
  EXPECT_EQ(count_words("a\xFF" "b"), 1u);
  EXPECT_EQ(count_words("a \xC3 b"), 2u);
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
