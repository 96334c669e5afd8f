#include "site/cache_tags.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/comments.hpp"
#include "store/photos.hpp"

namespace toasoan::site::tags {
namespace {

store::Change change(std::string topic, std::string key) { return {.seq = 1, .topic = std::move(topic), .key = std::move(key)}; }

bool has(const Purge& p, const std::string& tag) { return std::find(p.tags.begin(), p.tags.end(), tag) != p.tags.end(); }

TEST(CacheTags, AnEditedArticlePurgesItsOwnPagesButNoList) {
  Purge p = tags_for({change(store::topic::article, "42")});
  EXPECT_FALSE(p.everything);
  EXPECT_TRUE(has(p, article(42)));
  EXPECT_TRUE(has(p, search));
  EXPECT_FALSE(has(p, all_listings)) << "the home page and every article's \"Tin mới\" stay";
  EXPECT_FALSE(has(p, listing(3)));
}

TEST(CacheTags, AListingChangePurgesThatCategoryAndTheSiteWideLists) {
  Purge p = tags_for({change(store::topic::listing, "3")});
  EXPECT_TRUE(has(p, listing(3)));
  EXPECT_TRUE(has(p, all_listings));
  EXPECT_TRUE(has(p, sitemap));
  EXPECT_FALSE(has(p, listing(4))) << "another category's pages stay";
}

TEST(CacheTags, ACategoryChangeOrAnUnknownTopicPurgesEverything) {
  EXPECT_TRUE(tags_for({change(store::topic::category, "3")}).everything);
  EXPECT_TRUE(tags_for({change("something-newer", "x")}).everything);
}

TEST(CacheTags, NewsroomWorkReadersCannotSeePurgesNothing) {
  for (const char* t : {"piece", "setting", "account"}) {
    Purge p = tags_for({change(t, "7")});
    EXPECT_FALSE(p.everything) << t;
    EXPECT_TRUE(p.tags.empty()) << t;
  }
}

TEST(CacheTags, ALibraryPhotoChangePurgesNothing) {
  Purge p = tags_for({change(store::topic::photo, "7")});
  EXPECT_FALSE(p.everything) << "the articles showing it purge through their own entries";
  EXPECT_TRUE(p.tags.empty());
}

TEST(CacheTags, AShownCommentPurgesOnlyWhatShowsItsArticle) {
  Purge p = tags_for({change(store::topic::comment, "42:7")});
  EXPECT_FALSE(p.everything);
  EXPECT_EQ(p.tags, std::vector<std::string>{comments(42)})
      << "its page, its comments' JSON and the lists naming it with their counts; no search, sitemap or list, "
         "nor the pages naming it without a count";
}

TEST(CacheTags, ACommentCountPurgesOnlyTheListsPrintingIt) {
  Purge p = tags_for({change(store::topic::comment_count, "42")});
  EXPECT_FALSE(p.everything);
  EXPECT_EQ(p.tags, std::vector<std::string>{counted(42)}) << "not the article's comments, which a like changes";
}

TEST(CacheTags, TheModerationQueuePurgesNothing) {
  Purge p = tags_for({change(store::topic::comment_queue, "42")});
  EXPECT_FALSE(p.everything);
  EXPECT_TRUE(p.tags.empty());
}

TEST(CacheTags, AMalformedCommentKeyPurgesEverything) {
  for (const char* key : {"42", ":7", "x:7", "42x:7", "0:7", ""})
    EXPECT_TRUE(tags_for({change(store::topic::comment, key)}).everything) << key;
}

TEST(CacheTags, ABatchNamesEachTagOnce) {
  Purge p = tags_for({change(store::topic::article, "1"), change(store::topic::article, "1"),
                      change(store::topic::listing, "2"), change(store::topic::listing, "2")});
  auto sorted = p.tags;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
}

TEST(CacheTags, DueArticlesPurgeEveryListButNoArticlePage) {
  Purge p = tags_for_due({1, 2});
  EXPECT_TRUE(has(p, listing(1)));
  EXPECT_TRUE(has(p, listing(2)));
  EXPECT_TRUE(has(p, all_listings));
  EXPECT_TRUE(has(p, search));
  EXPECT_FALSE(p.everything);
}

}  // namespace
}  // namespace toasoan::site::tags
