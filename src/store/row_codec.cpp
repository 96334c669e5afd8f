#include "store/row_codec.hpp"

#include <nlohmann/json.hpp>

#include "articles/block_json.hpp"
#include "text/fold.hpp"

namespace toasoan::store {

std::string authors_to_json(const std::vector<std::string>& authors) {
  return nlohmann::json(authors).dump();
}

std::vector<std::string> authors_from_json(std::string_view text) {
  auto doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  std::vector<std::string> out;
  if (!doc.is_array()) return out;
  for (const auto& a : doc)
    if (a.is_string()) out.push_back(a.get<std::string>());
  return out;
}

std::vector<articles::Block> blocks_from_column(std::string_view json) {
  auto r = articles::blocks_from_stored_json(json);
  if (!r) return {};
  return std::move(r).value();
}

const articles::Block* lead_figure(const std::vector<articles::Block>& blocks) {
  for (const auto& b : blocks)
    if (b.type == articles::Block::Type::figure && !b.image.empty()) return &b;
  return nullptr;
}

std::optional<Error> unstorable(const articles::Incoming& a) {
  auto has_nul = [](std::string_view s) { return s.find('\0') != std::string_view::npos; };
  const articles::Block* photo = a.blocks ? lead_figure(*a.blocks) : nullptr;
  if (has_nul(a.external_id) || has_nul(a.title) || has_nul(a.lead.value_or("")) ||
      has_nul(a.category_name.value_or("")) || (photo && has_nul(photo->image)))
    return invalid("bài \"" + a.external_id.substr(0, a.external_id.find('\0')) +
                   "\" chứa ký tự NUL (U+0000), không lưu được");
  return std::nullopt;
}

SearchDocument search_document(std::string_view title, std::string_view lead,
                               const std::vector<articles::Block>& blocks) {
  std::string body;
  for (const auto& b : blocks) {
    const std::string& part = b.type == articles::Block::Type::figure ? b.caption : b.text;
    if (part.empty()) continue;
    if (!body.empty()) body.push_back('\n');
    body += part;
    if (!b.cite.empty()) body.append(" ").append(b.cite);
  }
  // Anything but [a-z0-9] becomes a space, so both engines see the same words: PostgreSQL's
  // parser would otherwise keep "5.000" or "covid-19" whole and drop "<b>" as a tag, while
  // FTS5 splits them.
  auto words_only = [](std::string s) {
    for (char& c : s)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) c = ' ';
    return s;
  };
  return {words_only(text::fold(title)), words_only(text::fold(lead)), words_only(text::fold(body))};
}

Prepared prepare(const articles::Incoming& a) {
  Prepared p;
  if (a.blocks) p.blocks_json = articles::blocks_to_json(*a.blocks);
  if (a.blocks && a.lead) p.document = search_document(a.title, *a.lead, *a.blocks);
  return p;
}

UpsertBlocks upsert_blocks(const articles::Incoming& a, const Prepared* ahead, const std::string* stored) {
  UpsertBlocks out;
  if (a.blocks) {
    out.given = &*a.blocks;
    out.json = ahead && ahead->blocks_json ? *ahead->blocks_json : articles::blocks_to_json(*a.blocks);
  } else if (stored) {
    out.kept = blocks_from_column(*stored);
    out.json = *stored;
  } else {
    out.json = articles::blocks_to_json({});
  }
  return out;
}

bool safe_term(std::string_view term) {
  if (term.empty() || term.size() > 64) return false;
  for (char c : term)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

const char* status_name(articles::Status s) {
  return s == articles::Status::published ? "published" : "unpublished";
}

articles::Status status_from_name(std::string_view s) {
  return s == "published" ? articles::Status::published : articles::Status::unpublished;
}

std::string imported_state(const std::string* before, const std::optional<articles::Status>& given,
                           std::string_view status_after) {
  const std::string by_status = status_after == "published" ? "published" : "taken_down";
  if (!before) return by_status;
  if (given && (*before == "published" || *before == "taken_down")) return by_status;
  return *before;
}

}  // namespace toasoan::store
