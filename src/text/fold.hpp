// Folding for search and URLs: the form in which "Đồng chí", "ĐỒNG CHÍ", "dong chi" and a
// decomposed "Đô\u0300ng chi\u0301" are the same word. Search folds every indexed word and
// every query with it; slugify builds on it.
//
// Thread-safety: free function with no shared mutable state; safe from any thread.
// Inputs must be shorter than 2 GiB (ICU indexes strings with int32_t). Throws
// std::runtime_error only when ICU cannot load its data (a broken install).
#pragma once

#include <string>
#include <string_view>

namespace toasoan::text {

// Lower case, with tone marks and the other Latin diacritics removed and đ/Đ turned into d:
// "Đồng chí" → "dong chi", "NGHỊ QUYẾT" → "nghi quyet". Vietnamese text comes out ASCII;
// other scripts come out lower-cased without combining marks U+0300..U+036F, in NFC:
// "Ελλάδα" → "ελλαδα", "서울" stays "서울". Decomposed and precomposed input give the same
// result. Ill-formed UTF-8 becomes U+FFFD. The result is valid UTF-8, and for valid input
// fold(fold(s)) == fold(s).
// Exact definition: detail::fold_with_icu (fold_icu.hpp); this is a faster route to it.
std::string fold(std::string_view utf8);

}  // namespace toasoan::text
