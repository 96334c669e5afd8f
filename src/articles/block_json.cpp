#include "articles/block_json.hpp"

#include <nlohmann/json.hpp>

#include "articles/flat_blocks.hpp"
#include "articles/limits.hpp"
#include "articles/runs.hpp"
#include "text/controls.hpp"
#include "text/utf8.hpp"

namespace toasoan::articles {
namespace {

using nlohmann::json;

// How far a parse trusts its input: text from outside is checked and normalised; blocks the
// store wrote were, before they were written.
enum class Origin { outside, store };

Result<std::string> text_field(const json& o, const char* name, bool required, Origin origin) {
  auto it = o.find(name);
  if (it == o.end() || it->is_null()) {
    if (required) return invalid(std::string("thiếu trường \"") + name + "\"");
    return std::string();
  }
  if (!it->is_string()) return invalid(std::string("trường \"") + name + "\" phải là chuỗi");
  const auto& s = it->get_ref<const std::string&>();
  if (origin == Origin::store) return s;
  if (!text::valid_utf8(s)) return invalid(std::string("trường \"") + name + "\" không phải UTF-8 hợp lệ");
  // JSON can carry U+0000 as \u0000; PostgreSQL cannot store it, so no store takes it.
  if (s.find('\0') != std::string::npos) return invalid(std::string("trường \"") + name + "\" chứa ký tự NUL");
  // The other controls XML refuses are taken out, not refused: a stray one pasted into a
  // caption must not cost the article.
  return text::nfc(text::strip_controls(s));
}

Result<int> size_field(const json& o, const char* name) {
  auto it = o.find(name);
  if (it == o.end() || it->is_null()) return 0;
  if (!it->is_number_integer() && !it->is_number_unsigned())
    return invalid(std::string("trường \"") + name + "\" phải là số nguyên");
  auto v = it->get<long long>();
  if (v < 0 || v > limits::kImageSidePixels) return invalid(std::string("trường \"") + name + "\" ngoài khoảng cho phép");
  return static_cast<int>(v);
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// An optional true/false flag: absent or null is false.
Result<bool> flag_field(const json& o, const char* name) {
  auto it = o.find(name);
  if (it == o.end() || it->is_null()) return false;
  if (!it->is_boolean()) return invalid(std::string("trường \"") + name + "\" phải là true hoặc false");
  return it->get<bool>();
}

constexpr const char* kSplitCharacter = "các đoạn chữ tách rời một ký tự khỏi dấu của nó";

// A run sequence as JSON gives it, in the one form runs are kept in (runs.hpp).
Result<std::vector<Run>> runs_from(const json& arr, Origin origin) {
  if (!arr.is_array()) return invalid("\"runs\" phải là một mảng");
  std::vector<Run> runs;
  runs.reserve(arr.size());
  for (const auto& o : arr) {
    if (!o.is_object()) return invalid("mỗi đoạn chữ trong \"runs\" phải là một đối tượng JSON");
    Run r;
    auto text = text_field(o, "text", true, origin);
    if (!text) return text.error();
    r.text = std::move(*text);
    auto bold = flag_field(o, "bold");
    if (!bold) return bold.error();
    auto italic = flag_field(o, "italic");
    if (!italic) return italic.error();
    r.bold = *bold;
    r.italic = *italic;
    if (auto link = o.find("link"); link != o.end() && !link->is_null()) {
      if (!link->is_string()) return invalid("trường \"link\" phải là chuỗi");
      r.link = link->get<std::string>();
      if (origin == Origin::outside && !r.link.empty() && !allowed_link(r.link))
        return invalid("liên kết không được phép: chỉ nhận http://, https:// hoặc mailto:, không khoảng trắng, "
                       "không ký tự điều khiển, tối đa 2000 byte");
    }
    runs.push_back(std::move(r));
  }
  if (!canonicalise_runs(runs, origin == Origin::outside)) return invalid(kSplitCharacter);
  return runs;
}

// A list item: a plain string or a run sequence.
Result<std::vector<Run>> item_from(const json& v, Origin origin) {
  if (v.is_string()) {
    json o = json::object();
    o["text"] = v;
    return runs_from(json::array({std::move(o)}), origin);
  }
  if (v.is_array()) return runs_from(v, origin);
  return invalid("mỗi mục của danh sách phải là chuỗi hoặc mảng các đoạn chữ");
}

Result<Block> block_from(const json& o, std::size_t index, Origin origin) {
  auto where = [&](const std::string& m) { return invalid("khối " + std::to_string(index + 1) + ": " + m); };
  if (!o.is_object()) return where("phải là một đối tượng JSON");
  auto type = o.find("type");
  if (type == o.end() || !type->is_string()) return where("thiếu \"type\"");
  const auto& t = type->get_ref<const std::string&>();
  Block b;
  if (t == "paragraph" || t == "heading" || t == "quote") {
    b.type = t == "paragraph" ? Block::Type::paragraph : t == "heading" ? Block::Type::heading : Block::Type::quote;
    if (auto runs = o.find("runs"); runs != o.end() && !runs->is_null()) {
      auto parsed = runs_from(*runs, origin);
      if (!parsed) return where(parsed.error().message);
      b.text = runs_text(*parsed);
      if (any_marked(*parsed)) b.runs = std::move(*parsed);
    } else {
      auto text = text_field(o, "text", true, origin);
      if (!text) return where(text.error().message);
      b.text = std::move(*text);
    }
    if (blank(b.text)) return where("\"text\" trống");
    if (b.type == Block::Type::quote) {
      auto cite = text_field(o, "cite", false, origin);
      if (!cite) return where(cite.error().message);
      b.cite = std::move(*cite);
    }
    return b;
  }
  if (t == "figure" || t == "image") {
    b.type = Block::Type::figure;
    for (auto [field, dest] : {std::pair{"caption", &b.caption}, {"credit", &b.credit}, {"image", &b.image}, {"alt", &b.alt}}) {
      auto v = text_field(o, field, false, origin);
      if (!v) return where(v.error().message);
      *dest = std::move(*v);
    }
    if (b.image.empty()) {
      // Some sources name the photo "src" or "url".
      for (const char* alias : {"src", "url"}) {
        auto v = text_field(o, alias, false, origin);
        if (!v) return where(v.error().message);
        if (!v->empty()) { b.image = std::move(*v); break; }
      }
    }
    auto w = size_field(o, "width");
    if (!w) return where(w.error().message);
    auto h = size_field(o, "height");
    if (!h) return where(h.error().message);
    b.width = *w;
    b.height = *h;
    if (b.caption.empty() && b.image.empty()) return where("hình không có ảnh và không có chú thích");
    return b;
  }
  if (t == "list") {
    b.type = Block::Type::list;
    auto ordered = flag_field(o, "ordered");
    if (!ordered) return where(ordered.error().message);
    b.ordered = *ordered;
    auto items = o.find("items");
    if (items == o.end() || !items->is_array()) return where("danh sách cần \"items\" là một mảng");
    for (const auto& v : *items) {
      auto item = item_from(v, origin);
      if (!item) return where(item.error().message);
      // An empty bullet shows nothing; it goes, as a blank line does.
      if (!blank(runs_text(*item))) b.items.push_back(std::move(*item));
    }
    if (b.items.empty()) return where("danh sách không có mục nào");
    b.text = list_text(b.items);
    return b;
  }
  return where("loại khối không rõ \"" + (text::valid_utf8(t) ? t : std::string("?")) + "\"");
}

}  // namespace

const char* block_type_name(Block::Type t) {
  switch (t) {
    case Block::Type::paragraph: return "paragraph";
    case Block::Type::heading: return "heading";
    case Block::Type::quote: return "quote";
    case Block::Type::figure: return "figure";
    case Block::Type::list: return "list";
  }
  return "paragraph";
}

namespace {

Result<std::vector<Block>> blocks_from(const json& doc, Origin origin) {
  if (!doc.is_array()) return invalid("\"blocks\" phải là một mảng");
  if (doc.size() > kMaxBlocks) return invalid("quá nhiều khối nội dung");
  std::vector<Block> out;
  out.reserve(doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    auto b = block_from(doc[i], i, origin);
    if (!b) return b.error();
    out.push_back(std::move(*b));
  }
  return out;
}

Result<std::vector<Block>> blocks_from_text(std::string_view text, Origin origin) {
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return invalid("khối nội dung không phải JSON hợp lệ");
  return blocks_from(doc, origin);
}

}  // namespace

Result<std::vector<Block>> blocks_from_json(std::string_view text) { return blocks_from_text(text, Origin::outside); }

Result<std::vector<Block>> blocks_from_json(const json& doc) { return blocks_from(doc, Origin::outside); }

Result<std::vector<Block>> blocks_from_stored_json(std::string_view text) {
  if (auto flat = read_flat_blocks(text)) return std::move(*flat);
  return blocks_from_text(text, Origin::store);
}

namespace {

json runs_json(const std::vector<Run>& runs) {
  json arr = json::array();
  for (const auto& r : runs) {
    json o;
    o["text"] = r.text;
    if (r.bold) o["bold"] = true;
    if (r.italic) o["italic"] = true;
    if (!r.link.empty()) o["link"] = r.link;
    arr.push_back(std::move(o));
  }
  return arr;
}

}  // namespace

std::string blocks_to_json(const std::vector<Block>& blocks) {
  json arr = json::array();
  for (const auto& b : blocks) {
    json o;
    o["type"] = block_type_name(b.type);
    if (b.type == Block::Type::figure) {
      if (!b.image.empty()) o["image"] = b.image;
      if (!b.caption.empty()) o["caption"] = b.caption;
      if (!b.credit.empty()) o["credit"] = b.credit;
      if (!b.alt.empty()) o["alt"] = b.alt;
      if (b.width) o["width"] = b.width;
      if (b.height) o["height"] = b.height;
    } else if (b.type == Block::Type::list) {
      o["ordered"] = b.ordered;
      json items = json::array();
      for (const auto& item : b.items) items.push_back(any_marked(item) ? runs_json(item) : json(runs_text(item)));
      o["items"] = std::move(items);
    } else {
      o["text"] = b.text;
      if (!b.cite.empty()) o["cite"] = b.cite;
      // Only marks are worth the bytes: a plain block stays as it was always written.
      if (any_marked(b.runs)) o["runs"] = runs_json(b.runs);
    }
    arr.push_back(std::move(o));
  }
  return arr.dump();
}

std::vector<Block> paragraphs_from_text(std::string_view body) {
  std::vector<Block> out;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t end = body.find("\n\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view para = body.substr(pos, end - pos);
    auto first = para.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
      auto last = para.find_last_not_of(" \t\r\n");
      Block b;
      b.text = std::string(para.substr(first, last - first + 1));
      out.push_back(std::move(b));
    }
    pos = end + 2;
  }
  return out;
}

std::string byline(const std::vector<std::string>& authors) {
  std::string out;
  for (const auto& a : authors) {
    if (!out.empty()) out += " - ";
    out += a;
  }
  return out;
}

}  // namespace toasoan::articles
