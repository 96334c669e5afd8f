// Internal to src/text/: the one UTF-8 decoding step every function of this module uses, so
// that the validator, nfc, fold and count all agree on where a code point ends and on what is
// ill-formed. Not part of the public API.
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace toasoan::text::detail {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Decoded {
  char32_t cp;      // the code point, or U+FFFD when !ok
  std::size_t len;  // bytes consumed, >= 1
  bool ok;          // false for an ill-formed sequence
};

// Decodes the code point that starts at s[i].
// REQUIRES: i < s.size().
//
// An ill-formed sequence consumes its "maximal subpart" (Unicode 15 §3.9, U+FFFD substitution
// of maximal subparts): the longest prefix that could still have begun a valid sequence, or one
// byte. ICU's UnicodeString::fromUTF8 and the browsers' TextDecoder substitute the same way, so
// a stray byte becomes exactly one U+FFFD wherever the text is decoded and counts agree.
// Overlongs (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code points above
// U+10FFFF (F4 90.., F5..FF) are ill-formed.
inline Decoded decode_utf8(std::string_view s, std::size_t i) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const unsigned b0 = p[i];
  auto cont = [&](std::size_t k) { return i + k < n && (p[i + k] & 0xC0u) == 0x80u; };

  if (b0 < 0x80) return {b0, 1, true};
  if (b0 < 0xC2) return {kReplacementChar, 1, false};
  if (b0 < 0xE0) {
    if (!cont(1)) return {kReplacementChar, 1, false};
    return {((b0 & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu), 2, true};
  }
  if (b0 < 0xF0) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
    if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi) return {kReplacementChar, 1, false};
    if (!cont(2)) return {kReplacementChar, 2, false};
    return {((b0 & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu), 3, true};
  }
  if (b0 < 0xF5) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi) return {kReplacementChar, 1, false};
    if (!cont(2)) return {kReplacementChar, 2, false};
    if (!cont(3)) return {kReplacementChar, 3, false};
    return {((b0 & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) |
                (p[i + 3] & 0x3Fu),
            4, true};
  }
  return {kReplacementChar, 1, false};
}

// Appends the UTF-8 form of a scalar value.
// REQUIRES: cp <= 0x10FFFF and cp is not a surrogate.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    const char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    const char b[3] = {static_cast<char>(0xE0 | (cp >> 12)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    const char b[4] = {static_cast<char>(0xF0 | (cp >> 18)),
                       static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

// True when every byte is below 0x80. Eight bytes at a time: most of what passes through here
// (URLs, markup, numbers) is ASCII, and ASCII needs no normalisation.
inline bool is_ascii(std::string_view s) noexcept {
  std::size_t i = 0;
  unsigned long long acc = 0;
  for (; i + 8 <= s.size(); i += 8) {
    unsigned long long w;
    std::memcpy(&w, s.data() + i, 8);
    acc |= w;
  }
  for (; i < s.size(); ++i) acc |= static_cast<unsigned char>(s[i]);
  return (acc & 0x8080808080808080ull) == 0;
}

}  // namespace toasoan::text::detail
