// Counting and cutting text the way a reader counts letters: the comment box's "Bạn còn
// N/500 ký tự", its 5-character minimum, and any "at most N characters" rule. A character is
// a Unicode code point after NFC, so "ệ" counts 1 whether it was typed precomposed or as
// e + U+0323 + U+0302. The browser computes [...s.normalize('NFC')].length; these functions
// give the same number, so server and browser accept and refuse the same text.
//
// Words, as the newsroom's editor shows them beside the body: web/newsroom/src/text/count.ts
// computes the same count in the browser, to the definition written at count_words(); a change
// to one is a change to both.
//
// Thread-safety: free functions with no shared mutable state; safe from any thread.
// Inputs must be shorter than 2 GiB (ICU indexes strings with int32_t). Throws
// std::runtime_error only when ICU cannot load its data (a broken install).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace toasoan::text {

// The number of code points in nfc(utf8). Ill-formed bytes count as the U+FFFD nfc() puts in
// their place.
std::size_t count_chars(std::string_view utf8);

// nfc(utf8) cut after at most n code points; never splits a code point.
std::string truncate_chars(std::string_view utf8, std::size_t n);

// The number of words in utf8: the text is split on Unicode whitespace (the White_Space
// property: space, tab, line breaks, NBSP U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000…;
// not U+200B or U+FEFF), and a word is a piece holding at least one letter or number (general
// category L* or N*). So "Hà Nội – 2026" is 3 words: the dash alone is none, and "2026" is one.
// Combining marks are neither space nor letter, so a decomposed "Nội" is one word as a
// precomposed one is, and no normalisation is needed. Ill-formed bytes count as U+FFFD, which is
// neither. In the browser: split on /\p{White_Space}+/u (not \s, which also splits at U+FEFF) and
// keep the pieces matching /[\p{L}\p{N}]/u.
std::size_t count_words(std::string_view utf8);

}  // namespace toasoan::text
