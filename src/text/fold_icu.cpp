#include "text/fold_icu.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/icu_support.hpp"

namespace toasoan::text::detail {

namespace {

// Lower-case letters with a stroke, bar or middle dot overlaid: the diacritic is part of the
// letter, so NFD leaves them whole. đ is Vietnamese. ð (eth) and ɖ (African d) stand in for đ
// in text that went through legacy Vietnamese encodings (Windows-1258 puts Đ/đ where Latin-1
// has Ð/ð), and readers searching "dang" must still find it. The rest are the same kind of mark
// on other letters; ICU's Latin-ASCII transform strips them the same way.
// Sorted by code point for binary search.
constexpr std::array<std::pair<char32_t, char>, 21> kFusedDiacritics = {{
    {0x00F0, 'd'},  // ð
    {0x00F8, 'o'},  // ø
    {0x0111, 'd'},  // đ
    {0x0127, 'h'},  // ħ
    {0x0140, 'l'},  // ŀ
    {0x0142, 'l'},  // ł
    {0x0167, 't'},  // ŧ
    {0x0180, 'b'},  // ƀ
    {0x019A, 'l'},  // ƚ
    {0x01B6, 'z'},  // ƶ
    {0x01E5, 'g'},  // ǥ
    {0x023C, 'c'},  // ȼ
    {0x0247, 'e'},  // ɇ
    {0x0249, 'j'},  // ɉ
    {0x024D, 'r'},  // ɍ
    {0x024F, 'y'},  // ɏ
    {0x0256, 'd'},  // ɖ
    {0x0268, 'i'},  // ɨ
    {0x0289, 'u'},  // ʉ
    {0x2C65, 'a'},  // ⱥ
    {0x2C66, 't'},  // ⱦ
}};

static_assert(std::is_sorted(kFusedDiacritics.begin(), kFusedDiacritics.end()));

bool is_combining_diacritic(UChar32 c) { return c >= 0x0300 && c <= 0x036F; }

}  // namespace

char fused_diacritic_base(char32_t lower) noexcept {
  const auto it = std::lower_bound(
      kFusedDiacritics.begin(), kFusedDiacritics.end(), lower,
      [](const std::pair<char32_t, char>& entry, char32_t cp) { return entry.first < cp; });
  return it != kFusedDiacritics.end() && it->first == lower ? it->second : 0;
}

void fold_with_icu(std::string_view utf8, std::string& out) {
  const icu::UnicodeString decoded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed;
  nfd_normalizer().normalize(decoded, decomposed, status);
  if (U_FAILURE(status)) throw_icu_error("normalize (NFD)", status);

  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (is_combining_diacritic(c)) continue;
    const UChar32 lower = u_tolower(c);
    const char base = fused_diacritic_base(static_cast<char32_t>(lower));
    folded.append(base != 0 ? static_cast<UChar32>(base) : lower);
  }

  icu::UnicodeString composed;
  nfc_normalizer().normalize(folded, composed, status);
  if (U_FAILURE(status)) throw_icu_error("normalize (NFC)", status);
  composed.toUTF8String(out);
}

}  // namespace toasoan::text::detail
