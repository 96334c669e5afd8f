// Readers' comments through the Site: on the article page, in the list API and in the lists'
// counts, and what a `comment` change purges from the page cache. The comments area is a fake
// implementing store/comments.hpp.
#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "site/site.hpp"

namespace toasoan::site {
namespace {

constexpr std::int64_t kNow = 1700000000;

articles::Article article(std::int64_t id, std::string slug) {
  articles::Article a;
  a.id = id;
  a.title = "Bài " + std::to_string(id);
  a.slug = std::move(slug);
  a.lead = "Sapo.";
  a.category_id = 1;
  a.category_name = "Thời sự";
  a.category_slug = "thoi-su";
  a.published_at = kNow - 86400;
  a.updated_at = kNow - 86400;
  return a;
}

// Two articles; "Tin mới" lists both with their comment counts.
class Newspaper : public store::Reading, public store::SearchIndex {
 public:
  std::map<std::int64_t, articles::Article> by_id;
  Result<std::vector<articles::Summary>> latest(const store::ListQuery&) override {
    std::vector<articles::Summary> out;
    for (const auto& [id, a] : by_id) {
      articles::Summary s{a.id, a.title, a.slug, a.lead, a.category_name, a.category_slug, a.published_at, "", 0, 0};
      s.comment_count = a.comment_count;
      out.push_back(s);
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
  Result<std::int64_t> count_published(std::optional<std::int64_t>, std::int64_t) override {
    return static_cast<std::int64_t>(by_id.size());
  }
  Result<std::optional<std::int64_t>> next_publication(std::int64_t) override { return std::optional<std::int64_t>(); }
  Result<std::optional<articles::Article>> article(std::int64_t id) override {
    auto it = by_id.find(id);
    if (it == by_id.end()) return std::optional<articles::Article>();
    return std::optional<articles::Article>(it->second);
  }
  Result<std::vector<articles::Article>> articles(std::span<const std::int64_t>) override {
    return std::vector<articles::Article>();
  }
  Result<std::vector<articles::Category>> categories() override {
    return std::vector<articles::Category>{{1, "Thời sự", "thoi-su", 1}};
  }
  Result<bool> empty() override { return by_id.empty(); }
  Result<store::FullTextAnswer> full_text(const store::FullTextQuery&) override { return store::FullTextAnswer(); }
  Status reindex() override { return ok_status(); }
  Status optimize() override { return ok_status(); }
};

// The comments area: shown() answers from `threads` by article and counts its calls; the rest
// is the write side's and is never called here.
class FakeComments : public store::Comments {
 public:
  std::map<std::int64_t, std::vector<store::CommentThread>> threads;
  int shown_calls = 0;
  struct Asked {
    store::CommentOrder order;
    int limit, offset;
  };
  std::vector<Asked> asked;

  Result<store::CommentPage> shown(std::int64_t article_id, store::CommentOrder order, int limit, int offset) override {
    ++shown_calls;
    asked.push_back({order, limit, offset});
    store::CommentPage p;
    const auto& all = threads[article_id];
    p.total_threads = static_cast<std::int64_t>(all.size());
    for (const auto& t : all) p.total += 1 + static_cast<std::int64_t>(t.replies.size());
    for (int i = offset; i < static_cast<int>(all.size()) && i < offset + limit; ++i) p.threads.push_back(all[i]);
    return p;
  }
  Result<std::vector<store::Posted>> post(const std::vector<store::NewComment>&, const store::PostLimits&,
                                          std::int64_t) override {
    return unused<std::vector<store::Posted>>();
  }
  Result<std::optional<store::Comment>> comment(std::int64_t) override { return unused<std::optional<store::Comment>>(); }
  Result<std::optional<store::Comment>> comment(store::UnitOfWork&, std::int64_t) override {
    return unused<std::optional<store::Comment>>();
  }
  Result<std::pair<std::vector<store::Comment>, std::int64_t>> list(const store::CommentQuery&) override {
    return unused<std::pair<std::vector<store::Comment>, std::int64_t>>();
  }
  Status set_status(store::UnitOfWork&, std::int64_t, store::CommentStatus, std::int64_t, std::int64_t) override {
    return unused<Done>();
  }
  Status set_pinned(store::UnitOfWork&, std::int64_t, bool) override { return unused<Done>(); }
  Status edit(store::UnitOfWork&, std::int64_t, std::string_view) override { return unused<Done>(); }
  Result<std::int64_t> reply(store::UnitOfWork&, const store::NewComment&, std::int64_t) override {
    return unused<std::int64_t>();
  }
  Result<bool> like(std::int64_t, std::string_view) override { return unused<bool>(); }
  Result<bool> report(std::int64_t, std::string_view, int) override { return unused<bool>(); }
  Status set_closed(store::UnitOfWork&, std::int64_t, bool) override { return unused<Done>(); }
  Result<bool> closed(std::int64_t) override { return unused<bool>(); }
  Result<store::Ban> ban(store::UnitOfWork&, const store::Ban&) override { return unused<store::Ban>(); }
  Status lift_ban(store::UnitOfWork&, std::int64_t) override { return unused<Done>(); }
  Result<std::vector<store::Ban>> bans(std::int64_t) override { return unused<std::vector<store::Ban>>(); }
  Result<std::int64_t> erase_personal(std::int64_t) override { return unused<std::int64_t>(); }
  Result<std::int64_t> erase_reader(store::UnitOfWork&, std::string_view) override { return unused<std::int64_t>(); }

 private:
  template <class T>
  Result<T> unused() {
    ADD_FAILURE() << "the reading site only reads shown comments";
    return Error{ErrorKind::internal, "unused"};
  }
};

store::Comment comment(std::int64_t id, std::int64_t article_id, std::string name, std::string content) {
  store::Comment c;
  c.id = id;
  c.article_id = article_id;
  c.name = std::move(name);
  c.content = std::move(content);
  c.status = store::CommentStatus::approved;
  c.likes = 2;
  c.created_at = kNow - 600;
  return c;
}

struct Answered {
  int status = 0;
  std::string body;
  std::string cache_control;
};

struct Comments : ::testing::Test {
  Newspaper store;
  FakeComments comments;
  std::unique_ptr<Site> site;
  const std::string first = "/thoi-su/mot-41.html";
  const std::string second = "/thoi-su/hai-42.html";

  Comments() {
    store.by_id[41] = article(41, "mot");
    store.by_id[42] = article(42, "hai");
    SiteConfig config;
    config.public_url = "https://baodoimay.vn";
    config.clock = [] { return kNow; };
    site = std::make_unique<Site>(store, store, config, &comments);
  }

  Answered get(std::string_view target) {
    http::Request req;
    req.method = "GET";
    req.target = target;
    auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string_view::npos) req.query = target.substr(q + 1);
    http::Response res;
    if (!site->answer_cached(req, res)) site->handle(req, res);
    Answered a{res.status, res.shared_body ? *res.shared_body : res.body, ""};
    for (const auto& [name, value] : res.headers)
      if (name == "Cache-Control") a.cache_control = value;
    return a;
  }
  void apply(std::string topic, std::string key) { site->apply({{.seq = 1, .topic = std::move(topic), .key = std::move(key)}}); }
};

TEST_F(Comments, TheArticlePageShowsItsApprovedThreadsNewestFirstWithTheCount) {
  store::CommentThread t{comment(7, 41, "Minh Anh", "Bài viết rất hay."), {comment(8, 41, "Tòa soạn", "Cảm ơn bạn.")}};
  t.replies[0].parent_id = 7;
  t.replies[0].newsroom = true;
  comments.threads[41] = {t};
  store.by_id[41].comment_count = 2;  // as every approval keeps it
  auto r = get(first);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("BÌNH LUẬN (2)"), std::string::npos);
  EXPECT_NE(r.body.find("Bài viết rất hay."), std::string::npos);
  EXPECT_NE(r.body.find("<span class=\"mark\">Tòa soạn</span>"), std::string::npos);
  ASSERT_EQ(comments.asked.size(), 1u);
  EXPECT_EQ(comments.asked[0].order, store::CommentOrder::newest);
  EXPECT_EQ(comments.asked[0].limit, 20);
  EXPECT_EQ(comments.asked[0].offset, 0);
}

TEST_F(Comments, AnArticleWithoutApprovedCommentsShowsTheEmptyBoxWithoutAskingForThem) {
  ASSERT_EQ(store.by_id[41].comment_count, 0);
  auto r = get(first);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<ol class=\"comment-list\"></ol>"), std::string::npos);
  EXPECT_NE(r.body.find("<form class=\"comment-form\""), std::string::npos);
  EXPECT_TRUE(comments.asked.empty());
}

