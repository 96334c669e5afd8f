#include "site/comments_view.hpp"

#include <gtest/gtest.h>

#include "site/pages.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {
namespace {

using namespace render::literals;

constexpr std::int64_t kNow = 1700000000;  // Wed, 15/11/2023 05:13 in Vietnam

store::Comment comment(std::int64_t id, std::string name, std::string content) {
  store::Comment c;
  c.id = id;
  c.article_id = 42;
  c.name = std::move(name);
  c.content = std::move(content);
  c.status = store::CommentStatus::approved;
  c.created_at = kNow - 300;
  return c;
}

std::string render(const CommentSection& s) {
  render::Html h;
  comment_section(h, s);
  return h.take();
}

CommentSection section_with(std::vector<store::CommentThread> threads) {
  CommentSection s;
  s.article_id = 42;
  s.threads = std::move(threads);
  s.total_threads = static_cast<std::int64_t>(s.threads.size());
  for (const auto& t : s.threads) s.total += 1 + static_cast<std::int64_t>(t.replies.size());
  return s;
}

std::size_t at(const std::string& html, std::string_view what) {
  auto i = html.find(what);
  EXPECT_NE(i, std::string::npos) << what << " in " << html;
  return i;
}

TEST(CommentsView, TheHeadingCountsEveryShownCommentRepliesIncluded) {
  store::CommentThread t{comment(1, "An", "Bài viết hay quá."), {comment(2, "Bình", "Đồng ý với bạn.")}};
  std::string html = render(section_with({t}));
  at(html, "<h2 id=\"binh-luan\">BÌNH LUẬN (2)</h2>");
}

TEST(CommentsView, WithNoCommentsTheHeadingIsTheModelPagesAndTheListIsEmpty) {
  std::string html = render(section_with({}));
  at(html, "<h2 id=\"binh-luan\">BÌNH LUẬN</h2>");
  at(html, "<ol class=\"comment-list\"></ol>");
  EXPECT_EQ(html.find("comment-sort"), std::string::npos);
  EXPECT_EQ(html.find("Xem thêm bình luận"), std::string::npos);
}

TEST(CommentsView, ScriptAndLinksInANameOrATextShowAsPlainText) {
  auto c = comment(1, "<script>alert(1)</script>", "Xem <a href=\"https://lừa.vn\">đây</a> & <img src=x onerror=alert(1)>");
  std::string html = render(section_with({{c, {}}}));
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<a href=\"https://lừa.vn\""), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  at(html, "<b class=\"comment-name\">&lt;script&gt;alert(1)&lt;/script&gt;</b>");
  at(html, "<p class=\"comment-text\">Xem &lt;a href=&quot;https://lừa.vn&quot;&gt;đây&lt;/a&gt; &amp; &lt;img src=x "
           "onerror=alert(1)&gt;</p>");
}

TEST(CommentsView, RepliesStandUnderTheirParentInTheirOwnList) {
  store::CommentThread first{comment(1, "An", "Ý kiến thứ nhất."), {comment(3, "Chi", "Trả lời An.")}};
  first.replies[0].parent_id = 1;
  store::CommentThread second{comment(2, "Bình", "Ý kiến thứ hai."), {}};
  std::string html = render(section_with({first, second}));
  auto parent = at(html, "id=\"bl-1\"");
  auto replies = at(html, "<ol class=\"replies\">");
  auto reply = at(html, "id=\"bl-3\" data-id=\"3\" data-parent=\"1\"");
  auto next = at(html, "id=\"bl-2\"");
  EXPECT_LT(parent, replies);
  EXPECT_LT(replies, reply);
  EXPECT_LT(reply, next) << "the reply closes before the next thread";
  EXPECT_LT(html.find("</ol></li>", reply), next) << "the replies' list is inside the parent's item";
}

TEST(CommentsView, APinnedThreadComesFirstAndSaysSo) {
  auto older = comment(1, "An", "Được ghim.");
  older.pinned = true;
  std::string html = render(section_with({{comment(2, "Bình", "Mới hơn."), {}}, {older, {}}}));
  EXPECT_LT(at(html, "id=\"bl-1\""), at(html, "id=\"bl-2\""));
  EXPECT_LT(at(html, "<span class=\"mark pin\">Đã ghim</span>"), at(html, "id=\"bl-2\""));
}

TEST(CommentsView, TheNewspapersReplyIsMarkedAsTheNewsroom) {
  auto reply = comment(2, "Ban biên tập", "Cảm ơn bạn đọc.");
  reply.newsroom = true;
  reply.parent_id = 1;
  std::string html = render(section_with({{comment(1, "An", "Xin hỏi tòa soạn."), {reply}}}));
  auto mark = at(html, "<span class=\"mark\">Tòa soạn</span>");
  EXPECT_GT(mark, at(html, "id=\"bl-2\""));
  EXPECT_EQ(html.find("Tòa soạn</span>", mark + 20), std::string::npos) << "only the newspaper's own reply carries the mark";
  at(html, "class=\"comment newsroom\"");
}

