#include "text/utf8.hpp"

#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include "text/icu_support.hpp"
#include "text/utf8_decode.hpp"

namespace toasoan::text {

bool valid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
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
