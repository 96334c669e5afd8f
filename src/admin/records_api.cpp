// /api/v1/admin/settings (the editorial chain, the comments' disallowed words) and
// /api/v1/admin/audit (the audit log, for the chief and admins).
#include "admin/api_json.hpp"
#include "admin/routes.hpp"
#include "store/audit.hpp"
#include "text/datetime.hpp"

namespace toasoan::admin {
namespace {

json entry_json(const store::AuditEntry& e) {
  json detail = json::parse(e.detail, nullptr, false);
  if (detail.is_discarded()) detail = json::object();
  json j = {{"id", e.id},           {"at", text::format_iso8601_vn(e.at)},
            {"username", e.username}, {"address", e.address},
            {"action", e.action},     {"note", e.note},
            {"detail", detail}};
  j["user_id"] = e.user_id ? json(*e.user_id) : json(nullptr);
  j["article_id"] = e.article_id ? json(*e.article_id) : json(nullptr);
  j["state_before"] = e.state_before.empty() ? json(nullptr) : json(e.state_before);
  j["state_after"] = e.state_after.empty() ? json(nullptr) : json(e.state_after);
  return j;
}

// A time filter: "2026-12-04T10:00:00+07:00" or "2026-12-04" (Vietnam time, start of day).
bool time_param(const http::Request& req, const char* name, std::optional<std::int64_t>& out, http::Response& res) {
  auto v = http::find_query_param(req.query, name);
  if (!v) return true;
  auto t = text::parse_iso8601(v->size() == 10 ? *v + "T00:00:00+07:00" : *v);
  if (!t) {
    send_field_error(res, name, "Thời điểm không hợp lệ (YYYY-MM-DD hoặc ISO 8601)");
    return false;
  }
  out = *t;
  return true;
}

bool id_query(const http::Request& req, const char* name, std::optional<std::int64_t>& out, http::Response& res) {
  auto v = http::find_query_param(req.query, name);
  if (!v) return true;
  auto i = http::int_param(req.query, name, 0, 1, 2000000000);
  if (!i) {
    send_field_error(res, name, "Phải là một số");
    return false;
  }
  out = *i;
  return true;
}

// {"chain": "full", "comment_words": ["…"]}
void send_settings(http::Response& res, const Newsroom& n) {
  auto words = n.moderation.words();
  if (!words) return send_error(res, words.error());
  send(res, json{{"chain", newsroom::chain_name(n.office.chain())}, {"comment_words", *words}});
}

// "comment_words": ["…", …]
bool get_words(const json& body, std::optional<std::vector<std::string>>& out, http::Response& res) {
  auto it = body.find("comment_words");
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_array()) {
    send_field_error(res, "comment_words", "Cần một danh sách từ");
    return false;
  }
  std::vector<std::string> words;
  for (const auto& w : *it) {
    if (!w.is_string()) {
      send_field_error(res, "comment_words", "Mỗi từ cấm phải là một chuỗi");
      return false;
    }
    words.push_back(w.get<std::string>());
  }
  out = std::move(words);
  return true;
}

}  // namespace

void add_record_routes(http::Router& router, const Newsroom& n) {
  router.add("GET", "/api/v1/admin/settings", [&n](http::Request&, http::Response& res) {
    send_settings(res, n);
  }, {}, guarded(n));

  router.add("PUT", "/api/v1/admin/settings", [&n](http::Request& req, http::Response& res) {
    if (!signed_of(req).user.roles.has(newsroom::Role::admin))
      return send(res, json{{"error", "forbidden"}, {"reason", "Chỉ quản trị viên được đổi cài đặt"}}, 403);
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"chain", "comment_words"}, res)) return;
    std::optional<std::string> chain;
    std::optional<std::vector<std::string>> words;
    if (!get_string(*body, "chain", chain, res, 20) || !get_words(*body, words, res)) return;
    if (chain) {
      auto c = newsroom::chain_from_name(*chain);
      if (!c) return send_field_error(res, "chain", "Quy trình phải là \"full\" hoặc \"short\"");
      if (auto s = n.office.set_chain(actor_of(req, n), *c);
          !s)
        return send_error(res, s.error());
    }
    if (words)
      if (auto s = n.moderation.set_words(actor_of(req, n), *words); !s) return send_error(res, s.error());
    send_settings(res, n);
  }, {}, guarded(n));

  router.add("GET", "/api/v1/admin/audit", [&n](http::Request& req, http::Response& res) {
    const auto& roles = signed_of(req).user.roles;
    if (!roles.has(newsroom::Role::admin) && !roles.has(newsroom::Role::chief))
      return send(res, json{{"error", "forbidden"}, {"reason", "Chỉ tổng biên tập và quản trị viên xem nhật ký"}}, 403);
    store::AuditQuery q;
    auto page = http::int_param(req.query, "page", 1, 1, 100000);
    auto per_page = http::int_param(req.query, "per_page", 50, 1, 200);
    if (!page) return send_field_error(res, "page", "Trang không hợp lệ");
    if (!per_page) return send_field_error(res, "per_page", "Số dòng mỗi trang từ 1 đến 200");
    q.limit = *per_page;
    q.offset = (*page - 1) * *per_page;
    if (!id_query(req, "user", q.user_id, res) || !id_query(req, "article", q.article_id, res) ||
        !time_param(req, "from", q.from, res) || !time_param(req, "to", q.to, res))
      return;
    q.action = http::query_param(req.query, "action");
    if (q.action.size() > 100) return send_field_error(res, "action", "Quá dài");
    auto found = n.office.audit_log(q);
    if (!found) return send_error(res, found.error());
    json entries = json::array();
    for (const auto& e : found->first) entries.push_back(entry_json(e));
    send(res, json{{"entries", entries}, {"total", found->second}, {"page", *page}, {"per_page", *per_page}});
  }, {}, guarded(n));
}

}  // namespace toasoan::admin
