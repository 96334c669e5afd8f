#include "articles/flat_blocks.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "articles/block_json.hpp"
#include "articles/limits.hpp"
#include "text/utf8.hpp"

namespace toasoan::articles {
namespace {

// A value as a flat object holds it. `other` is true, false, or a number that is not a whole
// number from 0 to a billion: a field read as text or as a size refuses it, as the full parse does.
struct Value {
  enum class Kind { absent, null, text, number, other } kind = Kind::absent;
  std::string text;
  long long number = 0;
};

// The fields any flat block is read from; other names are parsed and ignored.
enum Field { type, text, cite, runs, caption, credit, image, alt, src, url, width, height, kFields };

int field_of(std::string_view name) {
  static constexpr std::array<std::string_view, kFields> kNames{"type",   "text",  "cite", "runs", "caption", "credit",
                                                                "image",  "alt",   "src",  "url",  "width",   "height"};
  for (int i = 0; i < kFields; ++i)
    if (kNames[i] == name) return i;
  return -1;
}

// Whether none of the eight bytes of `word` is a quote, a backslash or below 0x20: the
// zero-byte and less-than tests, exact for "any" (their borrows reach only bytes above a hit).
constexpr bool plain(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  auto zero_in = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  const std::uint64_t below_space = (word - 0x20 * kOnes) & ~word & kHighs;
  return (zero_in(word ^ ('"' * kOnes)) | zero_in(word ^ ('\\' * kOnes)) | below_space) == 0;
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  std::optional<std::vector<Block>> blocks() {
    std::vector<Block> out;
    if (!take('[')) return std::nullopt;
    if (take(']')) return end() ? std::optional(std::move(out)) : std::nullopt;
    do {
      if (out.size() == kMaxBlocks) return std::nullopt;
      auto b = block();
      if (!b) return std::nullopt;
      out.push_back(std::move(*b));
    } while (take(','));
    if (!take(']') || !end()) return std::nullopt;
    return out;
  }

 private:
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool take(char c) {
    space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool end() {
    space();
    return i_ == s_.size();
  }

  std::optional<std::uint32_t> hex4() {
    if (s_.size() - i_ < 4) return std::nullopt;
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return std::nullopt;
    }
    return v;
  }

  // After the opening quote.
  bool string(std::string& out) {
    out.clear();
    while (true) {
      std::size_t run = i_;
      // Eight bytes at a time past text with no quote, backslash or control in it: nearly all of
      // an article's text, read at every uncached render of its page.
      std::uint64_t word;
      while (s_.size() - i_ >= 8 && (std::memcpy(&word, s_.data() + i_, 8), plain(word))) i_ += 8;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && static_cast<unsigned char>(s_[i_]) >= 0x20) ++i_;
      out.append(s_.substr(run, i_ - run));
      if (i_ >= s_.size() || static_cast<unsigned char>(s_[i_]) < 0x20) return false;
      if (s_[i_++] == '"') return true;
      if (i_ >= s_.size()) return false;
      switch (s_[i_++]) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          auto cp = hex4();
          if (!cp || (*cp >= 0xDC00 && *cp <= 0xDFFF)) return false;
          if (*cp >= 0xD800 && *cp <= 0xDBFF) {
            if (s_.substr(i_, 2) != "\\u") return false;
            i_ += 2;
            auto low = hex4();
            if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
          }
          text::append_utf8(out, *cp);
          break;
        }
        default: return false;
      }
    }
  }

  bool value(Value& v) {
    space();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '"') {
      ++i_;
      v.kind = Value::Kind::text;
      return string(v.text);
    }
    if (c >= '0' && c <= '9') {
      std::size_t from = i_;
      long long n = 0;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9' && i_ - from < 10) n = n * 10 + (s_[i_++] - '0');
      if (i_ < s_.size() && (s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E' || (s_[i_] >= '0' && s_[i_] <= '9')))
        return false;  // a fraction, an exponent or a number this long: the full parse judges it
      if (c == '0' && i_ - from > 1) return false;  // a leading zero is not JSON
      v.kind = Value::Kind::number;
      v.number = n;
      return true;
    }
    for (auto [word, kind] : {std::pair{std::string_view("null"), Value::Kind::null},
                              {std::string_view("true"), Value::Kind::other},
                              {std::string_view("false"), Value::Kind::other}}) {
      if (s_.substr(i_, word.size()) == word) {
        i_ += word.size();
        v.kind = kind;
        return true;
      }
    }
    return false;  // an object, an array, a negative number: the full parse
  }

  std::optional<Block> block() {
    if (!take('{')) return std::nullopt;
    std::array<Value, kFields> fields;
    Value ignored;
    std::string name;
    if (!take('}')) {
      do {
        if (!take('"') || !string(name) || !take(':')) return std::nullopt;
        const int f = field_of(name);
        Value& v = f < 0 ? ignored : fields[f];
        v = Value();  // a name given twice: the last one counts, as in the full parse
        if (!value(v)) return std::nullopt;
      } while (take(','));
      if (!take('}')) return std::nullopt;
    }
    return made(fields);
  }

  // A text field as the full parse reads it: absent or null is "", text is itself, and
  // anything else (an error there) is nullopt here.
  static std::optional<std::string> text_of(Value& v, bool required) {
    if (v.kind == Value::Kind::absent || v.kind == Value::Kind::null)
      return required ? std::nullopt : std::optional<std::string>(std::string());
    if (v.kind != Value::Kind::text) return std::nullopt;
    return std::move(v.text);
  }
  static std::optional<int> size_of(const Value& v) {
    if (v.kind == Value::Kind::absent || v.kind == Value::Kind::null) return 0;
    if (v.kind != Value::Kind::number || v.number > limits::kImageSidePixels) return std::nullopt;
    return static_cast<int>(v.number);
  }
  static bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

  static std::optional<Block> made(std::array<Value, kFields>& f) {
    if (f[type].kind != Value::Kind::text) return std::nullopt;
    const std::string& t = f[type].text;
    Block b;
    if (t == "paragraph" || t == "heading" || t == "quote") {
      if (f[runs].kind != Value::Kind::absent && f[runs].kind != Value::Kind::null) return std::nullopt;
      b.type = t == "paragraph" ? Block::Type::paragraph : t == "heading" ? Block::Type::heading : Block::Type::quote;
      auto body = text_of(f[text], true);
      if (!body || blank(*body)) return std::nullopt;
      b.text = std::move(*body);
      if (b.type == Block::Type::quote) {
        auto c = text_of(f[cite], false);
        if (!c) return std::nullopt;
        b.cite = std::move(*c);
      }
      return b;
    }
    if (t != "figure" && t != "image") return std::nullopt;
    b.type = Block::Type::figure;
    for (auto [field, dest] : {std::pair{caption, &b.caption}, {credit, &b.credit}, {image, &b.image}, {alt, &b.alt}}) {
      auto v = text_of(f[field], false);
      if (!v) return std::nullopt;
      *dest = std::move(*v);
    }
    if (b.image.empty()) {
      for (Field alias : {src, url}) {
        auto v = text_of(f[alias], false);
        if (!v) return std::nullopt;
        if (!v->empty()) {
          b.image = std::move(*v);
          break;
        }
      }
    }
    auto w = size_of(f[width]), h = size_of(f[height]);
    if (!w || !h) return std::nullopt;
    b.width = *w;
    b.height = *h;
    if (b.caption.empty() && b.image.empty()) return std::nullopt;
    return b;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::vector<Block>> read_flat_blocks(std::string_view json) {
  // The full parse refuses text that is not UTF-8; checked once here for every string in it.
  if (!text::valid_utf8(json)) return std::nullopt;
  return Reader(json).blocks();
}

}  // namespace toasoan::articles
