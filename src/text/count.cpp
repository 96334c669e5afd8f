#include "text/count.hpp"

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

}  // namespace toasoan::text
