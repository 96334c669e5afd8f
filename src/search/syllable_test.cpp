#include "search/syllable.hpp"

#include <optional>
#include <string>

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

}  // namespace
}  // namespace toasoan::search::detail
