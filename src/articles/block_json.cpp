#include "articles/block_json.hpp"

#include <nlohmann/json.hpp>

#include "text/controls.hpp"
#include "text/utf8.hpp"

namespace toasoan::articles {
namespace {

using nlohmann::json;

// Far above any real photo; keeps width and height in the range every layer handles.
constexpr int kMaxImageSide = 20000;

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
  if (v < 0 || v > kMaxImageSide) return invalid(std::string("trường \"") + name + "\" ngoài khoảng cho phép");
  return static_cast<int>(v);
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Result<Block> block_from(const json& o, std::size_t index, Origin origin) {
  auto where = [&](const std::string& m) { return invalid("khối " + std::to_string(index + 1) + ": " + m); };
  if (!o.is_object()) return where("phải là một đối tượng JSON");
  auto type = o.find("type");
  if (type == o.end() || !type->is_string()) return where("thiếu \"type\"");
  const auto& t = type->get_ref<const std::string&>();
  Block b;
  if (t == "paragraph" || t == "heading" || t == "quote") {
    b.type = t == "paragraph" ? Block::Type::paragraph : t == "heading" ? Block::Type::heading : Block::Type::quote;
    auto text = text_field(o, "text", true, origin);
    if (!text) return where(text.error().message);
    if (blank(*text)) return where("\"text\" trống");
    b.text = std::move(*text);
    if (b.type == Block::Type::quote) {
      auto cite = text_field(o, "cite", false, origin);
      if (!cite) return where(cite.error().message);
      b.cite = std::move(*cite);
    }
    return b;
  }
  if (t == "figure" || t == "image") {
    b.type = Block::Type::figure;
    for (auto [field, dest] : {std::pair{"caption", &b.caption}, {"image", &b.image}, {"alt", &b.alt}}) {
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
  return where("loại khối không rõ \"" + (text::valid_utf8(t) ? t : std::string("?")) + "\"");
}

}  // namespace

const char* block_type_name(Block::Type t) {
  switch (t) {
    case Block::Type::paragraph: return "paragraph";
    case Block::Type::heading: return "heading";
    case Block::Type::quote: return "quote";
    case Block::Type::figure: return "figure";
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
  return blocks_from_text(text, Origin::store);
}

std::string blocks_to_json(const std::vector<Block>& blocks) {
  json arr = json::array();
  for (const auto& b : blocks) {
    json o;
    o["type"] = block_type_name(b.type);
    if (b.type == Block::Type::figure) {
      if (!b.image.empty()) o["image"] = b.image;
      if (!b.caption.empty()) o["caption"] = b.caption;
      if (!b.alt.empty()) o["alt"] = b.alt;
      if (b.width) o["width"] = b.width;
      if (b.height) o["height"] = b.height;
    } else {
      o["text"] = b.text;
      if (!b.cite.empty()) o["cite"] = b.cite;
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
