#include "text/utf8.hpp"

#include <cstdint>
#include <cstring>

#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include "text/icu_support.hpp"
#include "text/utf8_decode.hpp"

namespace toasoan::text {

bool valid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  auto cont = [p](std::size_t k) { return (p[k] & 0xC0u) == 0x80u; };
  std::size_t i = 0;
  // A byte at a time: in Vietnamese prose ASCII runs are a word long, too short for a test of
  // eight bytes at once to pay (2.3 times the speed of decoding behind such a test,
  // bench/text_bench.cpp). The letters in two bytes (à, ă, đ, ơ, ư: C2..DF) and in three away
  // from the boundaries of E0 and ED (ạ, ấ, ộ: E1) are checked without decoding: a stored
  // article's blocks are checked at every uncached render of its page.
  while (i < n) {
    const unsigned b = p[i];
    if (b < 0x80) {
      ++i;
    } else if (b >= 0xC2 && b <= 0xDF && n - i >= 2 && cont(i + 1)) {
      i += 2;
    } else if (b >= 0xE1 && b <= 0xEF && b != 0xED && n - i >= 3 && cont(i + 1) && cont(i + 2)) {
      i += 3;
    } else {
      const detail::Decoded d = detail::decode_utf8(bytes, i);
      if (!d.ok) return false;
      i += d.len;
    }
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) { detail::append_utf8(out, cp); }

std::string nfc(std::string_view utf8) {
  if (detail::is_ascii(utf8)) return std::string(utf8);

  const icu::Normalizer2& normalizer = detail::nfc_normalizer();
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  UErrorCode status = U_ZERO_ERROR;

  if (valid_utf8(utf8)) {
    if (normalizer.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
      return std::string(utf8);
    }
    status = U_ZERO_ERROR;
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    normalizer.normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) detail::throw_icu_error("normalizeUTF8", status);
    return out;
  }

  // normalizeUTF8 does not document what it does with ill-formed bytes; fromUTF8 documents
  // U+FFFD substitution, so ill-formed input takes the UTF-16 road.
  const icu::UnicodeString decoded = icu::UnicodeString::fromUTF8(piece);
  icu::UnicodeString normalized;
  normalizer.normalize(decoded, normalized, status);
  if (U_FAILURE(status)) detail::throw_icu_error("normalize", status);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

}  // namespace toasoan::text