TEST_F(Comments, WithoutACommentsAreaEveryArticleHasNoneYet) {
  SiteConfig config;
  config.clock = [] { return kNow; };
  Site bare(store, store, config);
  http::Request req;
  req.method = "GET";
  req.target = req.path = first;
  http::Response res;
  if (!bare.answer_cached(req, res)) bare.handle(req, res);
  ASSERT_EQ(res.status, 200);
  std::string body = res.shared_body ? *res.shared_body : res.body;
  EXPECT_NE(body.find("<h2 id=\"binh-luan\">BÌNH LUẬN</h2>"), std::string::npos);
  EXPECT_NE(body.find("<ol class=\"comment-list\"></ol>"), std::string::npos);
}

TEST_F(Comments, ClosedCommentsShowTheLineAndNoForm) {
  store.by_id[41].comments_closed = true;
  auto r = get(first);
  EXPECT_NE(r.body.find("Bình luận đã đóng cho bài viết này."), std::string::npos);
  EXPECT_EQ(r.body.find("<form class=\"comment-form\""), std::string::npos);
}

TEST_F(Comments, TheCountIsInTheArticlesJsonLd) {
  store.by_id[41].comment_count = 12;
  auto r = get(first);
  auto ld = r.body.find("\"@type\":\"NewsArticle\"");
  ASSERT_NE(ld, std::string::npos);
  EXPECT_NE(r.body.find("\"commentCount\":12", r.body.rfind("<script type=\"application/ld+json\">", ld)),
            std::string::npos);
}

