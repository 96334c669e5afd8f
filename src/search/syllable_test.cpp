#include "search/syllable.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace toasoan::search::detail {
namespace {

struct SpellCase {
  std::u32string_view letters;
  Tone tone;
  std::optional<std::string> expected;
};

// One block per rule of syllable.hpp.
TEST(SpellSyllable, PlacesTheToneByTheRules) {
  const SpellCase cases[] = {
      // 1. On the vowel with a vowel mark; in ươ on ơ.
      {U"viêt", Tone::kDot, "việt"},
      {U"ngươi", Tone::kGrave, "người"},
      {U"rươu", Tone::kDot, "rượu"},
      {U"thuơ", Tone::kHook, "thuở"},
      {U"tuân", Tone::kGrave, "tuần"},
      {U"mưa", Tone::kTilde, "mữa"},
      // 2. Else before a final consonant, on the last vowel.
      {U"hoan", Tone::kGrave, "hoàn"},
      {U"toan", Tone::kAcute, "toán"},
      {U"quynh", Tone::kGrave, "quỳnh"},
      // 3. Else the middle of three, the first of two (old style).
      {U"ngoai", Tone::kGrave, "ngoài"},
      {U"khuyu", Tone::kHook, "khuỷu"},
      {U"hoa", Tone::kGrave, "hòa"},
      {U"thuy", Tone::kHook, "thủy"},
      {U"mia", Tone::kAcute, "mía"},
      {U"sau", Tone::kAcute, "sáu"},
      // qu and gi belong to the initial.
      {U"quy", Tone::kAcute, "quý"},
      {U"qua", Tone::kHook, "quả"},
      {U"gia", Tone::kGrave, "già"},
      {U"giưa", Tone::kTilde, "giữa"},
      {U"gi", Tone::kGrave, "gì"},
      {U"gin", Tone::kGrave, "gìn"},
      {U"giêt", Tone::kAcute, "giết"},
      // Level tone: no mark.
      {U"sơn", Tone::kLevel, "sơn"},
      {U"đương", Tone::kLevel, "đương"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(spell_syllable(c.letters, c.tone), c.expected)
        << "tone " << static_cast<int>(c.tone) << " expected " << c.expected.value_or("-");
  }
}

TEST(SpellSyllable, RefusesWhatTheSpellingRulesForbid) {
  const SpellCase cases[] = {
      {U"ce", Tone::kGrave, std::nullopt},     // k before e
      {U"ngi", Tone::kGrave, std::nullopt},    // ngh before i
      {U"gha", Tone::kGrave, std::nullopt},    // g before a
      {U"ge", Tone::kGrave, std::nullopt},     // gh before e
      {U"tyên", Tone::kAcute, std::nullopt},   // iê after a consonant
      {U"qa", Tone::kAcute, std::nullopt},     // q only as qu
      {U"hoc", Tone::kGrave, std::nullopt},    // stop final, grave
      {U"viêt", Tone::kLevel, std::nullopt},   // stop final, level
      {U"hoc", Tone::kDot, "học"},             // ... dot is fine
      {U"new", Tone::kAcute, std::nullopt},    // no such rhyme
      {U"ươ", Tone::kLevel, std::nullopt},     // ươ needs a final
      {U"â", Tone::kAcute, std::nullopt},      // â needs a final
      {U"tr", Tone::kLevel, std::nullopt},     // no vowel
      {U"fa", Tone::kAcute, std::nullopt},     // f is no initial
      {U"ba9", Tone::kAcute, std::nullopt},    // not a letter
      {U"", Tone::kLevel, std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(spell_syllable(c.letters, c.tone), c.expected) << c.expected.value_or("-");
  }
}

TEST(IsUnmarkedSyllable, AcceptsFoldedSyllablesOnly) {
  for (const char* yes : {"truong", "sang", "xa", "rau", "quy", "nghieng", "duong", "gi", "oa", "uy",
                          "khuyu", "kan"}) {
    EXPECT_TRUE(is_unmarked_syllable(yes)) << yes;
  }
  for (const char* no : {"khoong", "xoong", "news", "nghij", "ce", "ngi", "tr", "", "Sang", "sang1",
                         "dd", "aa", "twitter"}) {
    EXPECT_FALSE(is_unmarked_syllable(no)) << no;
  }
}

TEST(UnmarkedSyllablesBeginning, ListsWhatAHalfTypedWordCanBecome) {
  using Words = std::vector<std::string_view>;
  EXPECT_EQ(unmarked_syllables_beginning("nha"),
            (Words{"nha", "nhac", "nhach", "nhai", "nhak", "nham", "nhan", "nhang", "nhanh", "nhao", "nhap", "nhat", "nhau",
                   "nhay"}));
  EXPECT_EQ(unmarked_syllables_beginning("nghieng"), Words{"nghieng"});
  EXPECT_EQ(unmarked_syllables_beginning("quye"), (Words{"quyen", "quyet"}));
  const auto xo = unmarked_syllables_beginning("xo");
  EXPECT_NE(std::find(xo.begin(), xo.end(), "xoong"), xo.end()) << "the rare rhymes are words too";
  for (const char* none : {"cov", "202", "ngi", "tw", "", "Nha"})
    EXPECT_TRUE(unmarked_syllables_beginning(none).empty()) << none;
}

TEST(UnmarkedSyllablesBeginning, GivesOnlyWellFormedSyllables) {
  for (char first = 'a'; first <= 'z'; ++first)
    for (std::string_view word : unmarked_syllables_beginning(std::string(1, first)))
      EXPECT_TRUE(is_unmarked_syllable(word) || word.find("oo") != std::string_view::npos) << word;
  EXPECT_GT(unmarked_syllables_beginning("t").size(), 200u);
  // Three letters leave a few dozen at most ("chu": 37), which a suggestion can ask for one by
  // one (searcher.hpp, kMaxCompletions).
  std::size_t most = 0;
  for (char a = 'a'; a <= 'z'; ++a)
    for (char b = 'a'; b <= 'z'; ++b)
      for (char c = 'a'; c <= 'z'; ++c) most = std::max(most, unmarked_syllables_beginning(std::string{a, b, c}).size());
  EXPECT_EQ(most, 37u);
}

}  // namespace
}  // namespace toasoan::search::detail
