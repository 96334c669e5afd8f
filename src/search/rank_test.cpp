#include "search/rank.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "search/test_support.hpp"

namespace toasoan::search {
namespace {

double score(std::string_view query, std::string_view title, std::string_view lead = "") {
  return ExactMarks(parse_query(query)).score(title, lead);
}

TEST(ExactMarks, ZeroWhenTheQueryCarriesNoMarks) {
  EXPECT_EQ(score("duong", "Đường phố"), 0.0);
  EXPECT_EQ(score("nghi quyet", "Nghị quyết", "Nghị quyết"), 0.0);
  EXPECT_EQ(score("", "Đường"), 0.0);
  EXPECT_EQ(score("\"*():^", "Đường"), 0.0);
}

TEST(ExactMarks, TitleAndLeadMatchesAreWorthTheDocumentedAmounts) {
  EXPECT_EQ(score("đường", "Đường phố"), kExactTitleMatch);
  EXPECT_EQ(score("đường", "Phố", "Con đường"), kExactLeadMatch);
  EXPECT_EQ(score("đường", "Đường", "Đường"), kExactTitleMatch + kExactLeadMatch);
  EXPECT_EQ(score("đường", "Dương", "Đương"), 0.0);
  EXPECT_EQ(score("Nghị quyết", "Nghị quyết Hội nghị"), 2 * kExactTitleMatch);
  EXPECT_GT(kExactTitleMatch, kExactLeadMatch);
  EXPECT_GT(kExactLeadMatch, 0.0);
}

TEST(ExactMarks, OnlyTheWordsTypedWithMarksCount) {
  EXPECT_EQ(score("đường pho", "Đường phố"), kExactTitleMatch);   // "pho" typed plain
  EXPECT_EQ(score("duong phố", "Đường phố"), kExactTitleMatch);   // "duong" typed plain
}

TEST(ExactMarks, EachWordCountsOncePerField) {
  EXPECT_EQ(score("đường", "Đường đường đường"), kExactTitleMatch);
  EXPECT_EQ(score("đường đường \"đường\"", "Đường"), kExactTitleMatch);  // same word thrice
}

TEST(ExactMarks, IgnoresCaseNormalisationAndTonePlacement) {
  EXPECT_EQ(score("hoà bình", "HÒA BÌNH"), 2 * kExactTitleMatch);
  EXPECT_EQ(score("thuỷ điện", "Thủy điện"), 2 * kExactTitleMatch);
  EXPECT_EQ(score(testing::nfd("Đường"), "đường"), kExactTitleMatch);
  EXPECT_EQ(score("đường", testing::nfd("Đường")), kExactTitleMatch);
}

TEST(ExactMarks, MarksTypedThroughTelexOrVniCount) {
  EXPECT_EQ(score("dduwowngf", "Đường phố", "Dương"), kExactTitleMatch);
  EXPECT_EQ(score("d9u7o7ng2", "Dương", "Đường"), kExactLeadMatch);
  EXPECT_EQ(score("nghij quyeets", "Nghị quyết"), 2 * kExactTitleMatch);
}

TEST(ExactMarks, PartialMarksMustAllAgree) {
  // A word typed with some marks asks for exactly those: "đuong" is no word of the title.
  EXPECT_EQ(score("đuong", "Đường"), 0.0);
  EXPECT_EQ(score("đuong", "Đuong"), kExactTitleMatch);
}

// The example on a small fixed set: typed "đường", the articles with "đường" come
// first, and a title match before a lead match; the order among the others is left to BM25.
TEST(ExactMarks, RanksTheExactlyMarkedWordFirst) {
  struct Article {
    const char* title;
    const char* lead;
  };
  const Article articles[] = {
      {"Biển Đông và đại dương", "Tàu tuần tra trên đại dương."},          // dương
      {"Hội nghị đương nhiệm", "Các đại biểu đương chức."},                 // đương
      {"Trường học", "Con đường đến trường của học sinh vùng cao."},        // đường in the lead
      {"Đường lên Sơn La sạt lở", "Nhiều tuyến đường bị chia cắt."},       // both
      {"Duong pho Ha Noi", "Khong dau."},                                   // no marks at all
      {"Phố đường tàu Hà Nội", "Đông khách."},                              // đường in the title
  };
  const ExactMarks marks(parse_query("đường"));
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& a : articles) ranked.emplace_back(marks.score(a.title, a.lead), a.title);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  EXPECT_EQ(ranked[0].second, "Đường lên Sơn La sạt lở");
  EXPECT_EQ(ranked[1].second, "Phố đường tàu Hà Nội");
  EXPECT_EQ(ranked[2].second, "Trường học");
  for (std::size_t i = 3; i < ranked.size(); ++i) EXPECT_EQ(ranked[i].first, 0.0) << ranked[i].second;
}

TEST(ExactMarks, IsBoundedByTheTermLimit) {
  std::string query, title;
  for (int i = 0; i < 30; ++i) {
    query += "đường" + std::string(static_cast<std::size_t>(i), 'x') + " ";
  }
  title = query;
  EXPECT_EQ(score(query, title, title), (kExactTitleMatch + kExactLeadMatch) * kMaxQueryTerms);
}

}  // namespace
}  // namespace toasoan::search
