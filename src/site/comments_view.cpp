#include "site/comments_view.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "text/datetime.hpp"

namespace toasoan::site {

using namespace render::literals;

namespace {

// What a reader is told after posting without JavaScript, one line per answer of the comment
// API (docs/api.md, "Reader comments"); the script shows the server's own `reason` instead.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kNotices{{
    {"da-gui", "Cảm ơn bạn! Bình luận đang chờ duyệt."},
    {"loi-invalid", "Bình luận chưa gửi được: bạn vui lòng nhập họ tên (2–50 ký tự) và nội dung (5–500 ký tự)."},
    {"loi-invalid-content", "Bạn vui lòng nhập từ 5 ký tự trở lên !!!"},
    {"loi-invalid-name", "Bạn vui lòng nhập họ tên (2–50 ký tự)."},
    {"loi-invalid-email", "Địa chỉ email không hợp lệ."},
    {"loi-invalid-website", "Bình luận không gửi được."},
    {"loi-invalid-parent_id", "Bình luận bạn trả lời không còn hiển thị."},
    {"loi-invalid_json", "Bình luận chưa gửi được. Bạn vui lòng thử lại."},
    {"loi-rate_limited", "Bạn gửi bình luận nhanh quá. Bạn vui lòng đợi một phút rồi gửi lại."},
    {"loi-duplicate", "Bình luận này bạn đã gửi rồi."},
    {"loi-closed", "Bình luận đã đóng cho bài viết này."},
    {"loi-banned", "Bạn tạm thời không thể bình luận trên báo."},
    {"loi-not_found", "Không tìm thấy bài viết để bình luận."},
    {"loi-too_large", "Bình luận dài quá: tối đa 500 ký tự."},
    {"loi-unsupported_media_type", "Bình luận chưa gửi được. Bạn vui lòng thử lại."},
    {"loi-unavailable", "Hệ thống đang bận. Bạn vui lòng gửi lại sau ít phút."},
}};

void comment_item(render::Html& h, const store::Comment& c, bool reply) {
  h << "<li class=\"comment"_html;
  if (c.pinned) h << " pinned"_html;
  if (c.newsroom) h << " newsroom"_html;
  h << "\" id=\"bl-"_html << c.id << "\" data-id=\""_html << c.id << "\""_html;
  if (reply && c.parent_id) h << " data-parent=\""_html << *c.parent_id << "\""_html;
  h << "><p class=\"comment-head\"><b class=\"comment-name\">"_html << c.name << "</b>"_html;
  if (c.newsroom) h << " <span class=\"mark\">Tòa soạn</span>"_html;
  if (c.pinned) h << " <span class=\"mark pin\">Đã ghim</span>"_html;
  h << " <time datetime=\""_html << text::format_iso8601_vn(c.created_at) << "\">"_html << comment_time(c.created_at)
    << "</time>"_html;
  if (c.edited) h << " <span class=\"edited\">(đã sửa)</span>"_html;
  // Shown as written, line breaks kept by the stylesheet (white-space: pre-line), never as markup.
  h << "</p><p class=\"comment-text\">"_html << c.content << "</p>"_html;
  // The controls act through the script (POST to the API); without it they would do nothing,
  // so they stay hidden until it runs.
  h << "<p class=\"comment-actions\" hidden><button type=\"button\" class=\"reply\">Trả lời</button>"
       "<button type=\"button\" class=\"like\">Thích <span class=\"likes\">"_html
    << c.likes << "</span></button><button type=\"button\" class=\"report\">Báo vi phạm</button></p>"_html;
}

