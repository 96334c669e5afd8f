// The search index (store/search_index.hpp) on PostgreSQL: article_search, one row per
// published article with its whole document and its headline (title and lead) as tsvectors,
// each under a GIN index, and its publication time. Thread-safe: each call borrows a pooled
// connection.
#pragma once

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

}  // namespace toasoan::store::postgres
