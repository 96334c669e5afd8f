// A reader's search query, parsed once into words. Readers type with marks, without them, with
// a few, or in Telex/VNI without an input method; the parsed query keeps both the folded form
// every word is matched on and the marks the reader did type, which ranking rewards
// (rank.hpp). Each store builds its full-text question from the folded terms.
//
// The parser never fails: any bytes give a Query (perhaps empty) whose terms hold no syntax
// character at all, so nothing a reader types can reach a full-text engine as syntax.
//
// Thread-safety: free functions with no shared mutable state; safe from any thread. Throws
// std::runtime_error only when ICU cannot load its data (a broken install).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace toasoan::search {

// Input beyond this many bytes is dropped (cut at a character boundary) before anything else
// is done: a search box query is a few words, 500 bytes hold about 150 Vietnamese syllables,
// and the cut bounds the work any request can ask for.
inline constexpr std::size_t kMaxQueryBytes = 500;

// Words beyond this many are dropped. Real queries run to 2–8 words (the corpus' sample
// queries: at most 5); each word is one more FTS5 term list to intersect.
inline constexpr std::size_t kMaxQueryTerms = 12;

// One word of a query.
struct Term {
  std::string folded;    // text::fold() of the word: "nghị" → "nghi", "Đường" → "duong"
  std::string accented;  // the word in lower case and NFC when it carried any Vietnamese mark
                         // or đ ("đường"), else "" (the reader typed no marks on it)

  friend bool operator==(const Term&, const Term&) = default;
};

struct Query {
  // A group is a quoted phrase (its words must appear consecutively) or a single word.
  // Every group must match (AND). Never holds an empty group or a Term with empty `folded`.
  std::vector<std::vector<Term>> groups;
  // decoded_groups(*this) (input_method.hpp): the Telex/VNI reading, or empty. parse_query
  // works it out once, for the store's question, the ranking and every snippet to share.
  std::vector<std::vector<Term>> decoded;

  bool empty() const { return groups.empty(); }
};

// Parses what a reader typed. Rules, in order:
//   1. Bytes beyond kMaxQueryBytes are dropped, never splitting a UTF-8 sequence.
//   2. NFC; ill-formed UTF-8 becomes U+FFFD (which then separates words).
//   3. Words are maximal runs of Unicode letters, decimal digits and the combining marks that
//      follow them. Everything else separates words: spaces, punctuation, and all FTS5 and SQL
//      syntax (" * ( ) : ^ - + ' ; { } [ ] , .). "AND", "OR", "NOT", "NEAR" are plain words.
//   4. Quotes — " and the typographic “ ” „ « » — pair up in order; the words between a pair
//      form one phrase group. An odd last quote is ignored: its words count as single words.
//   5. Each word becomes a Term (folded, accented); a word whose fold is empty is dropped.
//   6. At most kMaxQueryTerms terms are kept (the first ones, counting phrase words).
Query parse_query(std::string_view raw);

}  // namespace toasoan::search
