// A JSON string literal written by hand, for the few places that write a small document of a
// fixed shape (an API error, a page's structured data) faster than building one and dumping it.
//
// Thread-safety: a pure function.
#pragma once

#include <string>
#include <string_view>

namespace toasoan {

// Appends `s` quoted, with `"`, `\` and every control character escaped. The bytes are copied
// as they are otherwise: callers hand it UTF-8.
void append_json_string(std::string& out, std::string_view s);

}  // namespace toasoan
