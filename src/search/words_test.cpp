#include "search/words.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "search/test_support.hpp"

namespace toasoan::search::detail {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<WordSpan> spans;
  split_words(text, spans);
  std::vector<std::string> out;
  for (const auto& s : spans) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

struct SplitCase {
  std::string_view text;
  std::vector<std::string> words;
};

TEST(SplitWords, WordsAreRunsOfLettersDigitsAndFollowingMarks) {
  const SplitCase cases[] = {
      {"Nghị quyết", {"Nghị", "quyết"}},
      {"  Sơn La,mưa lũ.  ", {"Sơn", "La", "mưa", "lũ"}},
      {"COVID-19", {"COVID", "19"}},
      {"5.000 ca", {"5", "000", "ca"}},
      {"don't", {"don", "t"}},
      {"a_b", {"a", "b"}},
      {"Ελλάδα 東京 서울", {"Ελλάδα", "東京", "서울"}},
      {"Nghe\u0323\u0302 An", {"Nghe\u0323\u0302", "An"}},  // decomposed: marks stay in the word
      {"\u0301abc", {"abc"}},                               // a mark with nothing before it
      {"a\u00A0b\u2028c", {"a", "b", "c"}},                 // NBSP, line separator
      {"a\xF0\x9F\x98\x80" "b", {"a", "b"}},                // emoji
      {"a\uFFFDb", {"a", "b"}},                             // what ill-formed bytes become
      {"nghi5 quye61t", {"nghi5", "quye61t"}},              // VNI keys stay in the word
      {"", {}},
      {"!!! ---", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(words_of(c.text), c.words) << c.text;
}

TEST(SplitWords, EverySyntaxCharacterSeparates) {
  for (const char c : std::string_view("\"*():^-+';{}[],.!?/\\|&<>=~@#$%`")) {
    const std::string text = std::string("a") + c + "b";
    EXPECT_EQ(words_of(text), (std::vector<std::string>{"a", "b"})) << text;
  }
}

TEST(Lower, LowersAnyCaseToNfc) {
  EXPECT_EQ(lower("ĐƯỜNG"), "đường");
  EXPECT_EQ(lower("NGHỊ"), "nghị");
  EXPECT_EQ(lower("Sơn"), "sơn");
  EXPECT_EQ(lower("ABC"), "abc");
  EXPECT_EQ(lower("NGHE\u0323\u0302"), "nghệ");  // decomposed in, composed out
}

TEST(HasVietnameseMarks, TonesVowelMarksAndDStroke) {
  const std::pair<std::string_view, bool> cases[] = {
      {"đường", true}, {"Đ", true},     {"nghị", true},      {"ư", true},
      {"ă", true},     {"â", true},     {"café", true},      {"nghe\u0323", true},
      {"duong", false}, {"DUONG", false}, {"naïve", false},  {"Ελλάδα", true},  // acute
      {"서울", false},   {"", false},
  };
  for (const auto& [word, expected] : cases) EXPECT_EQ(has_vietnamese_marks(word), expected) << word;
}

TEST(MarkKey, IgnoresTonePlacementCaseAndNormalisation) {
  for (const std::string_view same : {"hoà", "HÒA", "ho\u0300a", "hoa\u0300", "Hòa"}) {
    EXPECT_EQ(mark_key(same), mark_key("hòa")) << same;
  }
  EXPECT_EQ(mark_key("thuỷ"), mark_key("thủy"));
  EXPECT_EQ(mark_key(testing::nfd("Đường")), mark_key("đường"));
}

TEST(MarkKey, TellsMarksApart) {
  const std::string_view words[] = {"đường", "dương", "đương", "duong", "đuong", "dường",
                                    "hòa",   "hóa",   "hoa",   "hỏa",   "họa"};
  for (const auto a : words) {
    for (const auto b : words) {
      if (a != b) {
        EXPECT_NE(mark_key(a), mark_key(b)) << a << " vs " << b;
      }
    }
  }
}

}  // namespace
}  // namespace toasoan::search::detail
