#include "text/fold.hpp"

#include <array>

#include "text/fold_icu.hpp"
#include "text/fold_table.hpp"
#include "text/utf8_decode.hpp"

namespace toasoan::text {

namespace {

constexpr std::array<char, 128> kAsciiLower = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

constexpr bool is_combining_diacritic(char32_t cp) { return cp - 0x0300 <= 0x036F - 0x0300; }

}  // namespace

// Three routes, cheapest first: ASCII bytes through a 128-entry table; letters of the two
// Latin blocks through fold_table; marks U+0300..U+036F dropped. Anything else starts a "slow
// run" handed whole to fold_with_icu. A run goes on through every following code point that
// is neither ASCII nor a table letter, combining marks included, so that ICU sees a base
// together with its marks and can put non-dropped marks in canonical order exactly as it would
// for the whole string. Cutting the input at ASCII and table letters is safe because those are
// all starters whose own marks, if any, are dropped, so NFD moves nothing across them, and no
// ASCII letter composes with a mark outside U+0300..U+036F, so the final NFC joins nothing
// across them either. Tests compare this function with fold_with_icu on whole strings.
std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();

  std::size_t i = 0;
  while (i < n) {
    if (bytes[i] < 0x80) {
      out.push_back(kAsciiLower[bytes[i]]);
      ++i;
      continue;
    }
    const detail::Decoded d = detail::decode_utf8(utf8, i);
    if (!d.ok) {
      detail::append_utf8(out, detail::kReplacementChar);
      i += d.len;
      continue;
    }
    if (const char ascii = detail::fold_latin(d.cp)) {
      out.push_back(ascii);
      i += d.len;
      continue;
    }
    if (is_combining_diacritic(d.cp)) {
      i += d.len;
      continue;
    }

    const std::size_t run_start = i;
    i += d.len;
    while (i < n && bytes[i] >= 0x80) {
      const detail::Decoded next = detail::decode_utf8(utf8, i);
      if (!next.ok || detail::fold_latin(next.cp) != 0) break;
      i += next.len;
    }
    detail::fold_with_icu(utf8.substr(run_start, i - run_start), out);
  }
  return out;
}

}  // namespace toasoan::text
