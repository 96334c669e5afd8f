// The moderators' API (docs/api.md, "Comments and moderation"): the queue and its filters, one
// action or several, bans, closing an article's comments, the live queue, and a reader's data.
// Every rule is editorial::Moderation's; this file only translates.
#include <algorithm>
#include <charconv>

#include "admin/api_json.hpp"
#include "admin/routes.hpp"
#include "text/datetime.hpp"

namespace toasoan::admin {
namespace {

json comment_json(const store::Comment& c) {
  json flags = json::array();
  for (const auto& f : c.flags) flags.push_back(f);
  return {{"id", c.id},
          {"article", {{"id", c.article_id}, {"title", c.article_title}}},
          {"parent_id", c.parent_id ? json(*c.parent_id) : json(nullptr)},
          {"name", c.name},
          {"email", c.email},
          {"address", c.address},
          {"content", c.content},
          {"status", store::comment_status_name(c.status)},
          {"flags", flags},
          {"newsroom", c.newsroom},
          {"pinned", c.pinned},
          {"edited", c.edited},
          {"likes", c.likes},
          {"reports", c.reports},
          {"created", text::format_iso8601_vn(c.created_at)},
          {"moderated", c.moderated_at ? json(text::format_iso8601_vn(c.moderated_at)) : json(nullptr)}};
}

json ban_json(const store::Ban& b) {
  return {{"id", b.id},
          {"kind", b.kind},
          {"value", b.value},
          {"until", text::format_iso8601_vn(b.until)},
          {"reason", b.reason},
          {"created", text::format_iso8601_vn(b.created_at)}};
}

constexpr std::string_view kStatuses[] = {"pending", "approved", "rejected", "spam", "flagged"};
constexpr std::string_view kFlags[] = {"links", "words", "reports"};

template <std::size_t N>
bool one_of(std::string_view v, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), v) != std::end(list);
}

// The queue's filters from the query string; answers 422 and returns nullopt for a wrong one.
std::optional<store::CommentQuery> queue_query(const http::Request& req, http::Response& res) {
  store::CommentQuery q;
  q.status = http::query_param(req.query, "status");
  if (!q.status.empty() && !one_of(q.status, kStatuses)) {
    send_field_error(res, "status", "Trạng thái phải là pending, approved, rejected, spam hoặc flagged");
    return std::nullopt;
  }
  q.flag = http::query_param(req.query, "flag");
  if (!q.flag.empty() && !one_of(q.flag, kFlags)) {
    send_field_error(res, "flag", "Cờ phải là links, words hoặc reports");
    return std::nullopt;
  }
  if (auto a = http::find_query_param(req.query, "article")) {
    std::int64_t id = 0;
    auto [p, ec] = std::from_chars(a->data(), a->data() + a->size(), id);
    if (ec != std::errc() || p != a->data() + a->size() || id <= 0) {
      send_field_error(res, "article", "Mã bài viết không hợp lệ");
      return std::nullopt;
    }
    q.article_id = id;
  }
  auto page = http::int_param(req.query, "page", 1, 1, 100000);
  auto per_page = http::int_param(req.query, "per_page", 50, 1, 200);
  if (!page || !per_page) {
    send_field_error(res, page ? "per_page" : "page", "Số trang không hợp lệ");
    return std::nullopt;
  }
  q.limit = *per_page;
  q.offset = (*page - 1) * *per_page;
  return q;
}

}  // namespace

