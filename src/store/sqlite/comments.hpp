// Readers' comments (store/comments.hpp) on SQLite: the shared statements
// (store/sql_comments.hpp) run on the pool's connections, compiled once per connection. A unit
// of work is SQLite's only writer from its first statement, so reading a comment inside one
// needs no lock of its own. post()'s unit commits with synchronous=FULL (unit_of_work.hpp):
// the pool's NORMAL would keep a commit through a crash of the process, not a power loss.
// Thread-safe: a connection per call.
#pragma once

#include "store/sql_comments.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqliteComments final : public sql::SqlComments {
 public:
  explicit SqliteComments(Pool& pool) : pool_(pool) {}

 protected:
  Result<std::unique_ptr<sql::Session>> session() override;
  std::unique_ptr<sql::Session> session(UnitOfWork& work) override;
  Result<std::unique_ptr<UnitOfWork>> begin() override;
  Result<std::unique_ptr<UnitOfWork>> begin_durable() override;
  const char* lock_clause() const override { return ""; }

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::sqlite
