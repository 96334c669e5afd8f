#include "site/side_lists.hpp"

#include <gtest/gtest.h>

namespace toasoan::site {
namespace {

// Lists as many articles as asked, each titled with the time it was read at; counts the reads.
class CountingReading : public store::Reading {
 public:
  int reads = 0;
  Result<std::vector<articles::Summary>> latest(const store::ListQuery& q) override {
    ++reads;
    std::vector<articles::Summary> out(static_cast<std::size_t>(q.limit));
    for (auto& s : out) s.title = std::to_string(q.now);
    return out;
  }
  Result<std::vector<articles::Summary>> published_between(std::int64_t, std::int64_t, int, int, std::int64_t) override {
    return std::vector<articles::Summary>();
  }
  Result<std::vector<articles::Summary>> addresses_between(std::int64_t, std::int64_t, int, int, std::int64_t) override {
    return std::vector<articles::Summary>();
  }
  Result<std::vector<articles::ArchiveMonth>> archive_months(std::int64_t) override {
    return std::vector<articles::ArchiveMonth>();
  }
  Result<std::int64_t> count_published(std::optional<std::int64_t>, std::int64_t) override { return std::int64_t{0}; }
  Result<std::optional<std::int64_t>> next_publication(std::int64_t) override { return std::optional<std::int64_t>(); }
  Result<std::optional<articles::Article>> article(std::int64_t) override { return std::optional<articles::Article>(); }
  Result<std::vector<articles::Article>> articles(std::span<const std::int64_t>) override {
    return std::vector<articles::Article>();
  }
  Result<std::vector<articles::Category>> categories() override { return std::vector<articles::Category>(); }
  Result<bool> empty() override { return false; }
};

TEST(SideLists, AListIsReadOnceForTheRendersOfTheSameSecond) {
  CountingReading reading;
  SideLists lists(reading);
  auto first = lists.newest(std::nullopt, 11, 1000);
  auto again = lists.newest(std::nullopt, 11, 1000);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(reading.reads, 1);
  EXPECT_EQ((*again)->size(), 11u);
  ASSERT_TRUE(lists.newest(7, 6, 1000).ok());
  EXPECT_EQ(reading.reads, 2) << "a category's list is a list of its own";
}

TEST(SideLists, AChangeOrTheNextSecondReadsTheListAgain) {
  CountingReading reading;
  SideLists lists(reading);
  ASSERT_TRUE(lists.newest(std::nullopt, 11, 1000).ok());
  lists.forget();
  ASSERT_TRUE(lists.newest(std::nullopt, 11, 1000).ok());
  EXPECT_EQ(reading.reads, 2) << "after a change";
  auto later = lists.newest(std::nullopt, 11, 1001);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(reading.reads, 3);
  EXPECT_EQ((*later)->front().title, "1001") << "an article whose time came at 1001 is in it";
  ASSERT_TRUE(lists.newest(std::nullopt, 11, 999).ok());
  EXPECT_EQ(reading.reads, 4) << "a clock moved back never meets a list read later";
}

}  // namespace
}  // namespace toasoan::site
