// A reader's search query, parsed once into words, and the SQLite FTS5 MATCH expression that
// finds it in an index of folded text. Readers type with marks, without them, with a few, or
// in Telex/VNI without an input method; the parsed query keeps both the folded form every
// word is matched on and the marks the reader did type, which ranking rewards (rank.hpp).
//
// The parser never fails: any bytes give a Query (perhaps empty), and any Query gives an
// expression made only of double-quoted [a-z0-9] tokens, spaces, parentheses, '*' and OR,
// so nothing a reader types can reach FTS5 as syntax.
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

// The SQLite FTS5 MATCH expression for `q` over an index that holds index_text() of each
// field (see below). Returns "" when no term has anything to match in that index (an empty
// query, or only words of other scripts): show the "nothing found" page without querying.
//
// Grammar of the result (nothing else is ever emitted):
//   expression := reading | "(" reading ") OR (" reading ")"
//   reading    := group (" " group)*                 -- groups ANDed (FTS5 implicit AND)
//   group      := '"' token (" " token)* '"' ["*"]   -- a phrase; one token for a word
//   token      := [a-z0-9]+
// A term contributes the [a-z0-9] runs of its folded form as consecutive tokens (index_text()
// cuts the indexed text the same way); a group left with no token is dropped.
// With `prefix_last` (suggestions while typing) the last group ends with '*', so its last
// token matches as a prefix.
// When any word decodes as Telex or VNI (input_method.hpp), the result is
// "(literal reading) OR (decoded reading)", the decoded reading being the query with every
// decodable word replaced by its Vietnamese fold: "nghij quyeets" gives
//   ("nghij" "quyeets") OR ("nghi" "quyet")
std::string fts_match_expression(const Query& q, bool prefix_last);

// What the index must hold for a field (title, lead, body) so that fts_match_expression finds
// it: each word (as parse_query cuts words) folded, then cut into its [a-z0-9] runs, the runs
// separated by single spaces. "Nghị quyết Hội nghị lần thứ 6" → "nghi quyet hoi nghi lan thu 6".
// Any FTS5 tokenizer that splits on spaces (ascii, unicode61) then sees exactly these tokens.
// Words of other scripts leave nothing: the index, like slugs, is [a-z0-9].
// Ill-formed UTF-8 is read as U+FFFD, as everywhere.
std::string index_text(std::string_view text);

}  // namespace toasoan::search
