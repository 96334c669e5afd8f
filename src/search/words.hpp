// Internal to src/search/: the one definition of a word that the query parser, the index text,
// highlighting and ranking share, so that a word the reader typed and the same word in an
// article are cut the same way everywhere. Also the per-word forms built on it: lower case,
// "carries Vietnamese marks", and a key that compares marks but not where the tone sits.
// Not part of the public API.
//
// Thread-safety: pure functions over immutable ICU data; safe from any thread.
// Texts must be shorter than 2 GiB (ICU indexes strings with int32_t).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace toasoan::search::detail {

// Byte offsets of one word: text.substr(begin, end - begin).
struct WordSpan {
  std::size_t begin;
  std::size_t end;
};

// The words of `text`: maximal runs of letters (Unicode category L), decimal digits (Nd) and
// the combining marks (M) that follow either. Everything else — spaces, punctuation, symbols,
// U+FFFD, and so every FTS and SQL syntax character — separates words. A mark with no letter
// or digit before it belongs to no word. Appends to `out`.
// REQUIRES: `text` is well-formed UTF-8 (what text::nfc() returns).
void split_words(std::string_view text, std::vector<WordSpan>& out);

// True for a code point that split_words() puts inside a word, given whether a word is open.
bool is_word_char(char32_t cp, bool in_word);

// Simple (one code point to one) lower-casing, then NFC. ASCII needs no ICU.
// REQUIRES: `word` is well-formed UTF-8.
std::string lower(std::string_view word);

// True when `word` carries any mark Vietnamese writes — the five tone marks (grave, acute,
// hook above, tilde, dot below) or the vowel marks (circumflex, breve, horn) — in either
// composed or decomposed form, or is spelled with đ/Đ.
// REQUIRES: `word` is well-formed UTF-8.
bool has_vietnamese_marks(std::string_view word);

// A key on which two spellings of a word are equal when they have the same letters, the same
// vowel marks and the same tone, wherever the tone is placed and whatever the case or
// normalisation: "hòa", "hoà", "HÒA" and a decomposed "ho\u0300a" share one key; "đường",
// "dương" and "đương" have three. (Vietnamese has two conventions for placing the tone in
// oa/oe/uy, and newspapers use both.)
// REQUIRES: `word` is well-formed UTF-8.
std::string mark_key(std::string_view word);

}  // namespace toasoan::search::detail
