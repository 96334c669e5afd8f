// URL slugs: the readable, ASCII part of public URLs such as /thoi-su/ and
// /thoi-su/<title-slug>-<id>.html, made from a category name or an article title.
//
// Thread-safety: free function with no shared mutable state; safe from any thread.
// Throws std::runtime_error only when ICU cannot load its data (a broken install).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace toasoan::text {

// A slug is cut to at most this many characters, at a word boundary when there is one. Long
// enough for every real headline's words to say what the page is (corpus titles run to 149
// characters, median 57); short enough that a shared link stays one line in a chat or a tweet.
// The article id after the slug keeps URLs unique, so cutting never causes a clash.
inline constexpr std::size_t kMaxSlugLength = 120;

// fold(), then every run of characters other than [a-z0-9] becomes one '-', with none at
// either end: "Thời sự" → "thoi-su", "Khoa học - Công nghệ" → "khoa-hoc-cong-nghe". Longer
// than kMaxSlugLength: cut at the last '-' at or before that length (or at that length if one
// word is longer). Returns "" when nothing foldable to [a-z0-9] is left; callers decide what
// such a page is called.
std::string slugify(std::string_view utf8);

}  // namespace toasoan::text
