// Internal to src/text/: the slow, plainly correct definition of fold(), written with ICU.
// fold() hands it every code point its table does not cover, and the tests hold fold()'s
// table and fast path to it. Not part of the public API.
//
// Thread-safety: pure functions over immutable ICU singletons; safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace toasoan::text::detail {

// Appends the fold of `utf8` to `out`, computed as:
//   1. decode, each ill-formed subpart becoming U+FFFD;
//   2. NFD;
//   3. drop the combining diacritical marks U+0300..U+036F (all of Vietnamese's tone and
//      vowel marks are there: U+0300 U+0301 U+0303 U+0309 U+0323, U+0302 U+0306 U+031B);
//   4. u_tolower each code point (simple case mapping: one code point in, one out);
//   5. replace a letter whose diacritic is fused into it by its base (fused_diacritic_base);
//   6. NFC, so that scripts whose letters NFD takes apart without any mark being dropped
//      (Hangul syllables, kana with voicing marks) come out as they went in, not as jamo.
void fold_with_icu(std::string_view utf8, std::string& out);

// The ASCII base letter of a lower-case letter whose diacritic has no canonical decomposition,
// so NFD cannot remove it; 0 for any other code point. đ (U+0111) is the one Vietnamese needs.
char fused_diacritic_base(char32_t lower) noexcept;

}  // namespace toasoan::text::detail
