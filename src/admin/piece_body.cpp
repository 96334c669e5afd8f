#include "admin/piece_body.hpp"

#include <nlohmann/json.hpp>

#include "articles/editor_json.hpp"
#include "articles/limits.hpp"
#include "text/controls.hpp"
#include "text/count.hpp"
#include "text/datetime.hpp"
#include "text/utf8.hpp"

namespace toasoan::admin {
namespace {

using nlohmann::json;
namespace limits = articles::limits;

// A text member: absent or null → nullopt; otherwise checked and normalised.
Result<std::optional<std::string>> text_at(const json& v, const std::string& path, std::size_t max_chars) {
  if (v.is_null()) return std::optional<std::string>();
  if (!v.is_string()) return invalid_field(path, "Phải là chuỗi");
  const auto& s = v.get_ref<const std::string&>();
  if (!text::valid_utf8(s) || s.find('\0') != std::string::npos)
    return invalid_field(path, "Không phải văn bản UTF-8 hợp lệ");
  std::string out = text::nfc(text::strip_controls(s));
  if (text::count_chars(out) > max_chars) return invalid_field(path, "Dài quá " + std::to_string(max_chars) + " ký tự");
  return std::optional<std::string>(std::move(out));
}

Result<std::optional<std::string>> member_text(const json& body, const char* key, std::size_t max_chars) {
  auto it = body.find(key);
  if (it == body.end()) return std::optional<std::string>();
  return text_at(*it, key, max_chars);
}

}  // namespace

std::string unknown_field_name(std::string_view key) {
  if (key.empty()) return "\"\"";
  return text::valid_utf8(key) ? std::string(key) : std::string("?");
}

Result<editorial::Saving> saving_from_json(const json& body, bool for_update) {
  if (!body.is_object()) return invalid_field("", "Nội dung phải là một đối tượng JSON");
  static const char* const kCreate[] = {"title", "lead", "blocks", "authors", "category", "published", "coauthors"};
  for (auto it = body.begin(); it != body.end(); ++it) {
    bool known = for_update && (it.key() == "revision" || it.key() == "autosave");
    for (const char* k : kCreate) known = known || it.key() == k;
    if (!known) return invalid_field(unknown_field_name(it.key()), "Trường không được hỗ trợ");
  }

  editorial::Saving out;
  auto title = member_text(body, "title", limits::kTitleChars);
  if (!title) return title.error();
  auto lead = member_text(body, "lead", limits::kLeadChars);
  if (!lead) return lead.error();
  auto category = member_text(body, "category", limits::kCategoryChars);
  if (!category) return category.error();
  out.content.title = title->value_or("");
  out.content.lead = lead->value_or("");
  out.content.category = category->value_or("");

  if (auto it = body.find("published"); it != body.end() && !it->is_null()) {
    if (!it->is_string()) return invalid_field("published", "Phải là thời điểm ISO 8601");
    auto t = text::parse_iso8601(it->get_ref<const std::string&>());
    if (!t || *t < limits::kEarliestPublished)
      return invalid_field("published", "Thời điểm không hợp lệ (ISO 8601, từ năm 1945)");
    out.content.published_at = *t;
  }

  if (auto it = body.find("authors"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) return invalid_field("authors", "Phải là danh sách tên");
    if (it->size() > limits::kAuthors)
      return invalid_field("authors", "Nhiều nhất " + std::to_string(limits::kAuthors) + " tác giả");
    for (std::size_t i = 0; i < it->size(); ++i) {
      auto name = text_at((*it)[i], "authors[" + std::to_string(i) + "]", limits::kAuthorChars);
      if (!name) return name.error();
      if (*name && !(*name)->empty()) out.content.authors.push_back(std::move(**name));
    }
  }

  if (auto it = body.find("blocks"); it != body.end() && !it->is_null()) {
    auto blocks = articles::blocks_from_editor_json(*it);
    if (!blocks) {
      auto e = blocks.error();
      if (e.field.empty()) e.field = "blocks";
      return e;
    }
    out.content.blocks = std::move(*blocks);
  }

  if (auto it = body.find("coauthors"); it != body.end() && !it->is_null()) {
    if (!it->is_array() || it->size() > limits::kAuthors)
      return invalid_field("coauthors", "Phải là danh sách mã người dùng");
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& v = (*it)[i];
      if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX) ||
          v.get<std::int64_t>() <= 0)
        return invalid_field("coauthors[" + std::to_string(i) + "]", "Phải là mã người dùng");
      ids.push_back(v.get<std::int64_t>());
    }
    out.coauthors = std::move(ids);
  }

  if (for_update) {
    auto rev = body.find("revision");
    if (rev == body.end() || !rev->is_number_integer() ||
        (rev->is_number_unsigned() && rev->get<std::uint64_t>() > INT64_MAX) || rev->get<std::int64_t>() < 0)
      return invalid_field("revision", "Cần số phiên bản mà bản sửa dựa trên");
    out.based_on = rev->get<std::int64_t>();
    if (auto a = body.find("autosave"); a != body.end() && !a->is_null()) {
      if (!a->is_boolean()) return invalid_field("autosave", "Phải là true hoặc false");
      out.autosave = a->get<bool>();
    }
  }
  return out;
}

}  // namespace toasoan::admin
