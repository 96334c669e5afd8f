// UTF-8 validation and NFC normalisation: the gate every piece of outside text (a reporter's
// paste, a reader's comment, an imported article) passes before it is stored or compared.
// Stored text is NFC so that the same word is the same bytes, whichever keyboard typed it.
//
// Thread-safety: free functions with no shared mutable state; safe from any thread.
// Inputs must be shorter than 2 GiB (ICU indexes strings with int32_t). Throws
// std::runtime_error only when ICU cannot load its data (a broken install).
#pragma once

#include <string>
#include <string_view>

namespace toasoan::text {

// True when `bytes` is well-formed UTF-8: no overlong forms, no surrogates (U+D800..U+DFFF),
// nothing above U+10FFFF, no truncated sequence. The empty string is valid.
bool valid_utf8(std::string_view bytes);

// Appends the UTF-8 form of a scalar value (a JSON reader's \u escape, say).
// REQUIRES: cp <= 0x10FFFF and cp is not a surrogate.
void append_utf8(std::string& out, char32_t cp);

// The NFC form of `utf8`. Returns the input unchanged (one copy, no ICU work beyond a quick
// check) when it is ASCII or already NFC, which is almost all real text.
// Ill-formed input is not rejected: each maximal ill-formed subpart becomes U+FFFD, so the
// result is always valid UTF-8. Callers that must refuse bad input call valid_utf8 first.
std::string nfc(std::string_view utf8);

}  // namespace toasoan::text