void add_comment_routes(http::Router& router, const Newsroom& n) {
  router.add("GET", "/api/v1/admin/comments", [&n](http::Request& req, http::Response& res) {
    auto q = queue_query(req, res);
    if (!q) return;
    auto page = n.moderation.list(actor_of(req, n), *q);
    if (!page) return send_error(res, page.error());
    json list = json::array();
    for (const auto& c : page->first) list.push_back(comment_json(c));
    send(res, json{{"comments", list}, {"total", page->second}});
  }, {}, guarded(n));

  router.add("POST", "/api/v1/admin/comments/{id}/actions", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"action", "content"}, res)) return;
    std::optional<std::string> name, content;
    if (!get_string(*body, "action", name, res, 20) || !get_string(*body, "content", content, res, 20000)) return;
    auto action = editorial::comment_action_named(name.value_or(""));
    if (!action)
      return send_field_error(res, "action", "Hành động phải là approve, reject, spam, pin, unpin, edit hoặc reply");
    const bool needs_text = *action == editorial::CommentAction::edit || *action == editorial::CommentAction::reply;
    if (needs_text && !content) return send_field_error(res, "content", "Cần nội dung");
    if (!needs_text && content) return send_field_error(res, "content", "Hành động này không nhận nội dung");
    auto c = n.moderation.act(actor_of(req, n), *id, *action, content.value_or(""));
    if (!c) return send_error(res, c.error());
    send(res, comment_json(*c), *action == editorial::CommentAction::reply ? 201 : 200);
  }, {}, guarded(n));

  router.add("POST", "/api/v1/admin/comments/actions", [&n](http::Request& req, http::Response& res) {
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"action", "ids"}, res)) return;
    std::optional<std::string> name;
    if (!get_string(*body, "action", name, res, 20)) return;
    auto action = editorial::comment_action_named(name.value_or(""));
    if (!action) return send_field_error(res, "action", "Hành động phải là approve, reject hoặc spam");
    auto ids_it = body->find("ids");
    if (ids_it == body->end() || !ids_it->is_array())
      return send_field_error(res, "ids", "Cần danh sách mã bình luận");
    std::vector<std::int64_t> ids;
    for (const auto& v : *ids_it) {
      if (!v.is_number_integer() || v.get<std::int64_t>() <= 0)
        return send_field_error(res, "ids", "Mã bình luận phải là số nguyên dương");
      ids.push_back(v.get<std::int64_t>());
    }
    auto done = n.moderation.act_on_many(actor_of(req, n), ids, *action);
    if (!done) return send_error(res, done.error());
    send(res, json{{"done", *done}});
  }, {}, guarded(n));

  // The live queue: a stream of "queue" events; the app refetches its page on each.
  router.add("GET", "/api/v1/admin/comments/stream", [&n](http::Request& req, http::Response& res) {
    if (!editorial::Moderation::may_moderate(signed_of(req).user))
      return send(res, json{{"error", "forbidden"}, {"reason", "Chỉ người kiểm duyệt được theo dõi hàng chờ"}}, 403);
    auto stream = n.queue_stream ? n.queue_stream() : nullptr;
    if (!stream) return send_error(res, unavailable("Hàng chờ trực tiếp không có trên máy này"));
    res.content_type = "text/event-stream; charset=utf-8";
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Accel-Buffering", "no");
    res.stream = std::move(stream);
  }, {}, guarded(n));

  router.add("GET", "/api/v1/admin/comment-bans", [&n](http::Request& req, http::Response& res) {
    auto bans = n.moderation.bans(actor_of(req, n));
    if (!bans) return send_error(res, bans.error());
    json list = json::array();
    for (const auto& b : *bans) list.push_back(ban_json(b));
    send(res, json{{"bans", list}});
  }, {}, guarded(n));

  router.add("POST", "/api/v1/admin/comment-bans", [&n](http::Request& req, http::Response& res) {
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"kind", "value", "days", "reason"}, res)) return;
    std::optional<std::string> kind, value, reason;
    std::optional<std::int64_t> days;
    if (!get_string(*body, "kind", kind, res, 20) || !get_string(*body, "value", value, res, 300) ||
        !get_string(*body, "reason", reason, res, 500) || !get_int(*body, "days", days, res))
      return;
    if (!days || *days < 1 || *days > 3650) return send_field_error(res, "days", "Thời hạn chặn từ 1 đến 3650 ngày");
    auto b = n.moderation.ban(actor_of(req, n), kind.value_or(""), value.value_or(""), static_cast<int>(*days),
                              reason.value_or(""));
    if (!b) return send_error(res, b.error());
    send(res, ban_json(*b), 201);
  }, {}, guarded(n));

  router.add("DELETE", "/api/v1/admin/comment-bans/{id}", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    if (auto s = n.moderation.lift_ban(actor_of(req, n), *id); !s) return send_error(res, s.error());
    res.status = 204;
    res.set_header("Cache-Control", "no-store");
  }, {}, guarded(n));

  router.add("PUT", "/api/v1/admin/articles/{id}/comments", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"closed"}, res)) return;
    std::optional<bool> closed;
    if (!get_bool(*body, "closed", closed, res)) return;
    if (!closed) return send_field_error(res, "closed", "Cần closed: true hoặc false");
    if (auto s = n.moderation.set_closed(actor_of(req, n), *id, *closed); !s) return send_error(res, s.error());
    send(res, json{{"closed", *closed}});
  }, {}, guarded(n));

  router.add("GET", "/api/v1/admin/readers", [&n](http::Request& req, http::Response& res) {
    auto list = n.moderation.reader_comments(actor_of(req, n), http::query_param(req.query, "email"));
    if (!list) return send_error(res, list.error());
    json out = json::array();
    for (const auto& c : *list) out.push_back(comment_json(c));
    send(res, json{{"email", http::query_param(req.query, "email")}, {"comments", out}});
  }, {}, guarded(n));

  router.add("DELETE", "/api/v1/admin/readers", [&n](http::Request& req, http::Response& res) {
    auto erased = n.moderation.erase_reader(actor_of(req, n), http::query_param(req.query, "email"));
    if (!erased) return send_error(res, erased.error());
    send(res, json{{"erased", *erased}});
  }, {}, guarded(n));
}

}  // namespace toasoan::admin