TEST(CommentsView, EachCommentHasItsTimeLikesAndTheReadersControls) {
  auto c = comment(1, "An", "Hay.");
  c.likes = 7;
  c.edited = true;
  std::string html = render(section_with({{c, {}}}));
  at(html, "<time datetime=\"" + text::format_iso8601_vn(c.created_at) + "\">15/11/2023 05:08</time>");
  at(html, "<span class=\"edited\">(đã sửa)</span>");
  at(html, "<button type=\"button\" class=\"reply\">Trả lời</button>");
  at(html, "<button type=\"button\" class=\"like\">Thích <span class=\"likes\">7</span></button>");
  at(html, "<button type=\"button\" class=\"report\">Báo vi phạm</button>");
  at(html, "<button type=\"button\" data-sort=\"newest\" aria-pressed=\"true\">Mới nhất</button>");
  at(html, "<button type=\"button\" data-sort=\"liked\" aria-pressed=\"false\">Nhiều lượt thích</button>");
}

TEST(CommentsView, MoreThreadsThanShownOffersXemThem) {
  auto s = section_with({{comment(1, "An", "Một."), {}}});
  EXPECT_EQ(render(s).find("Xem thêm bình luận"), std::string::npos);
  s.total_threads = 21;
  at(render(s), "<button type=\"button\" class=\"comment-more\" hidden>Xem thêm bình luận</button>");
}

TEST(CommentsView, TheFormPostsWithoutScriptWithItsLabelledFieldsAndAHiddenHoneypot) {
  std::string html = render(section_with({}));
  at(html, "<form class=\"comment-form\" id=\"comment-form\" method=\"post\" action=\"/api/v1/articles/42/comments\">");
  at(html, "<label for=\"comment-name\">Họ tên</label><input id=\"comment-name\" name=\"name\"");
  at(html, "<label for=\"comment-email\">Email (không bắt buộc, không hiển thị)</label><input type=\"email\" "
           "id=\"comment-email\" name=\"email\"");
  at(html, "<textarea id=\"comment-text\" name=\"content\"");
  at(html, "<input type=\"hidden\" name=\"parent_id\" value=\"\">");
  at(html, "<p class=\"counter\" id=\"comment-count\" aria-live=\"polite\">Bạn còn 500/500 ký tự</p>");
  auto hp = at(html, "<div class=\"hp\" aria-hidden=\"true\">");
  auto website = at(html, "<input id=\"comment-website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\">");
  EXPECT_LT(hp, website);
  EXPECT_EQ(html.find("display:none"), std::string::npos);
}

TEST(CommentsView, ClosedCommentsSaySoAndHaveNoForm) {
  auto s = section_with({{comment(1, "An", "Trước khi đóng."), {}}});
  s.closed = true;
  std::string html = render(s);
  at(html, "<p class=\"closed\">Bình luận đã đóng cho bài viết này.</p>");
  EXPECT_EQ(html.find("<form"), std::string::npos);
  EXPECT_EQ(html.find("<textarea"), std::string::npos);
  at(html, "id=\"bl-1\"");  // what was said stays
}

TEST(CommentsView, AfterAPostWithoutScriptTheNoticeSaysWhatHappened) {
  auto s = section_with({});
  s.notice = "da-gui";
  at(render(s), "<p class=\"notice ok\" id=\"comment-notice\" role=\"alert\">Cảm ơn bạn! Bình luận đang chờ duyệt.</p>");
  s.notice = "loi-rate_limited";
  at(render(s), "<p class=\"notice\" id=\"comment-notice\" role=\"alert\">Bạn gửi bình luận nhanh quá.");
  s.notice = "";
  at(render(s), "<p class=\"notice\" id=\"comment-notice\" role=\"alert\"></p>");
}

TEST(CommentsView, EveryErrorCodeOfTheCommentApiHasAMessageAndNothingElseDoes) {
  for (std::string_view code : {"invalid", "rate_limited", "duplicate", "closed", "banned", "not_found", "too_large",
                                "invalid_json", "unsupported_media_type", "unavailable"}) {
    std::string value = "loi-" + std::string(code);
    EXPECT_TRUE(comment_notice_known(value)) << value;
    EXPECT_FALSE(comment_notice_message(value).value_or("").empty()) << value;
  }
  EXPECT_EQ(comment_notice_message("da-gui").value_or(""), "Cảm ơn bạn! Bình luận đang chờ duyệt.");
  EXPECT_EQ(comment_notice_message("loi-closed").value_or(""), "Bình luận đã đóng cho bài viết này.");
  for (std::string_view other : {"", "loi-", "loi-x", "DA-GUI", "da-gui ", "<script>", "loi-invalid&x=1"})
    EXPECT_FALSE(comment_notice_known(other)) << other;
}

TEST(CommentsView, ACommentsTimeIsDayMonthYearAndTheClock) {
  EXPECT_EQ(comment_time(kNow), "15/11/2023 05:13");
}

}  // namespace
}  // namespace toasoan::site
