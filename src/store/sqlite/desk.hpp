// The desk (store/desk.hpp) on SQLite: the shared statements (store/sql_desk.hpp) run on the
// pool's connections, compiled once per connection. A unit of work is SQLite's only writer
// from its first statement, so reading a piece inside one needs no lock of its own.
// Thread-safe: a connection per call.
#pragma once

#include "store/sql_desk.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqliteDesk final : public sql::SqlDesk {
 public:
  SqliteDesk(Pool& pool, ArticleWriter& writer) : pool_(pool), writer_(writer) {}

  // sql::SqlDesk::fill_desk_text on `c`, outside any transaction (migrate()).
  static Status fill_desk_text(Connection& c);

 protected:
  Result<std::unique_ptr<sql::Session>> session() override;
  std::unique_ptr<sql::Session> session(UnitOfWork& work) override;
  Result<std::unique_ptr<UnitOfWork>> begin() override;
  const char* lock_clause() const override { return ""; }
  Result<std::int64_t> category(UnitOfWork& work, const std::string& name) override;
  ArticleWriter& writer() override { return writer_; }

 private:
  Pool& pool_;
  ArticleWriter& writer_;
};

}  // namespace toasoan::store::sqlite
