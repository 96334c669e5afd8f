#include "site/comment_routes.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "comments/public_json.hpp"
#include "newsroom/password.hpp"
#include "site/routes.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {
namespace {

using nlohmann::json;

constexpr std::size_t kBodyLimit = 16 * 1024;
// A comment's JSON is flat; anything nested deeper than this is not one, and is refused before
// it is parsed.
constexpr int kMaxDepth = 4;

void answer(http::Response& res, int status, const json& body) {
  res.status = status;
  res.content_type = "application/json; charset=utf-8";
  res.set_header("Cache-Control", "no-store");
  res.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
}

void refuse(http::Response& res, int status, std::string_view code, std::string_view reason, std::string_view field = {}) {
  json body{{"error", code}, {"reason", reason}};
  if (!field.empty()) body["field"] = field;
  answer(res, status, body);
}

std::optional<std::int64_t> positive(std::string_view digits) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || end != digits.data() + digits.size() || v <= 0) return std::nullopt;
  return v;
}

bool too_deep(std::string_view body) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxDepth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

bool media_type_is(const http::Request& req, std::string_view type) {
  std::string_view ct = req.header("Content-Type");
  ct = ct.substr(0, ct.find(';'));
  while (!ct.empty() && ct.back() == ' ') ct.remove_suffix(1);
  if (ct.size() != type.size()) return false;
  for (std::size_t i = 0; i < ct.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(ct[i])) != type[i]) return false;
  return true;
}

// What the reader is told for each outcome, as status, code and sentence; the form's redirect
// carries the code.
struct Verdict {
  int status;
  std::string code;
  std::string reason;
  std::string field;
  std::int64_t retry_after = 0;
};

Verdict said(int status, std::string code, std::string reason, std::string field = {}, std::int64_t retry_after = 0) {
  return Verdict{status, std::move(code), std::move(reason), std::move(field), retry_after};
}

Verdict verdict(const Result<store::Posted>& r) {
  if (!r) return said(503, "unavailable", "Chưa gửi được bình luận, xin bạn thử lại sau ít phút.");
  const auto& p = *r;
  switch (p.outcome) {
    case store::PostOutcome::accepted:
      return said(202, "", std::string(comments::kReceived));
    case store::PostOutcome::no_article:
      return said(404, "not_found", "Bài viết không tồn tại hoặc chưa được xuất bản.");
    case store::PostOutcome::closed:
      return said(409, "closed", "Bài viết này đã đóng bình luận.");
    case store::PostOutcome::bad_parent:
      return said(422, "invalid", "Bình luận bạn trả lời không còn hiển thị.", "parent_id");
    case store::PostOutcome::banned:
      return said(403, "banned",
              "Bạn không thể bình luận đến " + text::format_vi_date(p.ban_until) +
                  (p.ban_reason.empty() ? std::string(".") : ": " + p.ban_reason));
    case store::PostOutcome::address_limit:
      return said(429, "rate_limited",
              "Bạn gửi bình luận quá nhanh, xin thử lại sau " + std::to_string(p.retry_after) + " giây.", "",
              p.retry_after);
    case store::PostOutcome::article_limit:
      return said(429, "rate_limited",
              "Bài viết đang nhận quá nhiều bình luận, xin thử lại sau " + std::to_string(p.retry_after) + " giây.",
              "", p.retry_after);
    case store::PostOutcome::duplicate:
      return said(409, "duplicate", "Bạn đã gửi bình luận này rồi.");
  }
  return said(500, "internal", "Máy chủ gặp lỗi, xin thử lại sau.");
}

void answer_json(http::Response& res, const Verdict& v, std::int64_t id) {
  if (v.status == 202) return answer(res, 202, json{{"status", "pending"}, {"id", id}, {"message", v.reason}});
  refuse(res, v.status, v.code, v.reason, v.field);
  if (v.retry_after > 0) res.set_header("Retry-After", std::to_string(v.retry_after));
}

// Back to the article, where the page shows the message for `code` ("da-gui" when received).
void answer_form(http::Response& res, const std::string& article_path, std::string_view code) {
  res.status = 303;
  res.content_type = "text/plain; charset=utf-8";
  res.set_header("Cache-Control", "no-store");
  res.set_header("Location", article_path + "?binh-luan=" + std::string(code) + "#binh-luan");
  res.body = "See Other";
}

