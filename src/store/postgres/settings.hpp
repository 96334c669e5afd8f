// The newsroom's settings (store/settings.hpp) on PostgreSQL: read through the pool, written on a
// unit of work's connection. Thread-safe: any method from any thread.
#pragma once

#include "store/settings.hpp"
#include "store/postgres/pool.hpp"

namespace toasoan::store::postgres {

class PostgresSettings final : public Settings {
 public:
  explicit PostgresSettings(Pool& pool) : pool_(pool) {}

  Result<std::optional<std::string>> get(std::string_view name) override;
  Result<std::map<std::string, std::string>> all() override;
  // REQUIRES: `work` was begun by the PostgreSQL database this area belongs to.
  Status set(UnitOfWork& work, std::string_view name, std::string_view value) override;

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::postgres
