// /api/v1/admin/articles…: the desk's list, a piece, saving it (with the 409 when someone else
// saved meanwhile), its actions, revisions, differences, restore, presence; the queues; and the
// preview page under /toa-soan/xem-truoc/.
#include "admin/api_json.hpp"
#include "admin/piece_json.hpp"
#include "admin/routes.hpp"
#include "text/datetime.hpp"

namespace toasoan::admin {
namespace {

// An article body may be long (2,000 blocks of text); far below what would hurt the server.
constexpr std::size_t kArticleBodyLimit = 4 * 1024 * 1024;

void send_piece(http::Response& res, const Newsroom& n, const store::User& who, const store::Piece& p,
                int status = 200) {
  auto chain = n.office.chain();
  json j = piece_json(p, newsroom::actions_for(editorial::Office::standing(who, p), p.state, chain), chain);
  // Readers' comments are the moderators' business, but the piece's screen shows whether they are open.
  auto closed = n.moderation.closed(p.id);
  j["comments_closed"] = closed && *closed;
  send(res, j, status);
}

bool list_query(const http::Request& req, store::DeskQuery& q, int& page, int& per_page, http::Response& res) {
  auto pg = http::int_param(req.query, "page", 1, 1, 100000);
  auto pp = http::int_param(req.query, "per_page", 20, 1, 100);
  if (!pg) return send_field_error(res, "page", "Trang không hợp lệ"), false;
  if (!pp) return send_field_error(res, "per_page", "Số bài mỗi trang từ 1 đến 100"), false;
  page = *pg;
  per_page = *pp;
  q.limit = per_page;
  q.offset = (page - 1) * per_page;
  if (auto s = http::find_query_param(req.query, "state")) {
    if (*s == "returned") {
      q.returned = true;
    } else {
      auto st = newsroom::state_from_name(*s);
      if (!st) return send_field_error(res, "state", "Trạng thái không có"), false;
      q.state = st;
    }
  }
  if (http::find_query_param(req.query, "author")) {
    auto a = http::int_param(req.query, "author", 0, 1, 2000000000);
    if (!a) return send_field_error(res, "author", "Phải là mã người dùng"), false;
    q.author = *a;
  }
  if (http::find_query_param(req.query, "category")) {
    auto c = http::int_param(req.query, "category", 0, 1, 2000000000);
    if (!c) return send_field_error(res, "category", "Phải là mã chuyên mục"), false;
    q.category_id = *c;
  }
  q.text = http::query_param(req.query, "q");
  if (q.text.size() > 500) return send_field_error(res, "q", "Quá dài"), false;
  if (auto since = http::find_query_param(req.query, "changed_since")) {
    auto t = text::parse_iso8601(*since);
    if (!t) return send_field_error(res, "changed_since", "Thời điểm không hợp lệ (ISO 8601)"), false;
    q.changed_since = *t;
  }
  auto sort = http::query_param(req.query, "sort");
  if (!sort.empty() && sort != "updated" && sort != "-updated")
    return send_field_error(res, "sort", "Sắp xếp theo \"-updated\" (mới nhất) hoặc \"updated\""), false;
  q.oldest_first = sort == "updated";
  return true;
}

}  // namespace

void add_article_routes(http::Router& router, const Newsroom& n) {
  const auto g = guarded(n);
  const http::RouteOptions big{.body_limit = kArticleBodyLimit};

  router.add("GET", "/api/v1/admin/articles", [&n](http::Request& req, http::Response& res) {
    store::DeskQuery q;
    int page = 1, per_page = 20;
    if (!list_query(req, q, page, per_page, res)) return;
    auto found = n.office.list(signed_of(req).user, q);
    if (!found) return send_error(res, found.error());
    json items = json::array();
    for (const auto& s : found->first) items.push_back(summary_json(s));
    send(res, json{{"articles", items}, {"total", found->second}, {"page", page}, {"per_page", per_page}});
  }, {}, g);

  router.add("POST", "/api/v1/admin/articles", [&n](http::Request& req, http::Response& res) {
    auto body = read_object(req, res);
    if (!body) return;
    editorial::Saving s;
    if (!read_saving(*body, false, s, res)) return;
    auto p = n.office.create(actor_of(req, n), s);
    if (!p) return send_error(res, p.error());
    send_piece(res, n, signed_of(req).user, *p, 201);
  }, big, g);

  router.add("GET", "/api/v1/admin/articles/{id}", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto p = n.office.piece(signed_of(req).user, *id);
    if (!p) return send_error(res, p.error());
    send_piece(res, n, signed_of(req).user, *p);
  }, {}, g);

