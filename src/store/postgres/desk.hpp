// The desk (store/desk.hpp) on PostgreSQL: the shared statements (store/sql_desk.hpp) run as
// statements prepared once per pooled connection. A piece read inside a unit of work is locked
// (FOR UPDATE) until the unit ends, so two editors acting on it at once take turns and the
// second sees what the first did. Thread-safe: a connection per call.
#pragma once

#include "store/postgres/pool.hpp"
#include "store/sql_desk.hpp"

namespace toasoan::store::postgres {

class PostgresDesk final : public sql::SqlDesk {
 public:
  PostgresDesk(Pool& pool, ArticleWriter& writer) : pool_(pool), writer_(writer) {}

  // sql::SqlDesk::fill_desk_text on `c`, outside any transaction (migrate()).
  static Status fill_desk_text(Connection& c);

 protected:
  Result<std::unique_ptr<sql::Session>> session() override;
  std::unique_ptr<sql::Session> session(UnitOfWork& work) override;
  Result<std::unique_ptr<UnitOfWork>> begin() override;
  // Only the article's row: the category and revision joined to it are not the piece.
  const char* lock_clause() const override { return " FOR UPDATE OF a"; }
  Result<std::int64_t> category(UnitOfWork& work, const std::string& name) override;
  ArticleWriter& writer() override { return writer_; }

 private:
  Pool& pool_;
  ArticleWriter& writer_;
};

}  // namespace toasoan::store::postgres
