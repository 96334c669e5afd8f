// Two FTS5 auxiliary functions about where the query's words stand in the current match,
// read from the positions FTS5 already holds for the row (no second MATCH, no text read). They
// serve both full-text tables (search_index.hpp), whose first two columns are title and lead:
//
//   headline_phrase(article_search, READINGS) → 1 when every word of one reading stands side
//     by side, in order, in the title or the lead; else 0. A reading of one word never counts.
//     Readers who know what they are looking for type a run of words from a headline or a
//     lead; a phrase deep in a body (a common one such as "Việt Nam") says little.
//
//   word_pairs(article_search, READINGS) → 0..1: of each reading's neighbouring words
//     ("nghị"+"quyết", "quyết"+"hội", …), the share found side by side, in order, anywhere in
//     the article; the best reading's share. Vietnamese words are one to three syllables
//     written apart, so "nghị quyết" held together is the word, and scattered it is not: this
//     is the proximity the relevance order adds to bm25 (sqlite_store.cpp).
//
// READINGS gives the query's readings as the number of groups each has, in the order they
// appear in the MATCH expression: "3" for one reading of three groups, "3,3" for a literal and
// a decoded reading of three each. A group is one FTS5 phrase (a quoted group is one phrase,
// already whole), but a reading's last group may be either of several phrases, the completions
// of a half-typed word: "2/12" is two groups, the second any of 12 phrases ("toa" then "nha",
// "nhac", …), 13 phrases in all.
#pragma once

#include <sqlite3.h>

#include "base/result.hpp"

namespace toasoan::store::sqlite {

// Makes headline_phrase(), word_pairs() and bm25_counted() (relevance.hpp) available on the
// connection. Fails only when FTS5 is missing.
Status register_search_functions(sqlite3* db);

}  // namespace toasoan::store::sqlite
