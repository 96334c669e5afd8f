#include "store/postgres/comments.hpp"

#include "store/postgres/session.hpp"
#include "store/postgres/unit_of_work.hpp"

namespace toasoan::store::postgres {

Result<std::unique_ptr<sql::Session>> PostgresComments::session() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return std::unique_ptr<sql::Session>(new PostgresSession(std::move(*lease)));
}

std::unique_ptr<sql::Session> PostgresComments::session(UnitOfWork& work) {
  return std::make_unique<PostgresSession>(postgres_work(work).connection());
}

Result<std::unique_ptr<UnitOfWork>> PostgresComments::begin() {
  auto work = PostgresUnitOfWork::begin(pool_);
  if (!work) return work.error();
  return std::unique_ptr<UnitOfWork>(std::move(*work));
}

}  // namespace toasoan::store::postgres
