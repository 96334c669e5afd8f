#include "newsroom/word_diff.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

namespace toasoan::newsroom {
namespace {

using Kind = DiffRun::Kind;

// "=Hội nghị|+ tỉnh": each run as its kind's sign and text, for readable expectations.
std::string show(const std::vector<DiffRun>& runs) {
  std::string out;
  for (const DiffRun& r : runs) {
    if (!out.empty()) out += '|';
    out += r.kind == Kind::equal ? '=' : r.kind == Kind::inserted ? '+' : '-';
    out += r.text;
  }
  return out;
}

// The header's promise: both texts come back exactly, and no two neighbours share a kind.
void expect_rebuilds(std::string_view before, std::string_view after) {
  auto runs = word_diff(before, after);
  std::string b, a;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    EXPECT_FALSE(runs[i].text.empty());
    if (i > 0) {
      EXPECT_NE(runs[i].kind, runs[i - 1].kind) << show(runs);
    }
    if (runs[i].kind != Kind::inserted) b += runs[i].text;
    if (runs[i].kind != Kind::deleted) a += runs[i].text;
  }
  EXPECT_EQ(b, before) << show(runs);
  EXPECT_EQ(a, after) << show(runs);
}

TEST(WordDiff, AWordAddedAtTheEndIsOneInsertion) {
  EXPECT_EQ(show(word_diff("Hội nghị", "Hội nghị tỉnh")), "=Hội nghị|+ tỉnh");
  expect_rebuilds("Hội nghị", "Hội nghị tỉnh");
}

TEST(WordDiff, AWordAddedAtTheStartIsOneInsertion) {
  EXPECT_EQ(show(word_diff("nghị quyết", "Dự thảo nghị quyết")), "+Dự thảo |=nghị quyết");
}

TEST(WordDiff, AWordRemovedIsOneDeletion) {
  EXPECT_EQ(show(word_diff("Đại biểu Quốc hội khóa XV", "Đại biểu khóa XV")), "=Đại biểu |-Quốc hội |=khóa XV");
  EXPECT_EQ(show(word_diff("Hội nghị tỉnh", "Hội nghị")), "=Hội nghị|- tỉnh");
}

TEST(WordDiff, AReplacedWordIsADeletionThenAnInsertion) {
  EXPECT_EQ(show(word_diff("Giá xăng tăng mạnh", "Giá xăng giảm mạnh")), "=Giá xăng |-tăng |+giảm |=mạnh");
}

TEST(WordDiff, IdenticalTextsAreOneEqualRun) {
  auto runs = word_diff("Thành phố Hồ Chí Minh\nmưa lớn", "Thành phố Hồ Chí Minh\nmưa lớn");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].kind, Kind::equal);
  EXPECT_EQ(runs[0].text, "Thành phố Hồ Chí Minh\nmưa lớn");
}

TEST(WordDiff, FromOrToNothingIsOneRunOrNone) {
  EXPECT_EQ(show(word_diff("", "Bài mới")), "+Bài mới");
  EXPECT_EQ(show(word_diff("Bài cũ", "")), "-Bài cũ");
  EXPECT_TRUE(word_diff("", "").empty());
}

TEST(WordDiff, ChangedSpacingAloneKeepsTheWordsEqual) {
  EXPECT_EQ(show(word_diff("Hà  Nội", "Hà Nội")), "=Hà|-  |+ |=Nội");
  expect_rebuilds("  Hà Nội\n", "Hà\tNội ");
}

TEST(WordDiff, RandomEditsAlwaysRebuildBothTexts) {
  std::mt19937 rng(20240517);
  const std::vector<std::string> words = {"Hội", "nghị", "tỉnh", "Hà", "Nội", "mưa", "đường", "ngập", "xe", "người"};
  const std::vector<std::string> spaces = {" ", " ", " ", "  ", "\n", "\t", " \n "};
  auto text = [&](std::size_t n) {
    std::string t;
    if (rng() % 4 == 0) t += spaces[rng() % spaces.size()];
    for (std::size_t i = 0; i < n; ++i) {
      t += words[rng() % words.size()];
      if (i + 1 < n || rng() % 3 == 0) t += spaces[rng() % spaces.size()];
    }
    return t;
  };
  for (int round = 0; round < 300; ++round) {
    std::string before = text(rng() % 40), after = text(rng() % 40);
    expect_rebuilds(before, after);
    if (::testing::Test::HasFailure()) break;
  }
}

TEST(WordDiff, TwoLongTextsRewrittenEntirelyStayCheap) {
  std::string before, after;
  for (int i = 0; before.size() < 20000; ++i) before += "cũ" + std::to_string(i) + " ";
  for (int i = 0; after.size() < 20000; ++i) after += "mới" + std::to_string(i) + " ";
  auto start = std::chrono::steady_clock::now();
  auto runs = word_diff(before, after);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(show(runs), "-" + before + "|+" + after);
#ifndef TOASOAN_SANITIZED
  EXPECT_LT(took, std::chrono::milliseconds(300));
#endif
}

TEST(WordDiff, ALongTextWithAFewChangesIsDiffedWordByWord) {
  std::string before, after;
  for (int i = 0; i < 3000; ++i) {
    before += "từ" + std::to_string(i) + " ";
    after += (i % 500 == 7 ? "sửa" : "từ") + std::to_string(i) + " ";
  }
  auto runs = word_diff(before, after);
  int deleted = 0;
  for (const DiffRun& r : runs) deleted += r.kind == Kind::deleted;
  EXPECT_EQ(deleted, 6);
  expect_rebuilds(before, after);
}

TEST(WordDiff, KindsHaveTheirApiNames) {
  EXPECT_STREQ(diff_kind_name(Kind::equal), "equal");
  EXPECT_STREQ(diff_kind_name(Kind::inserted), "inserted");
  EXPECT_STREQ(diff_kind_name(Kind::deleted), "deleted");
}

}  // namespace
}  // namespace toasoan::newsroom