void comment_form(render::Html& h, const CommentSection& s) {
  auto message = comment_notice_message(s.notice);
  // Without JavaScript the form posts to the API's own address, which answers a form with a
  // redirect back to `back` (checked there to name this article) and the message's code.
  h << "<form class=\"comment-form\" id=\"comment-form\" method=\"post\" action=\"/api/v1/articles/"_html
    << s.article_id << "/comments\">"_html
    << "<input type=\"hidden\" name=\"back\" value=\""_html << s.article_path << "\">"_html
    << "<p class=\"replying\" hidden></p>"_html
    << "<label for=\"comment-text\">Ý kiến của bạn</label>"_html
    << "<textarea id=\"comment-text\" name=\"content\" rows=\"5\" maxlength=\"500\" required "
       "aria-describedby=\"comment-count comment-notice\"></textarea>"_html
    << "<p class=\"counter\" id=\"comment-count\" aria-live=\"polite\">Bạn còn 500/500 ký tự</p>"_html
    << "<div class=\"fields\"><p><label for=\"comment-name\">Họ tên</label>"
       "<input id=\"comment-name\" name=\"name\" maxlength=\"50\" required autocomplete=\"name\"></p>"
       "<p><label for=\"comment-email\">Email (không bắt buộc, không hiển thị)</label>"
       "<input type=\"email\" id=\"comment-email\" name=\"email\" maxlength=\"254\" autocomplete=\"email\"></p></div>"_html
    << "<input type=\"hidden\" name=\"parent_id\" value=\"\">"_html
    // The honeypot: out of sight and out of the keyboard's and screen readers' way, but not
    // display:none, which some spam programs recognise and skip.
    << "<div class=\"hp\" aria-hidden=\"true\"><label for=\"comment-website\">Để trống ô này</label>"
       "<input id=\"comment-website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>"_html
    << "<div class=\"row\"><button type=\"submit\">Gửi bình luận</button></div>"_html;
  h << "<p class=\""_html;
  if (s.notice == "da-gui") h << "notice ok"_html;
  else h << "notice"_html;
  h << "\" id=\"comment-notice\" role=\"alert\">"_html;
  if (message) h << *message;
  h << "</p></form>"_html;
}

}  // namespace

std::string comment_time(std::int64_t unix_seconds) {
  // "Thứ Tư, 15/11/2023 05:13" without the weekday.
  std::string s = text::format_vi_datetime(unix_seconds);
  auto comma = s.find(", ");
  return comma == std::string::npos ? s : s.substr(comma + 2);
}

bool comment_notice_known(std::string_view value) { return comment_notice_message(value).has_value(); }

std::optional<std::string_view> comment_notice_message(std::string_view value) {
  for (const auto& [key, message] : kNotices)
    if (key == value) return message;
  return std::nullopt;
}

void comment_section(render::Html& h, const CommentSection& s) {
  h << "<section class=\"box comments\" aria-labelledby=\"binh-luan\" data-article=\""_html << s.article_id
    << "\" data-total=\""_html << s.total << "\" data-threads=\""_html << s.total_threads << "\"><h2 id=\"binh-luan\">BÌNH LUẬN"_html;
  if (s.total > 0) h << " ("_html << s.total << ")"_html;
  h << "</h2>"_html;
  if (s.closed) h << "<p class=\"closed\">Bình luận đã đóng cho bài viết này.</p>"_html;
  else comment_form(h, s);

  // Pinned threads first, whatever order the rest is in.
  std::vector<const store::CommentThread*> threads;
  for (const auto& t : s.threads) threads.push_back(&t);
  std::stable_partition(threads.begin(), threads.end(), [](const auto* t) { return t->comment.pinned; });
  if (!threads.empty())
    h << "<div class=\"comment-sort\" role=\"group\" aria-label=\"Sắp xếp bình luận\" hidden>"
         "<button type=\"button\" data-sort=\"newest\" aria-pressed=\"true\">Mới nhất</button>"
         "<button type=\"button\" data-sort=\"liked\" aria-pressed=\"false\">Nhiều lượt thích</button></div>"_html;
  // Always there, empty or not, so that the script has a place for a comment arriving live.
  h << "<ol class=\"comment-list\">"_html;
  for (const auto* t : threads) {
    comment_item(h, t->comment, false);
    if (!t->replies.empty()) {
      h << "<ol class=\"replies\">"_html;
      for (const auto& r : t->replies) {
        comment_item(h, r, true);
        h << "</li>"_html;
      }
      h << "</ol>"_html;
    }
    h << "</li>"_html;
  }
  h << "</ol>"_html;
  if (s.total_threads > static_cast<std::int64_t>(s.threads.size()))
    h << "<button type=\"button\" class=\"comment-more\" hidden>Xem thêm bình luận</button>"_html;
  // New comments arriving live are announced here, without moving the reader's focus.
  h << "<p class=\"visually-hidden\" id=\"comment-live\" aria-live=\"polite\"></p></section>"_html;
}

}  // namespace toasoan::site
