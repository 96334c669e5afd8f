#include "store/sqlite/comments.hpp"

#include "store/sqlite/session.hpp"
#include "store/sqlite/unit_of_work.hpp"

namespace toasoan::store::sqlite {

Result<std::unique_ptr<sql::Session>> SqliteComments::session() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return std::unique_ptr<sql::Session>(new SqliteSession(std::move(*lease)));
}

std::unique_ptr<sql::Session> SqliteComments::session(UnitOfWork& work) {
  return std::make_unique<SqliteSession>(sqlite_work(work).connection());
}

Result<std::unique_ptr<UnitOfWork>> SqliteComments::begin() {
  auto work = SqliteUnitOfWork::begin(pool_);
  if (!work) return work.error();
  return std::unique_ptr<UnitOfWork>(std::move(*work));
}

Result<std::unique_ptr<UnitOfWork>> SqliteComments::begin_durable() {
  auto work = SqliteUnitOfWork::begin_durable(pool_);
  if (!work) return work.error();
  return std::unique_ptr<UnitOfWork>(std::move(*work));
}

}  // namespace toasoan::store::sqlite
