#include "admin/app_files.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace toasoan::admin {
namespace {

constexpr std::string_view kIndex =
    "<!doctype html><html lang=\"vi\"><head><script type=\"module\" crossorigin "
    "src=\"/toa-soan/assets/index-CQYL9Yrk.js\"></script></head><body><div id=\"root\"></div></body></html>";
// Long enough to be worth compressing.
const std::string kScript = "export const hello = 'xin chào';\n" + std::string(2000, ' ') + "console.log(hello);\n";

const EmbeddedFile kFiles[] = {
    {"index.html", kIndex},
    {"assets/index-CQYL9Yrk.js", kScript},
    {"assets/index-B0Vt1dJx.css", "body{margin:0}"},
};

std::string_view header(const http::Response& res, std::string_view name) {
  for (const auto& [n, v] : res.headers)
    if (n == name) return v;
  return {};
}

int count_header(const http::Response& res, std::string_view name) {
  int n = 0;
  for (const auto& h : res.headers) n += h.first == name;
  return n;
}

AppPath::Kind kind(std::string_view rest) { return classify_app_path(rest).kind; }

// The router as serve_command builds it: the app's routes beside the preview's.
struct Fixture {
  AppFiles files{kFiles};
  http::Router router;
  Fixture() {
    router.add("GET", "/toa-soan/xem-truoc/{id}", [](http::Request&, http::Response& res) { res.body = "preview"; });
    add_app_routes(router, files);
  }
  http::Response get(std::string_view target, std::vector<std::pair<std::string_view, std::string_view>> headers = {},
                     std::string_view method = "GET") const {
    http::Request req;
    req.method = method;
    req.target = target;
    auto q = target.find('?');
    req.path = target.substr(0, q);
    req.query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
    req.headers = std::move(headers);
    http::Response res;
    router.dispatch(router.match(req.method, req.path), req, res);
    return res;
  }
};

TEST(AppPath, EveryScreenOfTheAppIsIndexHtml) {
  for (std::string_view rest : {"", "bai/41", "bai/moi", "nguoi-dung", "bai/41/lich-su", "index.html", "a//b",
                                "t%C3%ACm%20ki%E1%BA%BFm", "xem-truocx", "assetsx/a.js", "bai/41?x=1"})
    EXPECT_EQ(kind(rest), AppPath::Kind::index) << rest;
}

TEST(AppPath, AssetsAreNamedAfterTheFolder) {
  auto p = classify_app_path("assets/index-CQYL9Yrk.js");
  EXPECT_EQ(p.kind, AppPath::Kind::asset);
  EXPECT_EQ(p.asset, "index-CQYL9Yrk.js");
  EXPECT_EQ(classify_app_path("assets/").asset, "");
  EXPECT_EQ(classify_app_path("assets/a%2Db.js").asset, "a-b.js");
  EXPECT_EQ(kind("assets"), AppPath::Kind::not_found);
}

TEST(AppPath, ThePreviewFolderIsNeverTheApp) {
  // /toa-soan/xem-truoc/{id} is the preview's route; what it does not take is no address.
  for (std::string_view rest : {"xem-truoc", "xem-truoc/", "xem-truoc/1/2"})
    EXPECT_EQ(kind(rest), AppPath::Kind::not_found) << rest;
}

TEST(AppPath, NoSpellingOfDotDotWalksOut) {
  for (std::string_view rest : {"..", "../etc/passwd", "bai/../../x", "assets/../index.html", "%2e%2e/x", "%2E%2E",
                                "assets/%2e%2e%2findex.html", "assets%2f..%2fx", ".", "bai/./41", "..%5cx",
                                "assets\\..\\x", "bai\\41"})
    EXPECT_EQ(kind(rest), AppPath::Kind::not_found) << rest;
  // Dots inside a name are names.
  EXPECT_EQ(kind("bai/41..html"), AppPath::Kind::index);
  EXPECT_EQ(kind("...") , AppPath::Kind::index);
}

TEST(AppPath, BadEncodingIsABadRequest) {
  for (std::string_view rest : {"%", "%2", "%zz", "bai/%G1", "%00", "a%0Ab", "a%0D%0ALocation:x", "%7F", "%FF",
                                "%C3", "%ED%A0%80", "bai\x01"})
    EXPECT_EQ(kind(rest), AppPath::Kind::bad_request) << rest;
}

TEST(AppFiles, ServesIndexHtmlForEveryScreenWithTheAppsHeaders) {
  Fixture f;
  for (std::string_view target : {"/toa-soan/", "/toa-soan/bai/41", "/toa-soan/bai/moi", "/toa-soan/nguoi-dung",
                                  "/toa-soan/?next=/bai/41"}) {
    auto res = f.get(target);
    EXPECT_EQ(res.status, 200) << target;
    EXPECT_EQ(res.payload(), kIndex) << target;
    EXPECT_EQ(res.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(header(res, "Cache-Control"), "no-cache");
    EXPECT_EQ(header(res, "Content-Security-Policy"), kAppContentSecurityPolicy);
    EXPECT_EQ(header(res, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(header(res, "Referrer-Policy"), "same-origin");
    EXPECT_EQ(header(res, "X-Robots-Tag"), "noindex");
    // The reading site's own policy is replaced, not sent beside it.
    EXPECT_EQ(count_header(res, "Content-Security-Policy"), 1);
    EXPECT_EQ(count_header(res, "Referrer-Policy"), 1);
    EXPECT_EQ(count_header(res, "X-Content-Type-Options"), 1);
    EXPECT_FALSE(header(res, "ETag").empty());
  }
}

TEST(AppFiles, ServesAssetsImmutableWithTheirTypesAndCompressed) {
  Fixture f;
  auto js = f.get("/toa-soan/assets/index-CQYL9Yrk.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(js, "Content-Encoding"), "br");
  EXPECT_LT(js.payload().size(), kScript.size());
  EXPECT_EQ(header(js, "Content-Security-Policy"), kAppContentSecurityPolicy);
  EXPECT_EQ(header(js, "X-Robots-Tag"), "noindex");

  auto plain = f.get("/toa-soan/assets/index-CQYL9Yrk.js");
  EXPECT_EQ(plain.payload(), kScript);
  EXPECT_EQ(header(plain, "Content-Encoding"), "");

  auto css = f.get("/toa-soan/assets/index-B0Vt1dJx.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  EXPECT_EQ(css.payload(), "body{margin:0}");
}

TEST(AppFiles, AnswersNotModifiedToItsETag) {
  Fixture f;
  auto first = f.get("/toa-soan/assets/index-CQYL9Yrk.js");
  std::string etag(header(first, "ETag"));
  auto again = f.get("/toa-soan/assets/index-CQYL9Yrk.js", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  auto index = f.get("/toa-soan/bai/41");
  std::string index_etag(header(index, "ETag"));
  EXPECT_EQ(f.get("/toa-soan/", {{"If-None-Match", index_etag}}).status, 304);
}

TEST(AppFiles, UnknownAssetsAndWalksAre404AndBadBytes400) {
  Fixture f;
  for (std::string_view target : {"/toa-soan/assets/", "/toa-soan/assets/nope.js", "/toa-soan/assets/index.html",
                                  "/toa-soan/assets/index-cqyl9yrk.js", "/toa-soan/assets", "/toa-soan/../x",
                                  "/toa-soan/%2e%2e/index.html", "/toa-soan/xem-truoc/", "/toa-soan/xem-truoc/1/2"}) {
    auto res = f.get(target);
    EXPECT_EQ(res.status, 404) << target;
    EXPECT_EQ(header(res, "Content-Security-Policy"), kAppContentSecurityPolicy) << target;
  }
  EXPECT_EQ(f.get("/toa-soan/bai%ZZ").status, 400);
  EXPECT_EQ(f.get("/toa-soan/%FF").status, 400);
}

TEST(AppFiles, ThePreviewKeepsItsRoute) {
  Fixture f;
  EXPECT_EQ(f.get("/toa-soan/xem-truoc/1").body, "preview");
  EXPECT_EQ(f.get("/toa-soan/xem-truoc/41?revision=3").body, "preview");
}

TEST(AppFiles, TheBareFolderMovesToItsSlash) {
  Fixture f;
  auto res = f.get("/toa-soan");
  EXPECT_EQ(res.status, 301);
  EXPECT_EQ(header(res, "Location"), "/toa-soan/");
  EXPECT_EQ(header(f.get("/toa-soan?u=1"), "Location"), "/toa-soan/?u=1");
}

TEST(AppFiles, OnlyGetAndHead) {
  Fixture f;
  EXPECT_EQ(f.get("/toa-soan/bai/41", {}, "HEAD").status, 200);
  auto post = f.get("/toa-soan/bai/41", {}, "POST");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(header(post, "Allow"), "GET, HEAD");
}

}  // namespace
}  // namespace toasoan::admin
