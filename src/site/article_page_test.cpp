#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "site/pages.hpp"
#include "site/site.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {
namespace {

constexpr std::int64_t kNow = 1700000000;  // Wed, 15/11/2023 05:13 in Vietnam

articles::Article sample_article() {
  articles::Article a;
  a.id = 42;
  a.title = "Hội nghị tổng kết năm";
  a.slug = "hoi-nghi-tong-ket-nam";
  a.lead = "Sapo của bài.";
  articles::Block p;
  p.text = "Đoạn một.";
  a.blocks = {p};
  a.category_id = 1;
  a.category_name = "Thời sự";
  a.category_slug = "thoi-su";
  a.published_at = kNow - 86400;
  a.updated_at = kNow - 86400;
  return a;
}

struct Pages : ::testing::Test {
  std::vector<articles::Category> categories{{1, "Thời sự", "thoi-su", 1}};
  Assets assets;
  SiteInfo site;
  Pages() {
    site.name = "Báo Đồi Mây";
    site.public_url = "https://baodoimay.vn";
    site.categories = &categories;
    site.assets = &assets;
    site.now = kNow;
  }
  std::string page(const articles::Article& a, bool preview = false) {
    ArticlePageData d;
    d.article = &a;
    return preview ? article_preview_page(site, d) : article_page(site, d);
  }
};

// The JSON-LD scripts of a page, parsed as a search engine reads them.
std::vector<nlohmann::json> structured_data(const std::string& html) {
  std::vector<nlohmann::json> out;
  const std::string open = "<script type=\"application/ld+json\">";
  for (auto at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    auto from = at + open.size();
    out.push_back(nlohmann::json::parse(html.substr(from, html.find("</script>", from) - from)));
  }
  return out;
}

TEST_F(Pages, TheStructuredDataCarriesTheTitleAndBylineAsWrittenAndNothingInThemEndsTheScript) {
  auto a = sample_article();
  a.title = "Giá \"điện\" tăng\\giảm </script><script>alert(1)</script> & hơn\tthế";
  a.authors = {"Huy Thành", "Mạnh \"Hùng\""};
  a.comment_count = 7;
  const std::string html = page(a);
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  auto docs = structured_data(html);
  ASSERT_EQ(docs.size(), 2u);
  const auto& article = docs[0];
  EXPECT_EQ(article["@type"], "NewsArticle");
  EXPECT_EQ(article["headline"], a.title);
  EXPECT_EQ(article["description"], a.lead);
  ASSERT_EQ(article["author"].size(), 2u);
  EXPECT_EQ(article["author"][1]["name"], "Mạnh \"Hùng\"");
  EXPECT_EQ(article["commentCount"], 7);
  EXPECT_EQ(article["publisher"]["name"], "Báo Đồi Mây");
  EXPECT_EQ(article["mainEntityOfPage"]["@id"], "https://baodoimay.vn/thoi-su/hoi-nghi-tong-ket-nam-42.html");
  const auto& crumbs = docs[1]["itemListElement"];
  ASSERT_EQ(crumbs.size(), 3u);
  EXPECT_EQ(crumbs[1]["name"], "Thời sự");
  EXPECT_EQ(crumbs[2]["name"], a.title);
  EXPECT_EQ(crumbs[2]["position"], 3);
}

TEST_F(Pages, ACorrectionShowsAfterTheBodyWithItsTimeAndEscapedNote) {
  articles::Article a = sample_article();
  a.correction_note = "Bài viết trước đã ghi nhầm tên <b>ông A</b> & chức vụ.";
  a.corrected_at = kNow - 3600;  // 04:13, 15/11/2023 in Vietnam
  std::string html = page(a);
  auto body = html.find("<div class=\"body\">");
  auto box = html.find("<h2 id=\"dinh-chinh\">Đính chính</h2>");
  ASSERT_NE(box, std::string::npos) << html;
  EXPECT_GT(box, body);
  EXPECT_NE(html.find(text::format_vi_datetime(a.corrected_at), box), std::string::npos);
  EXPECT_NE(html.find("Thứ Tư, 15/11/2023 04:13"), std::string::npos);
  EXPECT_NE(html.find("ghi nhầm tên &lt;b&gt;ông A&lt;/b&gt; &amp; chức vụ."), std::string::npos);
  EXPECT_EQ(html.find("<b>ông A"), std::string::npos);
  // Search engines learn the article changed when it was corrected.
  EXPECT_NE(html.find("\"dateModified\":\"" + text::format_iso8601_vn(a.corrected_at) + "\""), std::string::npos);
}

TEST_F(Pages, AnArticleWithoutACorrectionShowsNoBox) {
  articles::Article a = sample_article();
  std::string html = page(a);
  EXPECT_EQ(html.find("Đính chính"), std::string::npos);
  EXPECT_NE(html.find("\"dateModified\":\"" + text::format_iso8601_vn(a.updated_at) + "\""), std::string::npos);
}

TEST_F(Pages, ThePreviewIsTheReadersPageWithABannerAndNoindex) {
  articles::Article a = sample_article();
  a.status = articles::Status::unpublished;
  std::string preview = page(a, true);
  EXPECT_NE(preview.find("Bản xem trước — chưa xuất bản"), std::string::npos);
  EXPECT_NE(preview.find("<meta name=\"robots\" content=\"noindex\">"), std::string::npos);
  EXPECT_EQ(preview.find("rel=\"canonical\""), std::string::npos);
  EXPECT_EQ(preview.find("baodoimay.vn/thoi-su/hoi-nghi"), std::string::npos);  // no og:url, no JSON-LD address
  EXPECT_NE(preview.find("<h1>Hội nghị tổng kết năm</h1>"), std::string::npos);
  EXPECT_NE(preview.find("<p>Đoạn một.</p>"), std::string::npos);
  // The reader's page has neither banner nor noindex.
  std::string live = page(sample_article());
  EXPECT_EQ(live.find("Bản xem trước"), std::string::npos);
  EXPECT_EQ(live.find("noindex"), std::string::npos);
}

TEST_F(Pages, ThePreviewOfALiveArticleKeepsItsCanonicalAddress) {
  std::string preview = page(sample_article(), true);
  EXPECT_NE(preview.find("Bản xem trước"), std::string::npos);
  EXPECT_NE(preview.find("noindex"), std::string::npos);
  EXPECT_NE(preview.find("<link rel=\"canonical\" href=\"https://baodoimay.vn/thoi-su/hoi-nghi-tong-ket-nam-42.html\">"),
            std::string::npos);
}

TEST_F(Pages, ADraftWithNoSlugAndNoTimePreviewsWithTodaysTime) {
  articles::Article a = sample_article();
  a.status = articles::Status::unpublished;
  a.slug.clear();
  a.published_at = 0;
  a.updated_at = 0;
  std::string preview = page(a, true);
  EXPECT_NE(preview.find("Bản xem trước — chưa xuất bản"), std::string::npos);
  EXPECT_NE(preview.find("<time datetime=\"" + text::format_iso8601_vn(kNow) + "\">"), std::string::npos);
  EXPECT_EQ(preview.find("1970"), std::string::npos);
  EXPECT_EQ(preview.find("rel=\"canonical\""), std::string::npos);
}

// The store with one article in it, whatever its status; every list empty.
class OneArticle : public store::Reading, public store::SearchIndex {
 public:
  std::map<std::int64_t, articles::Article> articles_by_id;
  Result<std::vector<articles::Summary>> latest(const store::ListQuery&) override { return std::vector<articles::Summary>(); }
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
  Result<std::optional<articles::Article>> article(std::int64_t id) override {
    auto it = articles_by_id.find(id);
    if (it == articles_by_id.end()) return std::optional<articles::Article>();
    return std::optional<articles::Article>(it->second);
  }
  Result<std::vector<articles::Article>> articles(std::span<const std::int64_t>) override {
    return std::vector<articles::Article>();
  }
  Result<std::vector<articles::Category>> categories() override {
    return std::vector<articles::Category>{{1, "Thời sự", "thoi-su", 1}};
  }
  Result<bool> empty() override { return articles_by_id.empty(); }
  Result<store::FullTextAnswer> full_text(const store::FullTextQuery&) override { return store::FullTextAnswer(); }
  Status reindex() override { return ok_status(); }
  Status optimize() override { return ok_status(); }
};

struct Answered {
  int status = 0;
  std::string body;
  std::string cache_control;
};

Answered get(Site& site, std::string_view path) {
  http::Request req;
  req.method = "GET";
  req.target = path;
  req.path = path;
  http::Response res;
  if (!site.answer_cached(req, res)) site.handle(req, res);
  Answered a{res.status, res.shared_body ? *res.shared_body : res.body, ""};
  for (const auto& [name, value] : res.headers)
    if (name == "Cache-Control") a.cache_control = value;
  return a;
}

struct Gone : ::testing::Test {
  OneArticle store;
  std::unique_ptr<Site> site;
  Gone() {
    SiteConfig config;
    config.clock = [] { return kNow; };
    site = std::make_unique<Site>(store, store, config);
  }
};

TEST_F(Gone, ATakenDownArticleAnswers410WithAVietnamesePage) {
  articles::Article a = sample_article();
  a.status = articles::Status::unpublished;
  store.articles_by_id[a.id] = a;
  auto r = get(*site, "/thoi-su/hoi-nghi-tong-ket-nam-42.html");
  EXPECT_EQ(r.status, 410);
  EXPECT_NE(r.body.find("Bài viết đã được gỡ"), std::string::npos);
  EXPECT_NE(r.body.find("Bài viết này không còn trên báo."), std::string::npos);
  EXPECT_NE(r.body.find("<a href=\"/\">Về trang chủ</a>"), std::string::npos);
  EXPECT_NE(r.body.find("<meta name=\"robots\" content=\"noindex\">"), std::string::npos);
  EXPECT_NE(r.body.find("<nav class=\"sections\""), std::string::npos);  // the site's layout
  EXPECT_EQ(r.body.find("Hội nghị tổng kết năm"), std::string::npos);   // nothing of the article
  EXPECT_EQ(r.cache_control, "no-store");
  // Restored: the next request shows the article, not a kept 410.
  store.articles_by_id[a.id].status = articles::Status::published;
  EXPECT_EQ(get(*site, "/thoi-su/hoi-nghi-tong-ket-nam-42.html").status, 200);
}

TEST_F(Gone, ADraftNeverPublishedStaysNotFound) {
  articles::Article a = sample_article();
  a.status = articles::Status::unpublished;
  a.slug.clear();
  store.articles_by_id[a.id] = a;
  auto r = get(*site, "/thoi-su/hoi-nghi-tong-ket-nam-42.html");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body.find("đã được gỡ"), std::string::npos);
  EXPECT_EQ(get(*site, "/thoi-su/khong-co-7.html").status, 404);
}

TEST_F(Gone, SitePreviewRendersADraftWithoutTouchingTheCache) {
  articles::Article a = sample_article();
  a.status = articles::Status::unpublished;
  a.slug.clear();
  a.published_at = 0;
  std::string html = site->preview(a);
  EXPECT_NE(html.find("Bản xem trước — chưa xuất bản"), std::string::npos);
  EXPECT_NE(html.find("<h1>Hội nghị tổng kết năm</h1>"), std::string::npos);
  EXPECT_NE(html.find("noindex"), std::string::npos);
  EXPECT_EQ(site->cache_stats().entries, 0u);
}

}  // namespace
}  // namespace toasoan::site
