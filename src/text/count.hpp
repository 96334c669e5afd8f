// Counting and cutting text the way a reader counts letters: the comment box's "Bạn còn
// N/500 ký tự", its 5-character minimum, and any "at most N characters" rule. A character is
// a Unicode code point after NFC, so "ệ" counts 1 whether it was typed precomposed or as
// e + U+0323 + U+0302. The browser computes [...s.normalize('NFC')].length; these functions
// give the same number, so server and browser accept and refuse the same text.
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

}  // namespace toasoan::text
