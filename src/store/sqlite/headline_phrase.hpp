// headline_phrase(article_search, READINGS): an FTS5 auxiliary function telling whether the
// current match holds every word of one reading of the query side by side, in order, in the
// title or the lead (1) or not (0).
//
// READINGS gives the query's readings as the number of FTS5 phrases (groups) each has, in the
// order they appear in the MATCH expression: "3" for one reading of three groups, "3,3" for a
// literal and a decoded reading of three each. A reading of a single word is never a phrase
// match (every match would be one).
//
// Why an auxiliary function: FTS5 already holds every matched word's positions for the row it
// is on, so the phrase test costs a few comparisons; a second MATCH for the phrase would read
// the same position lists from the index again.
//
// Why the title and the lead: readers who know what they are looking for type a run of words
// they saw in a headline or a lead; a phrase buried in a body (a common one such as "Việt Nam")
// says little about the article.
#pragma once

#include <sqlite3.h>

#include "base/result.hpp"

namespace toasoan::store::sqlite {

// Makes headline_phrase() available on the connection. Fails only when FTS5 is missing.
Status register_headline_phrase(sqlite3* db);

}  // namespace toasoan::store::sqlite