TEST_F(Comments, AKnownNoticeIsItsOwnCachedPageAndAnyOtherValueIsThePageWithout) {
  auto plain = get(first);
  auto sent = get(first + "?binh-luan=da-gui");
  EXPECT_NE(sent.body.find("Cảm ơn bạn! Bình luận đang chờ duyệt."), std::string::npos);
  EXPECT_EQ(plain.body.find("Cảm ơn bạn!"), std::string::npos);
  auto entries = site->cache_stats().entries;
  for (std::string junk : {"?binh-luan=xyz", "?binh-luan=loi-%3Cscript%3E", "?binh-luan=", "?binh-luan=da-gui2&r=1"}) {
    auto r = get(first + junk);
    EXPECT_EQ(r.status, 200) << junk;
    EXPECT_EQ(r.body, plain.body) << junk;
  }
  EXPECT_EQ(site->cache_stats().entries, entries) << "unknown values make no entry";
  auto limited = get(first + "?binh-luan=loi-rate_limited");
  EXPECT_NE(limited.body.find("Bạn gửi bình luận nhanh quá."), std::string::npos);
  // Decoded, as the route reads it: the same entry.
  EXPECT_EQ(get(first + "?binh-luan=da%2Dgui").body, sent.body);
  EXPECT_EQ(site->cache_stats().entries, entries + 1);
}

TEST_F(Comments, TheListApiGivesThreadsWithRepliesAndNoPersonalData) {
  auto c = comment(7, 41, "Minh Anh", "Hay <b>lắm</b>");
  c.email = "minh@example.vn";
  c.address = "203.0.113.9";
  auto reply = comment(8, 41, "Bình", "Đồng ý.");
  reply.parent_id = 7;
  comments.threads[41] = {{c, {reply}}};
  auto r = get("/api/v1/articles/41/comments");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.cache_control, "no-store");
  EXPECT_EQ(r.body.find("minh@example.vn"), std::string::npos);
  EXPECT_EQ(r.body.find("203.0.113.9"), std::string::npos);
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["total_threads"], 1);
  EXPECT_EQ(j["page"], 1);
  EXPECT_EQ(j["closed"], false);
  ASSERT_EQ(j["comments"].size(), 1u);
  EXPECT_EQ(j["comments"][0]["content"], "Hay <b>lắm</b>") << "the text as written; the browser sets it as text";
  EXPECT_EQ(j["comments"][0]["replies"][0]["id"], 8);
  EXPECT_EQ(j["comments"][0]["replies"][0]["parent_id"], 7);
}

TEST_F(Comments, TheListApiReadsSortAndPage) {
  std::vector<store::CommentThread> many;
  for (int i = 0; i < 25; ++i) many.push_back({comment(100 + i, 42, "Bạn đọc", "Ý kiến số " + std::to_string(i)), {}});
  comments.threads[42] = many;
  auto r = get("/api/v1/articles/42/comments?sort=liked&page=2");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["comments"].size(), 5u);
  ASSERT_FALSE(comments.asked.empty());
  EXPECT_EQ(comments.asked.back().order, store::CommentOrder::most_liked);
  EXPECT_EQ(comments.asked.back().offset, 20);
  EXPECT_EQ(get("/api/v1/articles/42/comments?page=3").status, 404);
  EXPECT_EQ(get("/api/v1/articles/42/comments?sort=oldest").status, 400);
  EXPECT_EQ(get("/api/v1/articles/42/comments?page=0").status, 400);
  EXPECT_EQ(get("/api/v1/articles/41/comments").status, 200) << "page 1 of none is an empty list";
}

