#include "site/routes.hpp"

#include <gtest/gtest.h>

#include "articles/reserved_slugs.hpp"

namespace toasoan::site {
namespace {

TEST(ParseRoute, ReadsTheModelArticlesUrl) {
  auto r = parse_route(
      "/thoi-su/trien-khai-thuc-hien-nghi-quyet-hoi-nghi-lan-thu-sau-bch-tw-dang-khoa-xiii-bao-dam-thuc-chat-hieu-qua-12.html");
  EXPECT_EQ(r.kind, Route::Kind::article);
  EXPECT_EQ(r.category_slug, "thoi-su");
  EXPECT_EQ(r.title_slug, "trien-khai-thuc-hien-nghi-quyet-hoi-nghi-lan-thu-sau-bch-tw-dang-khoa-xiii-bao-dam-thuc-chat-hieu-qua");
  EXPECT_EQ(r.id, 12);
}

TEST(ParseRoute, AcceptsAnArticleUrlWithoutTitleSlug) {
  auto r = parse_route("/thoi-su/12.html");
  EXPECT_EQ(r.kind, Route::Kind::article);
  EXPECT_EQ(r.id, 12);
  EXPECT_EQ(r.title_slug, "");
}

TEST(ParseRoute, ClassifiesEveryKind) {
  EXPECT_EQ(parse_route("/").kind, Route::Kind::home);
  EXPECT_EQ(parse_route("/kinh-te/").kind, Route::Kind::category);
  EXPECT_EQ(parse_route("/kinh-te/").category_slug, "kinh-te");
  EXPECT_EQ(parse_route("/static/site.abc.css").rest, "site.abc.css");
  EXPECT_EQ(parse_route("/media/sample/photo-1.svg").rest, "sample/photo-1.svg");
  EXPECT_EQ(parse_route("/api/v1/articles").rest, "articles");
  EXPECT_EQ(parse_route("/api/v1/articles").kind, Route::Kind::api);
}

TEST(ParseRoute, ReadsFeedsSitemapsAndRobots) {
  EXPECT_EQ(parse_route("/rss/").kind, Route::Kind::feeds);
  auto feed = parse_route("/rss/tin-moi-nhat.rss");
  EXPECT_EQ(feed.kind, Route::Kind::feed);
  EXPECT_EQ(feed.rest, "tin-moi-nhat");
  EXPECT_EQ(parse_route("/rss/.rss").kind, Route::Kind::not_found);
  EXPECT_EQ(parse_route("/rss/../x.rss").kind, Route::Kind::not_found);
  EXPECT_EQ(parse_route("/sitemap.xml").kind, Route::Kind::sitemap);
  EXPECT_EQ(parse_route("/sitemap-articles-2017-05.xml").rest, "sitemap-articles-2017-05.xml");
  EXPECT_EQ(parse_route("/robots.txt").kind, Route::Kind::robots);
  EXPECT_EQ(parse_route("/tim-kiem").kind, Route::Kind::search);
}

TEST(ParseRoute, RefusesWhatIsNotOurs) {
  for (const char* p : {"", "/kinh-te", "/Kinh-Te/", "/kinh te/", "/a/b", "/a/b-0.html", "/a/b-01.html",
                        "/a/b-x.html", "/a/b-99999999999999999999.html", "/a/b-.html", "/../etc/passwd",
                        "/a/b/c.html", "/wp-login.php"}) {
    EXPECT_EQ(parse_route(p).kind, Route::Kind::not_found) << p;
  }
}

// Every first segment the router answers itself must be kept from categories, or a category
// of that name would be linked from every menu and answer 404.
TEST(ParseRoute, EveryPrefixTheSiteAnswersIsAReservedSlug) {
  for (const char* p : {"/static/app.css", "/media/a.jpg", "/api/v1/articles", "/rss/", "/rss/tin-moi-nhat.rss",
                        "/tim-kiem", "/robots.txt", "/sitemap.xml", "/sitemap-articles-1950-1-1.xml"}) {
    auto r = parse_route(p);
    ASSERT_NE(r.kind, Route::Kind::not_found) << p;
    ASSERT_NE(r.kind, Route::Kind::category) << p;
    std::string_view first = std::string_view(p).substr(1);
    first = first.substr(0, first.find('/'));
    if (first.starts_with("sitemap")) first = first.find('-') == std::string_view::npos ? first : "sitemap";
    EXPECT_TRUE(articles::is_reserved_slug(first)) << first;
  }
}

TEST(ParseRoute, AReservedSlugIsNeverACategory) {
  for (auto slug : articles::kReservedSlugs) {
    const std::string path = "/" + std::string(slug) + "/";
    EXPECT_NE(parse_route(path).kind, Route::Kind::category) << path;
    EXPECT_NE(parse_route(path + "tin-1.html").kind, Route::Kind::article) << path;
  }
}

TEST(ArticlePath, IsTheInverseOfParseRoute) {
  auto p = article_path("thoi-su", "tin-moi", 42);
  EXPECT_EQ(p, "/thoi-su/tin-moi-42.html");
  auto r = parse_route(p);
  EXPECT_EQ(r.id, 42);
  EXPECT_EQ(r.title_slug, "tin-moi");
  EXPECT_EQ(category_path("the-thao"), "/the-thao/");
}

}  // namespace
}  // namespace toasoan::site