  router.add("PUT", "/api/v1/admin/articles/{id}", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto body = read_object(req, res);
    if (!body) return;
    editorial::Saving s;
    if (!read_saving(*body, true, s, res)) return;
    const auto& who = signed_of(req).user;
    auto saved = n.office.save(actor_of(req, n), *id, s);
    if (!saved) {
      if (saved.error().kind == ErrorKind::conflict) {
        // The writer gets what is there now, to show the difference and decide.
        auto now = n.office.piece(who, *id);
        json body = {{"error", "conflict"}, {"reason", saved.error().message}};
        if (now) {
          auto chain = n.office.chain();
          body["current"] = piece_json(*now, newsroom::actions_for(editorial::Office::standing(who, *now), now->state, chain), chain);
        }
        return send(res, body, 409);
      }
      return send_error(res, saved.error());
    }
    auto p = n.office.piece(who, *id);
    if (!p) return send_error(res, p.error());
    auto chain = n.office.chain();
    send(res, json{{"revision", revision_json(*saved, false)},
                   {"article", piece_json(*p, newsroom::actions_for(editorial::Office::standing(who, *p), p->state, chain), chain)}});
  }, big, g);

  router.add("POST", "/api/v1/admin/articles/{id}/actions", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"action", "note", "at"}, res)) return;
    std::optional<std::string> action, note, at;
    if (!get_string(*body, "action", action, res, 40) || !get_string(*body, "note", note, res, 2000) ||
        !get_string(*body, "at", at, res, 40))
      return;
    auto a = action ? newsroom::action_from_name(*action) : std::nullopt;
    if (!a)
      return send_field_error(res, "action",
                              "Thao tác không có (submit, pass, return, approve, publish, schedule, unschedule, "
                              "correct, take_down, restore)");
    editorial::Acting acting{*a, note.value_or(""), std::nullopt};
    if (at) {
      auto t = text::parse_iso8601(*at);
      if (!t) return send_field_error(res, "at", "Thời điểm không hợp lệ (ISO 8601)");
      acting.at = *t;
    }
    auto p = n.office.act(actor_of(req, n), *id, acting);
    if (!p) return send_error(res, p.error());
    send_piece(res, n, signed_of(req).user, *p);
  }, {}, g);

  router.add("GET", "/api/v1/admin/articles/{id}/revisions", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto rs = n.office.revisions(signed_of(req).user, *id);
    if (!rs) return send_error(res, rs.error());
    json list = json::array();
    for (const auto& r : *rs) list.push_back(revision_json(r, false));
    send(res, json{{"revisions", list}});
  }, {}, g);

  router.add("GET", "/api/v1/admin/articles/{id}/revisions/{rev}", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto rev = id_param(req, "rev", res);
    if (!rev) return;
    auto r = n.office.revision(signed_of(req).user, *id, *rev);
    if (!r) return send_error(res, r.error());
    send(res, revision_json(*r, true));
  }, {}, g);

  router.add("GET", "/api/v1/admin/articles/{id}/revisions/{a}/diff/{b}", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto a = id_param(req, "a", res);
    if (!a) return;
    auto b = id_param(req, "b", res);
    if (!b) return;
    auto d = n.office.diff(signed_of(req).user, *id, *a, *b);
    if (!d) return send_error(res, d.error());
    send(res, diff_json(*d));
  }, {}, g);

  router.add("POST", "/api/v1/admin/articles/{id}/revisions/{rev}/restore", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto rev = id_param(req, "rev", res);
    if (!rev) return;
    auto body = read_object(req, res);
    if (!body) return;
    if (!only_known(*body, {"revision"}, res)) return;
    std::optional<std::int64_t> based_on;
    if (!get_int(*body, "revision", based_on, res)) return;
    if (!based_on) return send_field_error(res, "revision", "Cần số phiên bản hiện tại");
    auto r = n.office.restore(actor_of(req, n), *id, *rev, *based_on);
    if (!r) {
      if (r.error().kind == ErrorKind::conflict) return send(res, json{{"error", "conflict"}, {"reason", r.error().message}}, 409);
      return send_error(res, r.error());
    }
    send(res, revision_json(*r, true));
  }, {}, g);

  auto presence = [&n](bool beat) {
    return [&n, beat](http::Request& req, http::Response& res) {
      auto id = id_param(req, "id", res);
      if (!id) return;
      auto others = n.office.present(signed_of(req).user, *id, beat);
      if (!others) return send_error(res, others.error());
      json list = json::array();
      for (const auto& p : *others)
        list.push_back({{"user_id", p.user_id},
                        {"username", p.username},
                        {"display_name", p.display_name},
                        {"seen", text::format_iso8601_vn(p.seen_at)}});
      send(res, json{{"present", list}});
    };
  };
  router.add("GET", "/api/v1/admin/articles/{id}/presence", presence(false), {}, g);
  router.add("POST", "/api/v1/admin/articles/{id}/presence", presence(true), {}, g);

  router.add("GET", "/api/v1/admin/queues", [&n](http::Request& req, http::Response& res) {
    auto qs = n.office.queues(signed_of(req).user);
    if (!qs) return send_error(res, qs.error());
    json out = json::object();
    for (const auto& q : *qs) {
      json first = json::array();
      for (const auto& s : q.first) first.push_back(summary_json(s));
      out[q.name] = {{"count", q.count}, {"first", first}};
    }
    send(res, json{{"queues", out}});
  }, {}, g);

  // The preview: any revision, as readers will see it; for the signed-in who may see the piece.
  router.add("GET", "/toa-soan/xem-truoc/{id}", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    const auto& who = signed_of(req).user;
    auto p = n.office.piece(who, *id);
    if (!p) return send_error(res, p.error());
    store::PieceContent content = p->content;
    if (http::find_query_param(req.query, "revision")) {
      auto rev = http::int_param(req.query, "revision", 0, 1, 2000000000);
      if (!rev) return send_field_error(res, "revision", "Phải là số phiên bản");
      auto r = n.office.revision(who, *id, *rev);
      if (!r) return send_error(res, r.error());
      content = r->content;
    }
    articles::Article a;
    a.id = p->id;
    a.external_id = p->external_id;
    a.title = content.title;
    a.slug = p->slug;
    a.lead = content.lead;
    a.blocks = content.blocks;
    a.authors = content.authors;
    a.category_name = content.category;
    a.status = p->state == newsroom::State::published ? articles::Status::published : articles::Status::unpublished;
    a.published_at = p->published_at ? p->published_at : content.published_at.value_or(p->updated_at);
    a.updated_at = p->updated_at;
    a.correction_note = p->correction_note;
    a.corrected_at = p->corrected_at;
    res.status = 200;
    res.content_type = "text/html; charset=utf-8";
    res.body = n.preview(a);
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Robots-Tag", "noindex");
  }, {}, std::vector<http::Middleware>{signed_in(n.staff, true)});
}

}  // namespace toasoan::admin
