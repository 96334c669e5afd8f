// The search index (store/search_index.hpp) on PostgreSQL: article_search, one row per
// published article with its whole document and its headline (title and lead) as tsvectors,
// each under a GIN index, and its publication time. Thread-safe: each call borrows a pooled
// connection.
#pragma once

#include <array>
#include <string>

#include "store/postgres/pool.hpp"
#include "store/search_index.hpp"

namespace toasoan::store::postgres {

class PostgresSearchIndex final : public SearchIndex {
 public:
  explicit PostgresSearchIndex(Pool& pool) : pool_(pool) {}

  Result<FullTextAnswer> full_text(const FullTextQuery& query) override;
  Status reindex() override;
  Status optimize() override;

  // Rebuilds the index on `c` and packs it: what reindex() does, on a connection the caller
  // already holds (migrate(), under its lock).
  Status reindex_on(Connection& c);

 private:
  Status rebuild(Connection& c);
  void pack_or_warn(Connection& c);

  Pool& pool_;
};

// Every statement full_text() runs, in $N form ($1 the tsquery, $2 the phrase tsquery or '',
// $3 category, $4 from, $5 to, $6 limit, $7 offset, $8 now, $9 the tsquery the GIN index reads;
// cut to a window, $10 its start and $11 how many older headline phrases): built once, and read
// by the plan tests (store_test.cpp). Each comes in three cuts: every match (kAll), the matches
// published since $10 (kWindow), and those with the newest older ones holding the phrase in
// their title or lead (kOlderPhrases).
enum SearchCut { kAll, kWindow, kOlderPhrases, kCuts };
struct SearchStatements {
  std::array<std::string, kCuts> ranked, ranked_with_phrases, newest, suggestions;
  // Suggestions matched in the newest rows: $1–$8 as above, $9 how many of the newest rows;
  // then ([1]) with the newest $10 older rows holding the phrase in their title or lead.
  std::array<std::string, 2> recent_suggestions;
};
const SearchStatements& search_statements();

}  // namespace toasoan::store::postgres
