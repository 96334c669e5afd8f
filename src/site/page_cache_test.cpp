#include "site/page_cache.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace toasoan::site {
namespace {

std::shared_ptr<const CachedPage> page(std::size_t size) {
  return CachedPage::make(200, "text/html; charset=utf-8", std::string(size, 'x'), "no-cache");
}

constexpr std::size_t kBody = 1000;

// What one page of kBody bytes under a two-byte key ("/0" … "/9") and no tags costs: a budget
// of nine and a half of these holds nine such pages and never ten.
std::size_t cost() { return page(kBody)->bytes() + 2; }
std::size_t nine() { return cost() * 19 / 2; }

TEST(PageCache, ReturnsWhatWasPut) {
  PageCache c(1 << 20, 1 << 18);
  c.put("/a", page(100), {"article:1"}, CacheClass::page, c.ticket());
  ASSERT_NE(c.get("/a"), nullptr);
  EXPECT_EQ(c.get("/b"), nullptr);
}

TEST(PageCache, PurgeByTagRemovesThePagesCarryingItAndLeavesTheOthers) {
  PageCache c(1 << 20, 1 << 18);
  c.put("/a-1.html", page(100), {"article:1", "listing:3"}, CacheClass::page, c.ticket());
  c.put("/b-2.html", page(100), {"article:2", "listing:3"}, CacheClass::page, c.ticket());
  c.put("/c-3.html", page(100), {"article:3", "listing:4"}, CacheClass::page, c.ticket());
  c.put("/tim-kiem?q=a", page(100), {"search"}, CacheClass::query, c.ticket());
  EXPECT_EQ(c.purge({"article:1"}), 1u);
  EXPECT_EQ(c.get("/a-1.html"), nullptr);
  EXPECT_NE(c.get("/b-2.html"), nullptr);
  EXPECT_EQ(c.purge({"listing:3", "search"}), 2u);
  EXPECT_EQ(c.get("/b-2.html"), nullptr);
  EXPECT_EQ(c.get("/tim-kiem?q=a"), nullptr);
  EXPECT_NE(c.get("/c-3.html"), nullptr);
  EXPECT_EQ(c.purge({"article:1"}), 0u);  // already gone
  EXPECT_EQ(c.stats().entries, 1u);
}

TEST(PageCache, AReplacedPageIsPurgedByItsNewTagsOnly) {
  PageCache c(1 << 20, 1 << 18);
  c.put("/", page(100), {"listing:all", "article:1"}, CacheClass::page, c.ticket());
  c.put("/", page(200), {"listing:all", "article:2"}, CacheClass::page, c.ticket());
  EXPECT_EQ(c.stats().entries, 1u);
  EXPECT_EQ(c.purge({"article:1"}), 0u);  // the old page's tag left with it
  ASSERT_NE(c.get("/"), nullptr);
  EXPECT_EQ(c.get("/")->identity->size(), 200u);
  EXPECT_EQ(c.purge({"article:2"}), 1u);
  EXPECT_EQ(c.stats().bytes, 0u);
}

TEST(PageCache, EvictsTheLeastRecentlyUsedPageAndKeepsTheOneJustRead) {
  PageCache c(nine(), nine());
  for (int i = 0; i < 9; ++i) c.put("/" + std::to_string(i), page(kBody), {}, CacheClass::page, c.ticket());
  ASSERT_EQ(c.stats().entries, 9u);
  ASSERT_NE(c.get("/0"), nullptr);  // the oldest put, read just now
  c.put("/9", page(kBody), {}, CacheClass::page, c.ticket());  // its first render: not kept
  c.put("/9", page(kBody), {}, CacheClass::page, c.ticket());  // asked for again: kept
  EXPECT_NE(c.get("/0"), nullptr);
  EXPECT_EQ(c.get("/1"), nullptr);  // the coldest
  EXPECT_NE(c.get("/2"), nullptr);
  EXPECT_NE(c.get("/9"), nullptr);
  EXPECT_LE(c.stats().bytes, nine());
  EXPECT_EQ(c.stats().evicted, 1u);
}

TEST(PageCache, EvictionRemovesThePageFromTheTagIndex) {
  PageCache c(nine() + 9 * 11, nine());  // room for nine pages with their tag
  for (int i = 0; i < 20; ++i)
    for (int render = 0; render < 2; ++render)  // asked for twice, so kept however full
      c.put("/" + std::to_string(i % 10) + std::string(1, 'a' + i / 10), page(kBody), {"listing:all"}, CacheClass::page,
            c.ticket());
  auto s = c.stats();
  EXPECT_EQ(s.evicted, 11u);
  EXPECT_EQ(c.purge({"listing:all"}), 9u);
  EXPECT_EQ(c.stats().entries, 0u);
  EXPECT_EQ(c.stats().bytes, 0u);
}

TEST(PageCache, AFloodOfQueriesNeverEvictsPagesNorTheQueriesAskedForAgain) {
  PageCache c(nine(), nine());
  c.put("/", page(kBody), {"listing:all"}, CacheClass::page, c.ticket());
  c.put("/thoi-su/", page(kBody), {"listing:1"}, CacheClass::page, c.ticket());
  for (int i = 0; i < 1000; ++i)
    c.put("/tim-kiem?q=" + std::to_string(i), page(kBody), {"search"}, CacheClass::query, c.ticket());
  EXPECT_NE(c.get("/"), nullptr);
  EXPECT_NE(c.get("/thoi-su/"), nullptr);
  EXPECT_NE(c.get("/tim-kiem?q=0"), nullptr) << "kept while there was room";
  EXPECT_EQ(c.get("/tim-kiem?q=999"), nullptr) << "asked for once, with the class full";
  auto s = c.stats();
  EXPECT_LE(s.query_bytes, nine());
  EXPECT_EQ(s.entries - s.query_entries, 2u);
  EXPECT_EQ(s.evicted, 0u);
  // A query asked for again takes the place of the least recently used one.
  c.put("/tim-kiem?q=999", page(kBody), {"search"}, CacheClass::query, c.ticket());
  EXPECT_NE(c.get("/tim-kiem?q=999"), nullptr);
  EXPECT_EQ(c.get("/tim-kiem?q=1"), nullptr);
  EXPECT_EQ(c.stats().evicted, 1u);
}

TEST(PageCache, AFullCacheKeepsAPageOnlyAtItsSecondRenderAndACrawlEvictsNothing) {
  PageCache c(nine(), nine());
  for (int i = 0; i < 9; ++i) c.put("/" + std::to_string(i), page(kBody), {}, CacheClass::page, c.ticket());
  // A crawler asks for a hundred old articles once each: none is kept, and nothing goes.
  for (int i = 0; i < 100; ++i) c.put("/cu-" + std::to_string(i), page(kBody), {}, CacheClass::page, c.ticket());
  auto s = c.stats();
  EXPECT_EQ(s.entries, 9u);
  EXPECT_EQ(s.evicted, 0u);
  EXPECT_EQ(s.declined, 100u);
  for (int i = 0; i < 9; ++i) EXPECT_NE(c.get("/" + std::to_string(i)), nullptr) << i;
  // A page a reader asks for again is kept at its second render.
  c.put("/moi", page(kBody), {}, CacheClass::page, c.ticket());
  EXPECT_EQ(c.get("/moi"), nullptr);
  c.put("/moi", page(kBody), {}, CacheClass::page, c.ticket());
  EXPECT_NE(c.get("/moi"), nullptr);
  EXPECT_EQ(c.stats().evicted, 1u);
  // A page already held is replaced whatever the room.
  c.put("/3", page(kBody), {"article:3"}, CacheClass::page, c.ticket());
  EXPECT_EQ(c.purge({"article:3"}), 1u);
}

TEST(PageCache, APageOverAQuarterOfItsClassBudgetIsNotKept) {
  auto big = page(9000), huge = page(11000);
  std::size_t budget = 4 * (big->bytes() + 4) + 40;  // "/big" fits within a quarter, "/huge" not
  ASSERT_GT(huge->bytes() + 5, budget / 4);
  PageCache c(budget, budget / 8);
  c.put("/big", big, {}, CacheClass::page, c.ticket());
  EXPECT_NE(c.get("/big"), nullptr);
  c.put("/tim-kiem?q=x", big, {}, CacheClass::query, c.ticket());  // the same page, in the smaller class
  EXPECT_EQ(c.get("/tim-kiem?q=x"), nullptr);
  c.put("/huge", huge, {}, CacheClass::page, c.ticket());
  EXPECT_EQ(c.get("/huge"), nullptr);
}

TEST(PageCache, RefusesAPageRenderedBeforeAPurgeOfOneOfItsTags) {
  PageCache c(1 << 20, 1 << 18);
  auto ticket = c.ticket();  // a slow render starts
  c.purge({"article:7"});    // the article changes meanwhile
  c.put("/x-7.html", page(100), {"article:7", "listing:2"}, CacheClass::page, ticket);
  EXPECT_EQ(c.get("/x-7.html"), nullptr);
  EXPECT_EQ(c.stats().refused_stale, 1u);
  c.put("/x-7.html", page(100), {"article:7", "listing:2"}, CacheClass::page, c.ticket());
  EXPECT_NE(c.get("/x-7.html"), nullptr);
}

TEST(PageCache, AcceptsAPageRenderedBeforeAnUnrelatedPurge) {
  PageCache c(1 << 20, 1 << 18);
  auto ticket = c.ticket();
  c.purge({"article:8", "listing:5"});
  c.put("/x-7.html", page(100), {"article:7", "listing:2"}, CacheClass::page, ticket);
  EXPECT_NE(c.get("/x-7.html"), nullptr);
  EXPECT_EQ(c.stats().refused_stale, 0u);
}

TEST(PageCache, ClearForgetsEverythingAndRefusesPagesRenderedBefore) {
  PageCache c(1 << 20, 1 << 18);
  auto ticket = c.ticket();
  c.put("/a", page(100), {"article:1"}, CacheClass::page, ticket);
  c.clear();
  EXPECT_EQ(c.get("/a"), nullptr);
  c.put("/b", page(100), {}, CacheClass::page, ticket);  // rendered before the clear: stale
  EXPECT_EQ(c.get("/b"), nullptr);
  c.put("/b", page(100), {}, CacheClass::page, c.ticket());
  EXPECT_NE(c.get("/b"), nullptr);
  EXPECT_EQ(c.purge({"article:1"}), 0u);  // the clear emptied the tag index too
}

TEST(PageCache, RefusesATicketOlderThanThePurgesItRemembers) {
  PageCache c(1 << 20, 1 << 18);
  auto ticket = c.ticket();
  for (std::size_t i = 0; i < PageCache::kPurgeHistory; ++i) c.purge({"article:" + std::to_string(i + 1000)});
  c.put("/a", page(100), {"article:1"}, CacheClass::page, ticket);  // every purge since is still known
  EXPECT_NE(c.get("/a"), nullptr);
  c.purge({"article:999"});  // the first purge after the ticket is forgotten now
  c.put("/b", page(100), {"article:1"}, CacheClass::page, ticket);
  EXPECT_EQ(c.get("/b"), nullptr);
}

TEST(PageCache, StatsCountHitsMissesPurgesAndEvictions) {
  PageCache c(nine() + 9, nine());
  c.put("/a", page(kBody), {"article:1"}, CacheClass::page, c.ticket());
  c.put("/q?x", page(kBody), {"search"}, CacheClass::query, c.ticket());
  c.get("/a");
  c.get("/a");
  c.get("/none");
  c.purge({"article:1"});
  for (int i = 0; i < 10; ++i) c.put("/" + std::to_string(i), page(kBody), {}, CacheClass::page, c.ticket());
  c.put("/9", page(kBody), {}, CacheClass::page, c.ticket());  // declined once with the class full, kept now
  auto s = c.stats();
  EXPECT_EQ(s.hits, 2u);
  EXPECT_EQ(s.misses, 1u);
  EXPECT_EQ(s.inserts, 12u);
  EXPECT_EQ(s.purged, 1u);
  EXPECT_EQ(s.evicted, 1u);
  EXPECT_EQ(s.declined, 1u);
  EXPECT_EQ(s.entries, 10u);
  EXPECT_EQ(s.query_entries, 1u);
  EXPECT_EQ(s.query_bytes, page(kBody)->bytes() + 4 + 6);  // "/q?x" and "search"
  c.clear();
  EXPECT_EQ(c.stats().purged, 11u);
  EXPECT_EQ(c.stats().bytes, 0u);
}

TEST(PageCache, ReadsAndWritesFromManyThreadsKeepTheBudget) {
  PageCache c(50 * cost(), 20 * cost());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&c, t] {
      for (int i = 0; i < 2000; ++i) {
        std::string key = "/" + std::to_string((i * 7 + t) % 300);
        if (!c.get(key)) c.put(key, page(kBody), {"listing:" + std::to_string(i % 5)}, CacheClass::page, c.ticket());
        if (i % 97 == 0) c.purge({"listing:" + std::to_string(t)});
      }
    });
  for (auto& th : threads) th.join();
  auto s = c.stats();
  EXPECT_LE(s.bytes, 50 * cost());
  EXPECT_EQ(s.hits + s.misses, 8000u);
  std::size_t left = 0;
  for (int i = 0; i < 5; ++i) left += c.purge({"listing:" + std::to_string(i)});
  EXPECT_EQ(left, s.entries);
}

TEST(CachedPage, AnswersNotModifiedToAMatchingIfNoneMatch) {
  auto p = page(2000);
  http::Request req;
  req.headers = {{"If-None-Match", p->etag}};
  http::Response res;
  respond(req, res, *p);
  EXPECT_EQ(res.status, 304);
  EXPECT_TRUE(res.payload().empty());
}

TEST(CachedPage, ServesTheEncodingTheClientPrefers) {
  auto p = page(2000);
  http::Request req;
  req.headers = {{"Accept-Encoding", "gzip"}};
  http::Response res;
  respond(req, res, *p);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.payload(), *p->gzip());
  http::Response plain;
  respond(http::Request{}, plain, *p);
  EXPECT_EQ(plain.payload().size(), 2000u);
}

}  // namespace
}  // namespace toasoan::site
