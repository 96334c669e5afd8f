#include "site/page_cache.hpp"

#include <gtest/gtest.h>

namespace toasoan::site {
namespace {

std::shared_ptr<const CachedPage> page(std::size_t size) {
  return CachedPage::make(200, "text/html; charset=utf-8", std::string(size, 'x'), "no-cache");
}

TEST(PageCache, ReturnsWhatWasPut) {
  PageCache c(1 << 20);
  c.put("/a", page(100), c.generation());
  ASSERT_NE(c.get("/a"), nullptr);
  EXPECT_EQ(c.get("/b"), nullptr);
}

TEST(PageCache, ClearForgetsEverythingAndRefusesPagesRenderedBefore) {
  PageCache c(1 << 20);
  auto g = c.generation();
  c.put("/a", page(100), g);
  c.clear();
  EXPECT_EQ(c.get("/a"), nullptr);
  c.put("/b", page(100), g);  // rendered before the clear: stale
  EXPECT_EQ(c.get("/b"), nullptr);
  c.put("/b", page(100), c.generation());
  EXPECT_NE(c.get("/b"), nullptr);
}

TEST(PageCache, EvictsTheOldestPagesOverBudget) {
  PageCache c(20000);
  for (int i = 0; i < 10; ++i) c.put("/" + std::to_string(i), page(2000), c.generation());
  EXPECT_LE(c.bytes(), 20000u);
  EXPECT_EQ(c.get("/0"), nullptr);
  EXPECT_NE(c.get("/9"), nullptr);
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
