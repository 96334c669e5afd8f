// Internal to src/text/: fold() of the Latin letters Vietnamese is written in, precomputed, so
// fold() decodes a letter and looks it up instead of calling ICU for it. Vietnamese precomposed
// letters live in Latin-1 Supplement, Latin Extended-A/B (U+00C0..U+024F: à á â ã è é ê ì í ò
// ó ô õ ù ú ý ă đ ĩ ũ ơ ư) and Latin Extended Additional (U+1E00..U+1EFF: ạ ả ấ ầ ... ỹ).
// Not part of the public API.
//
// Thread-safety: constant data; safe from any thread.
#pragma once

namespace toasoan::text::detail {

inline constexpr char32_t kLatinTableFirst = 0x00C0;
inline constexpr char32_t kLatinTableLast = 0x024F;
inline constexpr char32_t kLatinExtendedAdditionalFirst = 0x1E00;
inline constexpr char32_t kLatinExtendedAdditionalLast = 0x1EFF;

extern const char kFoldLatin[kLatinTableLast - kLatinTableFirst + 2];
extern const char kFoldLatinExtendedAdditional[kLatinExtendedAdditionalLast -
                                               kLatinExtendedAdditionalFirst + 2];

// The ASCII letter fold_with_icu() turns `cp` into, or 0 when its fold is anything other than
// one ASCII byte (æ, ß, ı, hooked African letters, ...), or when `cp` is outside both ranges;
// fold() then asks ICU.
inline char fold_latin(char32_t cp) noexcept {
  if (cp - kLatinTableFirst <= kLatinTableLast - kLatinTableFirst) {
    return kFoldLatin[cp - kLatinTableFirst];
  }
  if (cp - kLatinExtendedAdditionalFirst <=
      kLatinExtendedAdditionalLast - kLatinExtendedAdditionalFirst) {
    return kFoldLatinExtendedAdditional[cp - kLatinExtendedAdditionalFirst];
  }
  return 0;
}

}  // namespace toasoan::text::detail
