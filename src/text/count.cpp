#include "text/count.hpp"

#include <unicode/uchar.h>

#include "text/utf8.hpp"
#include "text/utf8_decode.hpp"

namespace toasoan::text {

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

// nfc() always returns well-formed UTF-8, so code points are the bytes that are not
// continuation bytes.
std::size_t count_chars(std::string_view utf8) {
  if (detail::is_ascii(utf8)) return utf8.size();
  const std::string normalized = nfc(utf8);
  std::size_t count = 0;
  for (const char c : normalized) count += is_continuation_byte(c) ? 0 : 1;
  return count;
}

std::string truncate_chars(std::string_view utf8, std::size_t n) {
  std::string normalized = nfc(utf8);
  std::size_t seen = 0;
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    if (is_continuation_byte(normalized[i])) continue;
    if (seen == n) {
      normalized.resize(i);
      break;
    }
    ++seen;
  }
  return normalized;
}

std::size_t count_words(std::string_view utf8) {
  std::size_t words = 0;
  bool in_word = false;  // inside a piece that already holds a letter or number
  for (std::size_t i = 0; i < utf8.size();) {
    const auto d = detail::decode_utf8(utf8, i);
    i += d.len;
    const auto c = static_cast<UChar32>(d.cp);
    if (u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) {
      in_word = false;
    } else if (!in_word && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

}  // namespace toasoan::text