TEST_F(Comments, TheListApiIs404ForAnUnknownOrUnpublishedArticle) {
  EXPECT_EQ(get("/api/v1/articles/99/comments").status, 404);
  EXPECT_EQ(get("/api/v1/articles/abc/comments").status, 404);
  store.by_id[42].status = articles::Status::unpublished;
  auto r = get("/api/v1/articles/42/comments");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "not_found");
  store.by_id[42].status = articles::Status::published;
  store.by_id[42].published_at = kNow + 3600;  // scheduled, not out yet
  EXPECT_EQ(get("/api/v1/articles/42/comments").status, 404);
}

TEST_F(Comments, ArticleObjectsOfTheApiCarryTheirCommentCount) {
  store.by_id[41].comment_count = 3;
  auto one = nlohmann::json::parse(get("/api/v1/articles/41").body);
  EXPECT_EQ(one["comment_count"], 3);
  auto list = nlohmann::json::parse(get("/api/v1/articles").body);
  ASSERT_EQ(list["articles"].size(), 2u);
  for (const auto& a : list["articles"]) EXPECT_EQ(a["comment_count"], a["id"] == 41 ? 3 : 0);
}

TEST_F(Comments, ListsLinkTheCountToTheCommentsOnlyWhenThereAreAny) {
  store.by_id[41].comment_count = 12;
  auto home = get("/");
  EXPECT_NE(home.body.find("<a class=\"comment-count\" href=\"/thoi-su/mot-41.html#binh-luan\">12 bình luận</a>"),
            std::string::npos);
  EXPECT_EQ(home.body.find("hai-42.html#binh-luan"), std::string::npos) << "none for an article with none";
  EXPECT_NE(get("/thoi-su/").body.find("mot-41.html#binh-luan\">12 bình luận"), std::string::npos);
  // "Tin mới" beside another article names it without a count: an approval must not empty
  // every article page (cache_tags.hpp, comments:<id>).
  auto beside = get(second).body;
  EXPECT_NE(beside.find("mot-41.html\""), std::string::npos);
  EXPECT_EQ(beside.find("mot-41.html#binh-luan"), std::string::npos);
}

TEST_F(Comments, AnApprovedCommentPurgesWhatShowsItsArticleAndNothingElse) {
  comments.threads[41] = {{comment(7, 41, "An", "Ý kiến đầu tiên."), {}}};
  store.by_id[41].comment_count = 1;
  get(first);
  get("/api/v1/articles/41/comments");
  get(second);
  get("/api/v1/categories");
  const int rendered = comments.shown_calls;  // the article pages and the list
  get(first);
  get("/api/v1/articles/41/comments");
  EXPECT_EQ(comments.shown_calls, rendered) << "served from the cache";

  comments.threads[41].push_back({comment(9, 41, "Bình", "Ý kiến thứ hai mới duyệt."), {}});
  store.by_id[41].comment_count = 2;
  auto before = site->cache_stats().purged;
  apply(store::topic::comment, "41:9");
  auto page = get(first);
  EXPECT_NE(page.body.find("Ý kiến thứ hai mới duyệt."), std::string::npos) << "the page shows the approval";
  EXPECT_EQ(nlohmann::json::parse(get("/api/v1/articles/41/comments").body)["total"], 2);
  // The other article's page names the first in "Tin mới", without its count: it stayed, as
  // did the categories, which name no article.
  auto hits = site->cache_stats().hits;
  get(second);
  get("/api/v1/categories");
  EXPECT_EQ(site->cache_stats().hits, hits + 2) << "the other article's page and the category list stayed cached";
  EXPECT_GE(site->cache_stats().purged, before + 2);
}

TEST_F(Comments, ACommentOnOneArticleLeavesAnUnrelatedArticlesCommentsCached) {
  get("/api/v1/articles/42/comments");
  const int rendered = comments.shown_calls;
  apply(store::topic::comment, "41:9");
  get("/api/v1/articles/42/comments");
  EXPECT_EQ(comments.shown_calls, rendered);
}

TEST_F(Comments, TheModerationQueuePurgesNothing) {
  get(first);
  get("/api/v1/articles/41/comments");
  auto entries = site->cache_stats().entries;
  apply(store::topic::comment_queue, "41");
  EXPECT_EQ(site->cache_stats().entries, entries);
}

}  // namespace
}  // namespace toasoan::site
