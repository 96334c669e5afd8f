// Writing articles (store/article_writer.hpp) on SQLite: each article is looked up by its
// external id and updated or inserted, its index row rewritten and its change-log entries
// recorded, all on the unit of work's connection. Thread-safe: a unit of work per call.
#pragma once

#include <string>

#include "store/article_writer.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqliteUnitOfWork;

// Finds or creates the category named `name` in `work`, as an import does (a new one goes last
// in the display order, takes a slug of its own and is logged): the desk makes the default
// category for a draft with it.
Result<std::int64_t> find_or_create_category(SqliteUnitOfWork& work, const std::string& name);

class SqliteArticleWriter final : public ArticleWriter {
 public:
  explicit SqliteArticleWriter(Pool& pool) : pool_(pool) {}

  // REQUIRES: `work` was begun by the SQLite database this writer belongs to.
  Result<std::vector<Upserted>> upsert(UnitOfWork& work, std::span<const articles::Incoming> batch,
                                       std::int64_t now, const UpsertOptions& options = {},
                                       std::span<const Prepared> prepared = {}) override;
  Result<std::vector<Upserted>> upsert(std::span<const articles::Incoming> batch, std::int64_t now,
                                       const UpsertOptions& options = {},
                                       std::span<const Prepared> prepared = {}) override;

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::sqlite
