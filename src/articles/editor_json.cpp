#include "articles/editor_json.hpp"

#include <initializer_list>
#include <string_view>

#include <nlohmann/json.hpp>

#include "articles/block_json.hpp"
#include "articles/limits.hpp"
#include "articles/runs.hpp"
#include "text/controls.hpp"
#include "text/utf8.hpp"

namespace toasoan::articles {
namespace {

using nlohmann::json;

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// The error for the value at `path`, said to the editor with the block's number.
Error bad(const std::string& path, std::size_t block, const std::string& message) {
  return invalid_field(path, "Khối " + std::to_string(block + 1) + ": " + message);
}

// Checks the object at `path` has only `known` fields.
std::optional<Error> unknown_field(const json& o, const std::string& path, std::size_t block,
                                   std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : o.items()) {
    bool ok = false;
    for (auto k : known) ok = ok || key == k;
    if (ok) continue;
    // The name goes into the path only when it can be shown as it is.
    bool showable = text::valid_utf8(key) && text::strip_controls(key) == key;
    return bad(showable ? path + "." + key : path, block,
               "trường không được hỗ trợ \"" + (showable ? key : std::string("?")) + "\"");
  }
  return std::nullopt;
}

// A string field's value as stored text (control characters out, NFC); nullopt when absent.
Result<std::optional<std::string>> text_at(const json& o, const char* name, const std::string& path,
                                           std::size_t block) {
  auto it = o.find(name);
  if (it == o.end()) return std::optional<std::string>();
  const std::string where = path + "." + name;
  if (!it->is_string()) return bad(where, block, std::string("\"") + name + "\" phải là chuỗi");
  const auto& s = it->get_ref<const std::string&>();
  if (!text::valid_utf8(s)) return bad(where, block, std::string("\"") + name + "\" không phải UTF-8 hợp lệ");
  if (s.find('\0') != std::string::npos) return bad(where, block, std::string("\"") + name + "\" chứa ký tự NUL");
  return std::optional<std::string>(text::nfc(text::strip_controls(s)));
}

Result<bool> flag_at(const json& o, const char* name, const std::string& path, std::size_t block) {
  auto it = o.find(name);
  if (it == o.end()) return false;
  if (!it->is_boolean()) return bad(path + "." + name, block, std::string("\"") + name + "\" phải là true hoặc false");
  return it->get<bool>();
}

Result<int> size_at(const json& o, const char* name, const std::string& path, std::size_t block) {
  auto it = o.find(name);
  if (it == o.end()) return 0;
  const std::string where = path + "." + name;
  if (!it->is_number_integer()) return bad(where, block, std::string("\"") + name + "\" phải là số nguyên");
  auto v = it->get<long long>();
  if (v < 0 || v > limits::kImageSidePixels)
    return bad(where, block,
               std::string("\"") + name + "\" phải từ 0 đến " + std::to_string(limits::kImageSidePixels) + " điểm ảnh");
  return static_cast<int>(v);
}

// A run sequence at `path` ("blocks[1].runs", "blocks[2].items[0]"), in its one form.
Result<std::vector<Run>> runs_at(const json& arr, const std::string& path, std::size_t block) {
  if (!arr.is_array()) return bad(path, block, "phải là một mảng các đoạn chữ");
  std::vector<Run> runs;
  runs.reserve(arr.size());
  for (std::size_t j = 0; j < arr.size(); ++j) {
    const json& o = arr[j];
    const std::string here = path + "[" + std::to_string(j) + "]";
    if (!o.is_object()) return bad(here, block, "mỗi đoạn chữ phải là một đối tượng JSON");
    if (auto e = unknown_field(o, here, block, {"text", "bold", "italic", "link"})) return *e;
    Run r;
    auto text = text_at(o, "text", here, block);
    if (!text) return text.error();
    if (!*text) return bad(here + ".text", block, "đoạn chữ thiếu \"text\"");
    r.text = std::move(**text);
    auto bold = flag_at(o, "bold", here, block);
    if (!bold) return bold.error();
    auto italic = flag_at(o, "italic", here, block);
    if (!italic) return italic.error();
    r.bold = *bold;
    r.italic = *italic;
    if (auto link = o.find("link"); link != o.end()) {
      if (!link->is_string()) return bad(here + ".link", block, "\"link\" phải là chuỗi");
      r.link = link->get<std::string>();
      if (r.link.size() > limits::kLinkBytes)
        return bad(here + ".link", block, limits::too_long("link", limits::kLinkBytes, true));
      // An empty link is no link; anything else must be an address a reader may follow.
      if (!r.link.empty() && !allowed_link(r.link))
        return bad(here + ".link", block,
                   "liên kết chỉ được bắt đầu bằng http://, https:// hoặc mailto: và không chứa khoảng trắng "
                   "hay ký tự điều khiển");
    }
    runs.push_back(std::move(r));
  }
  if (!canonicalise_runs(runs, true)) return bad(path, block, "các đoạn chữ tách rời một ký tự khỏi dấu của nó");
  return runs;
}

// One block, or nullopt when it is an empty paragraph or list (dropped).
Result<std::optional<Block>> block_at(const json& o, std::size_t i) {
  const std::string path = "blocks[" + std::to_string(i) + "]";
  if (!o.is_object()) return bad(path, i, "phải là một đối tượng JSON");
  auto type = o.find("type");
  if (type == o.end()) return bad(path + ".type", i, "thiếu loại khối (\"type\")");
  if (!type->is_string()) return bad(path + ".type", i, "\"type\" phải là chuỗi");
  const auto& t = type->get_ref<const std::string&>();
  Block b;
  // The field a limit refers to: the text comes from "runs" or "items" when they gave it.
  std::string text_from = path + ".text";

  if (t == "paragraph" || t == "heading" || t == "quote") {
    b.type = t == "paragraph" ? Block::Type::paragraph : t == "heading" ? Block::Type::heading : Block::Type::quote;
    auto e = b.type == Block::Type::quote ? unknown_field(o, path, i, {"type", "text", "runs", "cite"})
                                          : unknown_field(o, path, i, {"type", "text", "runs"});
    if (e) return *e;
    auto text = text_at(o, "text", path, i);
    if (!text) return text.error();
    if (auto runs = o.find("runs"); runs != o.end()) {
      auto parsed = runs_at(*runs, path + ".runs", i);
      if (!parsed) return parsed.error();
      b.text = runs_text(*parsed);
      // Both are written when the block has marks (blocks_to_json); they must then say the same.
      if (*text && **text != b.text) return bad(path + ".text", i, "\"text\" không khớp với nội dung của \"runs\"");
      if (any_marked(*parsed)) b.runs = std::move(*parsed);
      text_from = path + ".runs";
    } else if (*text) {
      b.text = std::move(**text);
    } else {
      return bad(path + ".text", i, "thiếu \"text\" hoặc \"runs\"");
    }
    if (blank(b.text)) {
      if (b.type == Block::Type::paragraph) return std::optional<Block>();
      return bad(text_from, i, b.type == Block::Type::heading ? "tiêu đề phụ trống" : "trích dẫn trống");
    }
    if (b.type == Block::Type::quote) {
      auto cite = text_at(o, "cite", path, i);
      if (!cite) return cite.error();
      b.cite = cite->value_or(std::string());
    }
  } else if (t == "figure") {
    b.type = Block::Type::figure;
    if (auto e = unknown_field(o, path, i, {"type", "image", "caption", "credit", "alt", "width", "height"})) return *e;
    for (auto [name, dest] : {std::pair{"image", &b.image}, {"caption", &b.caption}, {"credit", &b.credit}, {"alt", &b.alt}}) {
      auto v = text_at(o, name, path, i);
      if (!v) return v.error();
      *dest = v->value_or(std::string());
    }
    auto w = size_at(o, "width", path, i);
    if (!w) return w.error();
    auto h = size_at(o, "height", path, i);
    if (!h) return h.error();
    b.width = *w;
    b.height = *h;
    if (b.image.empty() && blank(b.caption)) return bad(path + ".image", i, "hình cần ảnh hoặc chú thích");
  } else if (t == "list") {
    b.type = Block::Type::list;
    if (auto e = unknown_field(o, path, i, {"type", "ordered", "items"})) return *e;
    auto ordered = flag_at(o, "ordered", path, i);
    if (!ordered) return ordered.error();
    b.ordered = *ordered;
    auto items = o.find("items");
    if (items == o.end()) return bad(path + ".items", i, "danh sách thiếu \"items\"");
    if (!items->is_array()) return bad(path + ".items", i, "\"items\" phải là một mảng");
    for (std::size_t k = 0; k < items->size(); ++k) {
      const json& v = (*items)[k];
      const std::string here = path + ".items[" + std::to_string(k) + "]";
      Result<std::vector<Run>> item = std::vector<Run>();
      if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        if (!text::valid_utf8(s)) return bad(here, i, "mục không phải UTF-8 hợp lệ");
        if (s.find('\0') != std::string::npos) return bad(here, i, "mục chứa ký tự NUL");
        item = runs_at(json::array({json{{"text", s}}}), here, i);
      } else if (v.is_array()) {
        item = runs_at(v, here, i);
      } else {
        return bad(here, i, "mỗi mục phải là chuỗi hoặc mảng các đoạn chữ");
      }
      if (!item) return item.error();
      // An empty bullet is an editor's empty line: it goes.
      if (!blank(runs_text(*item))) b.items.push_back(std::move(*item));
    }
    if (b.items.empty()) return std::optional<Block>();
    b.text = list_text(b.items);
    text_from = path + ".items";
  } else {
    return bad(path + ".type", i,
               "loại khối không rõ \"" + (text::valid_utf8(t) ? text::strip_controls(t) : std::string("?")) + "\"");
  }

  if (auto over = limits::field_over_limit(b)) {
    std::string field = over->field == "text" ? text_from : path + "." + std::string(over->field);
    return bad(field, i, limits::too_long(over->field, over->limit, over->bytes));
  }
  return std::optional<Block>(std::move(b));
}

}  // namespace

Result<std::vector<Block>> blocks_from_editor_json(const json& value) {
  if (!value.is_array()) return invalid_field("blocks", "Nội dung bài (\"blocks\") phải là một mảng các khối");
  if (value.size() > kMaxBlocks)
    return invalid_field("blocks", "Bài có quá " + std::to_string(kMaxBlocks) + " khối nội dung");
  std::vector<Block> out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto b = block_at(value[i], i);
    if (!b) return b.error();
    if (*b) out.push_back(std::move(**b));
  }
  return out;
}

}  // namespace toasoan::articles
