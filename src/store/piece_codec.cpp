#include "store/piece_codec.hpp"

#include <nlohmann/json.hpp>

#include "articles/block_json.hpp"
#include "text/fold.hpp"

namespace toasoan::store {

std::string content_to_json(const PieceContent& c) {
  return content_json_from_columns(c.title, c.lead, articles::blocks_to_json(c.blocks), nlohmann::json(c.authors).dump(),
                                   c.category, c.published_at);
}

std::string content_json_from_columns(std::string_view title, std::string_view lead, std::string_view blocks_json,
                                      std::string_view authors_json, std::string_view category,
                                      std::optional<std::int64_t> published) {
  auto quoted = [](std::string_view s) { return nlohmann::json(std::string(s)).dump(); };
  std::string out = "{\"title\":" + quoted(title) + ",\"lead\":" + quoted(lead) + ",\"blocks\":";
  out += blocks_json.empty() ? std::string_view("[]") : blocks_json;
  out += ",\"authors\":";
  out += authors_json.empty() ? std::string_view("[]") : authors_json;
  out += ",\"category\":" + quoted(category);
  if (published) out += ",\"published\":" + std::to_string(*published);
  out += "}";
  return out;
}

PieceContent content_from_json(std::string_view json) {
  PieceContent c;
  auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (!doc.is_object()) return c;
  auto text = [&](const char* key) {
    auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  c.title = text("title");
  c.lead = text("lead");
  c.category = text("category");
  if (auto it = doc.find("blocks"); it != doc.end() && it->is_array())
    if (auto blocks = articles::blocks_from_stored_json(it->dump())) c.blocks = std::move(blocks).value();
  if (auto it = doc.find("authors"); it != doc.end() && it->is_array())
    for (const auto& a : *it)
      if (a.is_string()) c.authors.push_back(a.get<std::string>());
  if (auto it = doc.find("published"); it != doc.end() && it->is_number_integer())
    c.published_at = it->get<std::int64_t>();
  return c;
}

std::string desk_text(std::string_view title, std::string_view lead) {
  std::string both(title);
  both += '\n';
  both += lead;
  return text::fold(both);
}

}  // namespace toasoan::store
