#include "text/controls.hpp"

#include "text/utf8_decode.hpp"

namespace toasoan::text {
namespace {

bool dropped_ascii(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n'; }

// Whether anything needs taking out or repairing: a control, a byte that starts U+FFFE or
// U+FFFF (0xEF), or any byte of a multi-byte sequence that might be ill-formed. The last is
// only settled by decoding; the scan keeps ASCII and well-formed text on the copy path.
bool needs_work(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (dropped_ascii(c)) return true;
      ++i;
      continue;
    }
    const detail::Decoded d = detail::decode_utf8(s, i);
    if (!d.ok || d.cp == 0xFFFE || d.cp == 0xFFFF) return true;
    i += d.len;
  }
  return false;
}

}  // namespace

std::string strip_controls(std::string_view utf8) {
  if (!needs_work(utf8)) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      if (!dropped_ascii(c)) out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    const detail::Decoded d = detail::decode_utf8(utf8, i);
    if (d.cp != 0xFFFE && d.cp != 0xFFFF) detail::append_utf8(out, d.cp);  // U+FFFD when ill-formed
    i += d.len;
  }
  return out;
}

}  // namespace toasoan::text
