// Control characters taken out of outside text before it is stored. U+0000–U+001F other than
// tab and newline, and the noncharacters U+FFFE and U+FFFF, are not allowed in XML 1.0: one of
// them in a title would make the RSS feed and the sitemaps that carry it unreadable. None of
// them is anything a reader could see. Carriage return goes too, so CRLF line ends become LF,
// the one line end stored text uses.
//
// Thread-safety: a pure function; safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace toasoan::text {

// `utf8` without U+0000–U+0008, U+000B–U+001F (CR included), U+FFFE and U+FFFF. Tab and
// newline stay. Ill-formed sequences become U+FFFD as nfc() makes them, so the result is always
// valid UTF-8. Returns the input unchanged (one copy) when there is nothing to take out.
// Strip before nfc(), not after: a control between a letter and its combining mark would
// otherwise keep the two from composing.
std::string strip_controls(std::string_view utf8);

}  // namespace toasoan::text
