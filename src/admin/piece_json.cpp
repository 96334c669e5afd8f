#include "admin/piece_json.hpp"

#include "admin/api_json.hpp"
#include "admin/piece_body.hpp"
#include "articles/block_json.hpp"
#include "articles/counts.hpp"
#include "text/datetime.hpp"

namespace toasoan::admin {
namespace {

json time_or_null(std::optional<std::int64_t> t) { return t ? json(text::format_iso8601_vn(*t)) : json(nullptr); }
json id_or_null(std::optional<std::int64_t> id) { return id ? json(*id) : json(nullptr); }

json blocks_value(const std::vector<articles::Block>& blocks) {
  return json::parse(articles::blocks_to_json(blocks), nullptr, false);
}

// Who the piece waits on: its author while a draft, the role whose turn it is in review.
json holder_json(const store::Piece& p, newsroom::Chain chain) {
  if (p.state == newsroom::State::draft) return json{{"user_id", id_or_null(p.created_by)}};
  json roles = json::array();
  for (auto r : newsroom::waiting_on(p.state, chain).list()) roles.push_back(newsroom::role_name(r));
  if (roles.empty()) return nullptr;
  return json{{"roles", roles}};
}

}  // namespace

json content_json(const store::PieceContent& c) {
  const auto counts = articles::body_counts(c.blocks);
  return {{"title", c.title},
          {"lead", c.lead},
          {"blocks", blocks_value(c.blocks)},
          {"counts", {{"words", counts.words}, {"chars", counts.chars}}},
          {"authors", c.authors},
          {"category", c.category},
          {"published", time_or_null(c.published_at)}};
}

json piece_json(const store::Piece& p, const std::vector<newsroom::Action>& actions, newsroom::Chain chain) {
  json j = content_json(p.content);
  json acts = json::array();
  for (auto a : actions) acts.push_back(newsroom::action_name(a));
  j.update(json{{"id", p.id},
                {"external_id", p.external_id},
                {"state", newsroom::state_name(p.state)},
                {"state_label", newsroom::state_label(p.state)},
                {"returned", p.returned},
                {"revision", p.revision},
                {"published_revision", id_or_null(p.published_revision)},
                {"created_by", id_or_null(p.created_by)},
                {"coauthors", p.coauthors},
                {"created", text::format_iso8601_vn(p.created_at)},
                {"updated", text::format_iso8601_vn(p.updated_at)},
                {"updated_by", id_or_null(p.updated_by)},
                {"scheduled_at", time_or_null(p.scheduled_at)},
                {"slug", p.slug},
                {"published_at", p.published_at ? json(text::format_iso8601_vn(p.published_at)) : json(nullptr)},
                {"holder", holder_json(p, chain)},
                {"actions", acts}});
  if (!p.correction_note.empty())
    j["correction"] = {{"note", p.correction_note}, {"at", text::format_iso8601_vn(p.corrected_at)}};
  return j;
}

json summary_json(const store::PieceSummary& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"state", newsroom::state_name(s.state)},
          {"state_label", newsroom::state_label(s.state)},
          {"returned", s.returned},
          {"category", s.category},
          {"authors", s.authors},
          {"created_by", id_or_null(s.created_by)},
          {"updated", text::format_iso8601_vn(s.updated_at)},
          {"updated_by", id_or_null(s.updated_by)},
          {"scheduled_at", time_or_null(s.scheduled_at)},
          {"published_at", s.published_at ? json(text::format_iso8601_vn(s.published_at)) : json(nullptr)},
          {"revision", s.revision}};
}

json revision_json(const store::Revision& r, bool with_content) {
  json j = {{"id", r.id},
            {"article_id", r.article_id},
            {"based_on", id_or_null(r.based_on)},
            {"user_id", id_or_null(r.user_id)},
            {"username", r.username},
            {"at", text::format_iso8601_vn(r.at)},
            {"kind", r.kind},
            {"action", r.action},
            {"state", newsroom::state_name(r.state)},
            {"note", r.note}};
  if (with_content) j["content"] = content_json(r.content);
  return j;
}

json diff_json(const editorial::RevisionDiff& d) {
  auto runs = [](const std::vector<newsroom::DiffRun>& rs) {
    json a = json::array();
    for (const auto& r : rs) a.push_back({{"kind", newsroom::diff_kind_name(r.kind)}, {"text", r.text}});
    return a;
  };
  json blocks = json::array();
  for (const auto& b : d.blocks) blocks.push_back(runs(b));
  return {{"title", runs(d.title)}, {"lead", runs(d.lead)}, {"blocks", blocks}};
}

bool read_saving(const json& body, bool for_update, editorial::Saving& out, http::Response& res) {
  auto s = saving_from_json(body, for_update);
  if (!s) {
    send_field_error(res, s.error().field, s.error().message);
    return false;
  }
  out = std::move(*s);
  return true;
}

}  // namespace toasoan::admin