std::string form_code(const Verdict& v) {
  if (v.status == 202) return "da-gui";
  return "loi-" + v.code + (v.field.empty() ? "" : "-" + v.field);
}

// Hands the comment to the inbox; the answer is written when its batch is on disk.
void submit(const ReaderComments& c, http::Response& res, store::NewComment comment,
            std::function<void(http::Response&, const Verdict&, std::int64_t)> write) {
  auto deferred = std::make_shared<http::Deferred>();
  bool queued = c.inbox.submit(std::move(comment), [deferred, write](Result<store::Posted> r) {
    http::Response out;
    write(out, verdict(r), r ? r->id : 0);
    deferred->finish(std::move(out));
  });
  if (!queued) {
    write(res, said(503, "unavailable", "Máy chủ đang quá tải, xin bạn thử lại sau ít giây.", "", 5), 0);
    return;
  }
  res.deferred = std::move(deferred);
}

// A text member of the body, "" when absent or null; false for another type.
bool text_member(const json& body, const char* key, std::string& out) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

void post_json(const ReaderComments& c, http::Request& req, http::Response& res, std::int64_t article) {
  if (!media_type_is(req, "application/json"))
    return refuse(res, 415, "unsupported_media_type", "Cần gửi bình luận dạng application/json hoặc biểu mẫu.");
  if (too_deep(req.body)) return refuse(res, 400, "invalid_json", "Dữ liệu gửi lên không đúng định dạng.");
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return refuse(res, 400, "invalid_json", "Dữ liệu gửi lên không đúng định dạng.");
  comments::Draft d;
  for (auto [key, out] : {std::pair{"name", &d.name}, std::pair{"email", &d.email}, std::pair{"content", &d.content},
                          std::pair{"website", &d.website}})
    if (!text_member(body, key, *out)) return refuse(res, 422, "invalid", "Trường này phải là chuỗi.", key);
  std::optional<std::int64_t> parent;
  if (auto it = body.find("parent_id"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() <= 0)
      return refuse(res, 422, "invalid", "Bình luận bạn trả lời không hợp lệ.", "parent_id");
    parent = it->get<std::int64_t>();
  }
  auto checked = comments::check(d, *c.words());
  if (!checked) return refuse(res, 422, "invalid", checked.error().message, checked.error().field);
  checked->article_id = article;
  checked->parent_id = parent;
  checked->address = c.address(req);
  submit(c, res, std::move(*checked), [](http::Response& out, const Verdict& v, std::int64_t id) { answer_json(out, v, id); });
}

// The form of a page without JavaScript: the same comment, and the answer a redirect back to
// the article (`back`, its path as the page wrote it, checked to name this article) with the
// message's code.
void post_form(const ReaderComments& c, http::Request& req, http::Response& res, std::int64_t article) {
  std::string back = http::query_param(req.body, "back");
  auto route = parse_route(back.substr(0, back.find_first_of("?#")));
  if (route.kind != Route::Kind::article || route.id != article) {
    res.status = 400;
    res.content_type = "text/plain; charset=utf-8";
    res.set_header("Cache-Control", "no-store");
    res.body = "Biểu mẫu bình luận không hợp lệ.";
    return;
  }
  back = back.substr(0, back.find_first_of("?#"));
  comments::Draft d{.name = http::query_param(req.body, "name"),
                    .email = http::query_param(req.body, "email"),
                    .content = http::query_param(req.body, "content"),
                    .website = http::query_param(req.body, "website")};
  std::optional<std::int64_t> parent;
  if (auto p = http::query_param(req.body, "parent_id"); !p.empty()) {
    parent = positive(p);
    if (!parent) return answer_form(res, back, "loi-invalid-parent_id");
  }
  auto checked = comments::check(d, *c.words());
  if (!checked) return answer_form(res, back, "loi-invalid-" + checked.error().field);
  checked->article_id = article;
  checked->parent_id = parent;
  checked->address = c.address(req);
  submit(c, res, std::move(*checked), [back](http::Response& out, const Verdict& v, std::int64_t) {
    answer_form(out, back, form_code(v));
  });
}

void post(const ReaderComments& c, http::Request& req, http::Response& res) {
  auto article = positive(req.param("id"));
  if (!article) return refuse(res, 404, "not_found", "Bài viết không tồn tại hoặc chưa được xuất bản.");
  if (media_type_is(req, "application/x-www-form-urlencoded")) return post_form(c, req, res, *article);
  post_json(c, req, res, *article);
}

