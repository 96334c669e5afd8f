// The shared areas' Session (store/sql_session.hpp) on SQLite: each statement turned into
// SQLite's ?1 form and compiled once per connection (its cache is keyed by the text), every
// column read back as text. On a unit of work's connection, or on a pooled one held for the
// session's life.
//
// Thread-compatible: a session belongs to one call.
#pragma once

#include <optional>

#include "store/sql_session.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqliteSession final : public sql::Session {
 public:
  explicit SqliteSession(Connection& c) : c_(c) {}
  explicit SqliteSession(Pool::Lease lease) : lease_(std::move(lease)), c_(**lease_) {}

  Result<sql::Table> run(const std::string& statement, const std::vector<sql::Value>& params) override;

 private:
  std::optional<Pool::Lease> lease_;
  Connection& c_;
};

}  // namespace toasoan::store::sqlite
