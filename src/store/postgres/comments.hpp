// Readers' comments (store/comments.hpp) on PostgreSQL: the shared statements
// (store/sql_comments.hpp) run as statements prepared once per pooled connection. A comment
// read inside a unit of work is locked (FOR UPDATE) until the unit ends, so two moderators
// deciding on it take turns and its article's count moves once. A commit is durable as it is
// (synchronous_commit on: the server flushes its WAL before answering), so post()'s unit is an
// ordinary one. Thread-safe: a connection per call.
#pragma once

#include "store/postgres/pool.hpp"
#include "store/sql_comments.hpp"

namespace toasoan::store::postgres {

class PostgresComments final : public sql::SqlComments {
 public:
  explicit PostgresComments(Pool& pool) : pool_(pool) {}

 protected:
  Result<std::unique_ptr<sql::Session>> session() override;
  std::unique_ptr<sql::Session> session(UnitOfWork& work) override;
  Result<std::unique_ptr<UnitOfWork>> begin() override;
  Result<std::unique_ptr<UnitOfWork>> begin_durable() override { return begin(); }
  const char* lock_clause() const override { return " FOR UPDATE"; }

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::postgres
