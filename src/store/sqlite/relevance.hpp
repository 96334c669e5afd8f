// bm25_counted(TABLE, COUNTS, W0, W1, …): FTS5's own bm25 (the same formula, k1 1.2, b 0.75,
// each column's instances weighed by W0, W1, …, negated as bm25 is: lower is better), but each
// phrase's number of articles is given in COUNTS ("812,40213": one integer a phrase, in the
// order of the MATCH expression) instead of counted. FTS5's bm25 counts them by walking every
// phrase's whole list of articles once a query, and once again after each new filter: at a
// million articles 80 ms for five common words before the first row is ranked. The caller counts
// them within the newest ids alone (search_index.cpp), so the cost no longer grows with the
// archive; a phrase missing from COUNTS is counted as bm25 does.
#pragma once

#include <sqlite3.h>

namespace toasoan::store::sqlite {

void bm25_counted(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                  sqlite3_value** argv);

}  // namespace toasoan::store::sqlite
