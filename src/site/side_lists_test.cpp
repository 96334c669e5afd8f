#include "site/side_lists.hpp"

#include <gtest/gtest.h>

namespace toasoan::site {
namespace {

// Lists as many articles as asked, ids 1, 2, …, each titled with the time it was read at and
// its id; counts the reads.
class CountingReading : public store::Reading {
 public:
  int reads = 0;
  Result<std::vector<articles::Summary>> latest(const store::ListQuery& q) override {
    ++reads;
    std::vector<articles::Summary> out(static_cast<std::size_t>(q.limit));
    for (std::size_t i = 0; i < out.size(); ++i) {
      out[i].id = static_cast<std::int64_t>(i + 1);
      out[i].title = std::to_string(q.now) + " #" + std::to_string(i + 1);
      out[i].slug = "bai-" + std::to_string(i + 1);
      out[i].category_slug = "thoi-su";
    }
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
  auto first = lists.newest(std::nullopt, 10, 1000);
  auto again = lists.newest(std::nullopt, 10, 1000);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(reading.reads, 1);
  EXPECT_EQ((*again)->items.size(), 11u) << "one more than a page shows, for the page of one of them";
  ASSERT_TRUE(lists.newest(7, 5, 1000).ok());
  EXPECT_EQ(reading.reads, 2) << "a category's list is a list of its own";
}

TEST(SideLists, AChangeOrTheNextSecondReadsTheListAgain) {
  CountingReading reading;
  SideLists lists(reading);
  ASSERT_TRUE(lists.newest(std::nullopt, 10, 1000).ok());
  lists.forget();
  ASSERT_TRUE(lists.newest(std::nullopt, 10, 1000).ok());
  EXPECT_EQ(reading.reads, 2) << "after a change";
  auto later = lists.newest(std::nullopt, 10, 1001);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(reading.reads, 3);
  EXPECT_EQ((*later)->items.front().title, "1001 #1") << "an article whose time came at 1001 is in it";
  ASSERT_TRUE(lists.newest(std::nullopt, 10, 999).ok());
  EXPECT_EQ(reading.reads, 4) << "a clock moved back never meets a list read later";
}

// The text between each <li> and the next </a>: the titles a list shows, in order.
std::vector<std::string> titles(const std::string& html) {
  std::vector<std::string> out;
  for (std::size_t at = html.find("<li>"); at != std::string::npos; at = html.find("<li>", at + 1)) {
    const auto open = html.find("\">", at) + 2;
    out.push_back(html.substr(open, html.find("</a>", open) - open));
  }
  return out;
}

TEST(SideLists, APageWhoseArticleIsNotListedShowsTheListAsWrittenOnce) {
  CountingReading reading;
  SideLists lists(reading);
  auto list = lists.newest(std::nullopt, 5, 1000);
  ASSERT_TRUE(list.ok());
  render::Html h;
  std::vector<std::string> tags{"article:77"};
  ASSERT_TRUE(write_beside(h, tags, **list, 77));
  EXPECT_EQ(h.str(), (*list)->html.str());
  EXPECT_EQ(titles(h.str()), (std::vector<std::string>{"1000 #1", "1000 #2", "1000 #3", "1000 #4", "1000 #5"}))
      << "the five newest, not the sixth read with them";
  EXPECT_EQ(tags, (std::vector<std::string>{"article:77", "article:1", "article:2", "article:3", "article:4",
                                            "article:5"}));
}

TEST(SideLists, APageWhoseArticleIsListedLeavesItOutAndShowsTheNextOne) {
  CountingReading reading;
  SideLists lists(reading);
  auto list = lists.newest(std::nullopt, 5, 1000);
  ASSERT_TRUE(list.ok());
  render::Html h;
  std::vector<std::string> tags;
  ASSERT_TRUE(write_beside(h, tags, **list, 3));
  EXPECT_EQ(titles(h.str()), (std::vector<std::string>{"1000 #1", "1000 #2", "1000 #4", "1000 #5", "1000 #6"}));
  EXPECT_EQ(tags, (std::vector<std::string>{"article:1", "article:2", "article:4", "article:5", "article:6"}));
  render::Html again;
  std::vector<std::string> more;
  ASSERT_TRUE(write_beside(again, more, **list, 6)) << "the sixth is not shown, so it needs no leaving out";
  EXPECT_EQ(again.str(), (*list)->html.str());
}

TEST(SideLists, AListWithNoOtherArticleShowsNothing) {
  SideList only;
  only.shown = 5;
  only.items.resize(1);
  only.items[0].id = 9;
  render::Html h;
  std::vector<std::string> tags;
  EXPECT_FALSE(write_beside(h, tags, only, 9));
  EXPECT_TRUE(h.empty());
  EXPECT_TRUE(tags.empty());
  EXPECT_FALSE(write_beside(h, tags, SideList{}, 9));
}

}  // namespace
}  // namespace toasoan::site
