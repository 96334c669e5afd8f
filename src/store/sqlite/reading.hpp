// The reading side (store/reading.hpp) on SQLite: each call borrows a pooled connection and
// runs its cached statements. Thread-safe.
#pragma once

#include "store/reading.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqliteReading final : public Reading {
 public:
  explicit SqliteReading(Pool& pool) : pool_(pool) {}

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

}  // namespace toasoan::store::sqlite