// Likes and reports change nothing a reader owns, but a page of another site must not make a
// reader's browser cast them: the Origin (or Referer), when sent, must be ours.
bool same_origin(const ReaderComments& c, const http::Request& req) {
  std::string_view origin = req.header("Origin");
  if (origin.empty()) origin = req.header("Referer");
  if (origin.empty()) return true;
  const std::string ours = c.public_url();
  return origin == ours || (origin.starts_with(ours) && origin.size() > ours.size() && origin[ours.size()] == '/');
}

std::string reader_token(const http::Request& req, http::Response& res, const ReaderComments& c) {
  for (auto [name, value] : req.headers) {
    if (name.size() != 6 || (name[0] | 0x20) != 'c') continue;  // "Cookie", any case
    std::string_view v = value;
    while (!v.empty()) {
      auto semi = v.find(';');
      std::string_view pair = v.substr(0, semi);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      if (pair.starts_with(kReaderCookie) && pair.size() == kReaderCookie.size() + 65 && pair[kReaderCookie.size()] == '=')
        return std::string(pair.substr(kReaderCookie.size() + 1));
      v = semi == std::string_view::npos ? std::string_view() : v.substr(semi + 1);
    }
  }
  std::string token = newsroom::SessionToken::random().secret;
  std::string cookie = std::string(kReaderCookie) + "=" + token + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax";
  if (c.public_url().starts_with("https://")) cookie += "; Secure";
  res.set_header("Set-Cookie", cookie);
  return token;
}

void vote(const ReaderComments& c, http::Request& req, http::Response& res, bool like) {
  auto id = positive(req.param("id"));
  if (!id) return refuse(res, 404, "not_found", "Không có bình luận này.");
  if (!same_origin(c, req)) return refuse(res, 403, "forbidden", "Yêu cầu không đến từ trang báo.");
  auto found = c.store.comment(*id);
  if (!found) return refuse(res, 503, "unavailable", "Máy chủ tạm thời gián đoạn, xin bạn thử lại sau.");
  if (!*found || (*found)->status != store::CommentStatus::approved)
    return refuse(res, 404, "not_found", "Không có bình luận này.");
  const std::string voter = newsroom::token_hash(reader_token(req, res, c));
  auto counted = like ? c.store.like(*id, voter) : c.store.report(*id, voter, c.report_threshold);
  if (!counted) return refuse(res, 503, "unavailable", "Máy chủ tạm thời gián đoạn, xin bạn thử lại sau.");
  json body{{"counted", *counted}};
  if (like) body["likes"] = (*found)->likes + (*counted ? 1 : 0);
  answer(res, 200, body);
}

}  // namespace

void add_comment_routes(http::Router& router, const ReaderComments& c) {
  // Checking a comment is quick and writing it is the inbox's, so posting runs on the I/O
  // thread and holds no worker while the disk flushes. JSON from the page's script, a form
  // from a page without JavaScript.
  router.add("POST", "/api/v1/articles/{id}/comments",
             [&c](http::Request& req, http::Response& res) { post(c, req, res); },
             {.body_limit = kBodyLimit, .worker = false});
  router.add("GET", "/api/v1/articles/{id}/comments", [&c](http::Request& req, http::Response& res) { c.read(req, res); });
  router.add("POST", "/api/v1/comments/{id}/like",
             [&c](http::Request& req, http::Response& res) { vote(c, req, res, true); }, {.body_limit = 1024});
  router.add("POST", "/api/v1/comments/{id}/report",
             [&c](http::Request& req, http::Response& res) { vote(c, req, res, false); }, {.body_limit = 1024});
  router.add("GET", "/api/v1/articles/{id}/comments/stream", [&c](http::Request& req, http::Response& res) {
    auto id = positive(req.param("id"));
    if (!id) return refuse(res, 404, "not_found", "Bài viết không tồn tại.");
    std::optional<std::uint64_t> last;
    if (auto h = req.header("Last-Event-ID"); !h.empty()) {
      std::uint64_t v = 0;
      auto [end, ec] = std::from_chars(h.data(), h.data() + h.size(), v);
      if (ec == std::errc() && end == h.data() + h.size()) last = v;
    }
    res.content_type = "text/event-stream; charset=utf-8";
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Accel-Buffering", "no");
    res.stream = c.stream(*id, last);
  }, {.worker = false});
}

}  // namespace toasoan::site
