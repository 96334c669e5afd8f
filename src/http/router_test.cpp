#include "http/router.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace toasoan::http {
namespace {

Handler answer(std::string text) {
  return [text](Request&, Response& res) { res.body = text; };
}

// Runs `method path` through the router as the server would, and returns the response.
Response run(const Router& router, std::string_view method, std::string_view path, Request* seen = nullptr) {
  Request req;
  req.method = method;
  req.path = path;
  req.target = path;
  Response res;
  router.dispatch(router.match(method, path), req, res);
  if (seen) *seen = req;
  return res;
}

TEST(Router, LiteralBeatsParamBeatsRest) {
  Router r;
  r.add("GET", "/media/{*path}", answer("rest"));
  r.add("GET", "/media/{id}", answer("param"));
  r.add("GET", "/media/logo", answer("literal"));
  EXPECT_EQ(run(r, "GET", "/media/logo").body, "literal");
  EXPECT_EQ(run(r, "GET", "/media/42").body, "param");
  EXPECT_EQ(run(r, "GET", "/media/2024/05/a.jpg").body, "rest");
}

TEST(Router, CapturesParamsPercentDecoded) {
  Router r;
  r.add("GET", "/api/v1/articles/{id}/comments/{cid}", [](Request& req, Response& res) {
    res.body = std::string(req.param("id")) + "|" + std::string(req.param("cid")) + "|" +
               std::string(req.param("absent"));
  });
  r.add("GET", "/media/{*path}", [](Request& req, Response& res) { res.body = std::string(req.param("path")); });
  EXPECT_EQ(run(r, "GET", "/api/v1/articles/42/comments/b%E1%BA%A1n").body, "42|bạn|");
  EXPECT_EQ(run(r, "GET", "/media/2024/a%20b.jpg").body, "2024/a b.jpg");
}

TEST(Router, ParamNeedsANonEmptySegmentAndLiteralsMatchWhole) {
  Router r;
  r.add("GET", "/a/{id}", answer("a"));
  r.fallback(answer("site"));
  EXPECT_EQ(run(r, "GET", "/a/").body, "site");
  EXPECT_EQ(run(r, "GET", "/a/1/2").body, "site");
  EXPECT_EQ(run(r, "GET", "/ab/1").body, "site");
  EXPECT_EQ(run(r, "GET", "/a").body, "site");
  EXPECT_EQ(run(r, "GET", "/a/1").body, "a");
}

TEST(Router, UnmatchedPathGoesToFallbackWithItsOptions) {
  Router r;
  r.add("POST", "/api/v1/upload", answer("upload"), {.body_limit = 10 << 20, .body_to_file = true});
  r.fallback(answer("site"), {.body_limit = 1024, .worker = true});
  auto m = r.match("GET", "/thoi-su/");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.method_not_allowed());
  EXPECT_EQ(r.options(m).body_limit, 1024u);
  auto u = r.match("POST", "/api/v1/upload");
  ASSERT_NE(u.route, nullptr);
  EXPECT_TRUE(r.options(u).body_to_file);
  EXPECT_EQ(r.options(u).body_limit, 10u << 20);
  EXPECT_EQ(run(r, "GET", "/thoi-su/").body, "site");
}

TEST(Router, WrongMethodGets405WithAllow) {
  Router r;
  r.add("GET", "/api/v1/articles/{id}", answer("get"));
  r.add("PUT", "/api/v1/articles/{id}", answer("put"));
  r.fallback(answer("site"));
  auto m = r.match("DELETE", "/api/v1/articles/7");
  EXPECT_TRUE(m.method_not_allowed());
  EXPECT_EQ(m.allow, "GET, HEAD, PUT");
  Response res = run(r, "DELETE", "/api/v1/articles/7");
  EXPECT_EQ(res.status, 405);
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].first, "Allow");
  EXPECT_EQ(res.headers[0].second, "GET, HEAD, PUT");
  EXPECT_EQ(run(r, "PUT", "/api/v1/articles/7").body, "put");
}

TEST(Router, GetAlsoAnswersHead) {
  Router r;
  r.add("GET", "/feed.xml", answer("feed"));
  r.add("POST", "/comments", answer("comment"));
  EXPECT_EQ(run(r, "HEAD", "/feed.xml").body, "feed");
  EXPECT_EQ(run(r, "HEAD", "/comments").status, 405);
}

TEST(Router, PrefixMiddlewareRunsBeforeTheRoutesOwnInOrder) {
  Router r;
  std::vector<std::string> order;
  auto mark = [&order](std::string name) {
    return [&order, name](Request&, Response&) {
      order.push_back(name);
      return true;
    };
  };
  r.use("/api/", mark("api"));
  r.use("/api/v1/admin/", mark("admin"));
  r.use("/other/", mark("other"));
  r.add("GET", "/api/v1/admin/users", [&order](Request&, Response&) { order.push_back("handler"); }, {},
        {mark("own1"), mark("own2")});
  run(r, "GET", "/api/v1/admin/users");
  EXPECT_EQ(order, (std::vector<std::string>{"api", "admin", "own1", "own2", "handler"}));
}

TEST(Router, MiddlewareThatAnswersStopsTheChain) {
  Router r;
  bool handler_ran = false, later_ran = false;
  r.use("/api/v1/admin/", [](Request& req, Response& res) {
    if (!req.header("Authorization").empty()) return true;
    res.status = 401;
    return false;
  });
  r.add("GET", "/api/v1/admin/users", [&](Request&, Response&) { handler_ran = true; }, {},
        {[&](Request&, Response&) {
          later_ran = true;
          return true;
        }});
  Response res = run(r, "GET", "/api/v1/admin/users");
  EXPECT_EQ(res.status, 401);
  EXPECT_FALSE(later_ran);
  EXPECT_FALSE(handler_ran);
}

TEST(Router, FastPathIsTriedOnlyForAFallbackGetOrHead) {
  Router r;
  r.add("GET", "/api/v1/ping", answer("pong"));
  r.add("POST", "/cached", answer("post"));
  int tries = 0;
  r.fast_path([&tries](const Request&, Response& res) {
    ++tries;
    res.body = "cached";
    return true;
  });
  auto attempt = [&](std::string_view method, std::string_view path) {
    Request req;
    req.method = method;
    req.path = path;
    Response res;
    return r.try_fast_path(r.match(method, path), req, res);
  };
  EXPECT_TRUE(attempt("GET", "/thoi-su/"));
  EXPECT_TRUE(attempt("HEAD", "/thoi-su/"));
  EXPECT_FALSE(attempt("POST", "/thoi-su/"));
  EXPECT_FALSE(attempt("GET", "/api/v1/ping"));
  EXPECT_FALSE(attempt("GET", "/cached"));  // 405: the pattern exists for POST only
  EXPECT_EQ(tries, 2);
}

TEST(Router, NoFallbackAnswers404) {
  Router r;
  EXPECT_EQ(run(r, "GET", "/x").status, 404);
}

}  // namespace
}  // namespace toasoan::http
