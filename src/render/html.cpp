#include "render/html.hpp"

#include <algorithm>
#include <cstring>

namespace toasoan::render {

namespace {

// Whether any of the eight bytes of `word` is `c`: the zero-byte test on word ^ c…c, exact for
// "any" (its borrows reach only bytes above a zero one).
constexpr bool holds(std::uint64_t word, unsigned char c) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  const std::uint64_t x = word ^ (kOnes * c);
  return ((x - kOnes) & ~x & kHighs) != 0;
}

// Appends `text` to `out` with each byte for which `entity` names a replacement replaced.
// Eight bytes at a time are passed over while `clean` says none of them is replaced: nearly all
// of a page's text. A byte at a time, escaping was a tenth of an uncached article's render.
template <typename Clean, typename Entity>
void copy_replacing(std::string& out, std::string_view text, Clean clean, Entity entity) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t start = 0, i = 0;  // text[start, i) is copied as it is
  while (i < n) {
    std::uint64_t word;
    if (n - i >= 8 && (std::memcpy(&word, p + i, 8), clean(word))) {
      i += 8;
      continue;
    }
    for (const std::size_t stop = std::min(n, i + 8); i < stop; ++i) {
      const std::string_view e = entity(p[i]);
      if (e.empty()) continue;
      out.append(p + start, i - start);
      out.append(e);
      start = i + 1;
    }
  }
  out.append(p + start, n - start);
}

}  // namespace

void escape(std::string& out, std::string_view text) {
  copy_replacing(
      out, text,
      [](std::uint64_t w) { return !(holds(w, '&') || holds(w, '<') || holds(w, '>') || holds(w, '"') || holds(w, '\'')); },
      [](char c) -> std::string_view {
        switch (c) {
          case '&': return "&amp;";
          case '<': return "&lt;";
          case '>': return "&gt;";
          case '"': return "&quot;";
          case '\'': return "&#39;";
          default: return {};
        }
      });
}

namespace {

// The length of the well-formed UTF-8 sequence at text[i], or 0 when it is not one (overlong,
// surrogate, above U+10FFFF, truncated). Render knows only base, so it decodes for itself.
// REQUIRES: text[i] >= 0x80.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned b0 = p[i];
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return i + k < n && p[i + k] >= lo && p[i + k] <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

void escape_xml(std::string& out, std::string_view text) {
  std::size_t start = 0;  // text[start, i) is copied as it is
  std::size_t i = 0;
  auto skip = [&](std::size_t len, const char* entity) {
    out.append(text.data() + start, i - start);
    if (entity) out.append(entity);
    i += len;
    start = i;
  };
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::size_t len = utf8_length(text, i);
      if (len == 0) skip(1, nullptr);
      else if (len == 3 && c == 0xEF && text[i + 1] == '\xBF' && (text[i + 2] == '\xBE' || text[i + 2] == '\xBF'))
        skip(3, nullptr);  // U+FFFE, U+FFFF
      else i += len;
      continue;
    }
    switch (c) {
      case '&': skip(1, "&amp;"); continue;
      case '<': skip(1, "&lt;"); continue;
      case '>': skip(1, "&gt;"); continue;
      case '"': skip(1, "&quot;"); continue;
      case '\'': skip(1, "&#39;"); continue;
      case '\t':
      case '\n': ++i; continue;
      default:
        if (c < 0x20) skip(1, nullptr);
        else ++i;
    }
  }
  out.append(text.data() + start, text.size() - start);
}

Html& Html::json_script(std::string_view json) {
  copy_replacing(
      out_, json, [](std::uint64_t w) { return !(holds(w, '<') || holds(w, '>') || holds(w, '&')); },
      [](char c) -> std::string_view {
        switch (c) {
          case '<': return "\\u003c";
          case '>': return "\\u003e";
          case '&': return "\\u0026";
          default: return {};
        }
      });
  return *this;
}

}  // namespace toasoan::render
