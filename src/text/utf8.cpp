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
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Eight ASCII bytes at a time: most of a page's markup and JSON, and the spaces and
    // letters between a Vietnamese text's marked ones.
    std::uint64_t word;
    if (bytes.size() - i >= 8 && (std::memcpy(&word, bytes.data() + i, 8), (word & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const detail::Decoded d = detail::decode_utf8(bytes, i);
    if (!d.ok) return false;
    i += d.len;
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
