#include "store/published_tally.hpp"

#include <gtest/gtest.h>

#include "text/datetime.hpp"

namespace toasoan::store::tally {
namespace {

const std::int64_t kMay2017 = text::vietnam_month_start(2017, 5);
const std::int64_t kJune2017 = text::vietnam_month_start(2017, 6);

TEST(TallyMonths, SumsTheCategoriesNewestFirstLessWhatIsScheduledAndDropsEmptyMonths) {
  std::vector<Cell> cells = {{1, 201705, 3, 100}, {2, 201705, 2, 300}, {1, 201706, 1, 200}, {2, 201704, 1, 50}};
  // The June article is scheduled: published but its time has not come.
  auto all = months(cells, {{1, kJune2017 + 3600}}, std::nullopt);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].year, 2017);
  EXPECT_EQ(all[0].month, 5);
  EXPECT_EQ(all[0].articles, 5);
  EXPECT_EQ(all[0].last_modified, 300);
  EXPECT_EQ(all[1].month, 4);
  EXPECT_EQ(total(all), 6);
  auto first = months(cells, {}, 1);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].month, 6);
  EXPECT_EQ(total(first), 4);
}

TEST(TallyMonths, FilesATimeInItsVietnameseMonth) {
  EXPECT_EQ(month_of(kJune2017), 201706);
  EXPECT_EQ(month_of(kJune2017 - 1), 201705) << "23:59:59 on 31 May in Hà Nội";
}

TEST(TallySeek, CutsTheListAtTheMonthHoldingTheEntry) {
  std::vector<articles::ArchiveMonth> list = {{2017, 6, 10, 0}, {2017, 5, 30, 0}, {2017, 4, 5, 0}};
  const std::int64_t now = kJune2017 + 86'400 * 20;
  auto in_june = seek(list, 4, now);
  ASSERT_TRUE(in_june);
  EXPECT_EQ(in_june->until, now) << "the newest month is cut at now, not at its end";
  EXPECT_EQ(in_june->offset, 4);
  auto in_may = seek(list, 25, now);
  ASSERT_TRUE(in_may);
  EXPECT_EQ(in_may->until, kJune2017 - 1);
  EXPECT_EQ(in_may->offset, 15);
  auto last = seek(list, 44, now);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->until, kMay2017 - 1);
  EXPECT_EQ(last->offset, 4);
  EXPECT_FALSE(seek(list, 45, now)) << "past the last entry";
}

}  // namespace
}  // namespace toasoan::store::tally
