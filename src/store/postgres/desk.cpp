#include "store/postgres/desk.hpp"

#include "store/postgres/article_writer.hpp"
#include "store/postgres/session.hpp"
#include "store/postgres/unit_of_work.hpp"

namespace toasoan::store::postgres {

Status PostgresDesk::fill_desk_text(Connection& c) {
  PostgresSession s(c);
  return sql::SqlDesk::fill_desk_text(s);
}

Result<std::unique_ptr<sql::Session>> PostgresDesk::session() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return std::unique_ptr<sql::Session>(new PostgresSession(std::move(*lease)));
}

std::unique_ptr<sql::Session> PostgresDesk::session(UnitOfWork& work) {
  return std::make_unique<PostgresSession>(postgres_work(work).connection());
}

Result<std::unique_ptr<UnitOfWork>> PostgresDesk::begin() {
  auto work = PostgresUnitOfWork::begin(pool_);
  if (!work) return work.error();
  return std::unique_ptr<UnitOfWork>(std::move(*work));
}

Result<std::int64_t> PostgresDesk::category(UnitOfWork& work, const std::string& name) {
  return find_or_create_category(postgres_work(work), name);
}

}  // namespace toasoan::store::postgres
