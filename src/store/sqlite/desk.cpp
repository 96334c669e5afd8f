#include "store/sqlite/desk.hpp"

#include "store/sqlite/article_writer.hpp"
#include "store/sqlite/session.hpp"
#include "store/sqlite/unit_of_work.hpp"

namespace toasoan::store::sqlite {

Status SqliteDesk::fill_desk_text(Connection& c) {
  SqliteSession s(c);
  return sql::SqlDesk::fill_desk_text(s);
}

Result<std::unique_ptr<sql::Session>> SqliteDesk::session() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return std::unique_ptr<sql::Session>(new SqliteSession(std::move(*lease)));
}

std::unique_ptr<sql::Session> SqliteDesk::session(UnitOfWork& work) {
  return std::make_unique<SqliteSession>(sqlite_work(work).connection());
}

Result<std::unique_ptr<UnitOfWork>> SqliteDesk::begin() {
  auto work = SqliteUnitOfWork::begin(pool_);
  if (!work) return work.error();
  return std::unique_ptr<UnitOfWork>(std::move(*work));
}

Result<std::int64_t> SqliteDesk::category(UnitOfWork& work, const std::string& name) {
  return find_or_create_category(sqlite_work(work), name);
}

}  // namespace toasoan::store::sqlite
