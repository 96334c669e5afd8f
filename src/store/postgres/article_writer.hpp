// Writing articles (store/article_writer.hpp) on PostgreSQL: one statement per article that
// upserts it, rewrites its index row and returns what it was before, sent in pipeline mode so
// a batch costs a few round trips; the change-log entries are recorded on the unit of work.
// Thread-safe: a unit of work per call.
#pragma once

#include <string>

#include "store/article_writer.hpp"
#include "store/postgres/pool.hpp"

namespace toasoan::store::postgres {

class PostgresUnitOfWork;

// Finds or creates the category named `name` in `work`, as an import does (a new one goes last
// in the display order, takes a slug of its own and is logged): the desk makes the default
// category for a draft with it.
Result<std::int64_t> find_or_create_category(PostgresUnitOfWork& work, const std::string& name);

class PostgresArticleWriter final : public ArticleWriter {
 public:
  explicit PostgresArticleWriter(Pool& pool) : pool_(pool) {}

  // REQUIRES: `work` was begun by the PostgreSQL database this writer belongs to.
  Result<std::vector<Upserted>> upsert(UnitOfWork& work, std::span<const articles::Incoming> batch,
                                       std::int64_t now, const UpsertOptions& options = {},
                                       std::span<const Prepared> prepared = {}) override;
  Result<std::vector<Upserted>> upsert(std::span<const articles::Incoming> batch, std::int64_t now,
                                       const UpsertOptions& options = {},
                                       std::span<const Prepared> prepared = {}) override;

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::postgres
