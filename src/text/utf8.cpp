#include "text/utf8.hpp"

#include <array>
#include <cstdint>

#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include "text/icu_support.hpp"
#include "text/utf8_decode.hpp"

namespace toasoan::text {

namespace {

// valid_utf8 as a state machine over bytes, without a branch on what each byte is: Vietnamese
// prose switches between ASCII, two- and three-byte letters every few bytes, and a validator
// branching on them mispredicted its way to 0.46 GB/s on stored article bodies, where this one
// checks 1.6 GB/s (3.5 times; a stored article's blocks are checked at every uncached render of
// its page). Each row holds, for one byte, the next state of every state, six bits a state, each
// state written as its own bit offset (Per Vognsen's shift-based DFA): one load and one shift a
// byte. The states are RFC 3629's well-formed sequences, so it agrees with decode_utf8
// (utf8_test checks every sequence of up to three bytes).
enum Utf8State : unsigned {
  kAccept,    // between characters
  kOneMore,   // one continuation byte (80..BF) still to come
  kTwoMore,   // two
  kThreeMore, // three
  kAfterE0,   // A0..BF, then one more: no overlong three-byte form
  kAfterED,   // 80..9F, then one more: no surrogate
  kAfterF0,   // 90..BF, then two more: no overlong four-byte form
  kAfterF4,   // 80..8F, then two more: nothing above U+10FFFF
  kIllFormed, // stays so
  kUtf8States
};

constexpr unsigned next_utf8_state(unsigned state, unsigned b) {
  const bool continuation = b >= 0x80 && b <= 0xBF;
  switch (state) {
    case kAccept:
      if (b < 0x80) return kAccept;
      if (b >= 0xC2 && b <= 0xDF) return kOneMore;
      if (b == 0xE0) return kAfterE0;
      if (b == 0xED) return kAfterED;
      if (b >= 0xE1 && b <= 0xEF) return kTwoMore;
      if (b == 0xF0) return kAfterF0;
      if (b >= 0xF1 && b <= 0xF3) return kThreeMore;
      if (b == 0xF4) return kAfterF4;
      return kIllFormed;
    case kOneMore: return continuation ? kAccept : kIllFormed;
    case kTwoMore: return continuation ? kOneMore : kIllFormed;
    case kThreeMore: return continuation ? kTwoMore : kIllFormed;
    case kAfterE0: return b >= 0xA0 && b <= 0xBF ? kOneMore : kIllFormed;
    case kAfterED: return b >= 0x80 && b <= 0x9F ? kOneMore : kIllFormed;
    case kAfterF0: return b >= 0x90 && b <= 0xBF ? kTwoMore : kIllFormed;
    case kAfterF4: return b >= 0x80 && b <= 0x8F ? kTwoMore : kIllFormed;
    default: return kIllFormed;
  }
}

constexpr std::array<std::uint64_t, 256> kUtf8Rows = [] {
  std::array<std::uint64_t, 256> rows{};
  for (unsigned b = 0; b < 256; ++b)
    for (unsigned s = 0; s < kUtf8States; ++s) rows[b] |= std::uint64_t{6 * next_utf8_state(s, b)} << (6 * s);
  return rows;
}();

}  // namespace

bool valid_utf8(std::string_view bytes) {
  std::uint64_t state = 6 * kAccept;
  for (unsigned char c : bytes) state = (kUtf8Rows[c] >> state) & 63;
  return state == 6 * kAccept;
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
