// The reading side (store/reading.hpp) on PostgreSQL: each call a read on a pooled
// connection, tried once more on a fresh one when the first turned out broken. Thread-safe.
#pragma once

#include "store/postgres/pool.hpp"
#include "store/reading.hpp"

namespace toasoan::store::postgres {

class PostgresReading final : public Reading {
 public:
  explicit PostgresReading(Pool& pool) : pool_(pool) {}

  Result<std::vector<articles::Summary>> latest(const ListQuery& query) override;
  Result<std::vector<articles::Summary>> published_between(std::int64_t from, std::int64_t to, int limit,
                                                           int offset, std::int64_t now) override;
  Result<std::vector<articles::Summary>> addresses_between(std::int64_t from, std::int64_t to, int limit,
                                                           int offset, std::int64_t now) override;
  Result<std::vector<articles::ArchiveMonth>> archive_months(std::int64_t now) override;
  Result<std::int64_t> count_published(std::optional<std::int64_t> category_id, std::int64_t now) override;
  Result<std::optional<std::int64_t>> next_publication(std::int64_t now) override;
  Result<std::optional<articles::Article>> article(std::int64_t id) override;
  Result<std::vector<articles::Article>> articles(std::span<const std::int64_t> ids) override;
  Result<std::vector<articles::Category>> categories() override;
  Result<bool> empty() override;

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::postgres
