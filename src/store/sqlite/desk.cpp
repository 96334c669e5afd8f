#include "store/sqlite/desk.hpp"

#include <type_traits>

#include "store/shared_sql.hpp"
#include "store/sqlite/article_writer.hpp"
#include "store/sqlite/unit_of_work.hpp"

namespace toasoan::store::sqlite {
namespace {

class SqliteSession final : public sql::Session {
 public:
  explicit SqliteSession(Connection& c) : c_(c) {}
  explicit SqliteSession(Pool::Lease lease) : lease_(std::move(lease)), c_(**lease_) {}

  Result<sql::Table> run(const std::string& statement, const std::vector<sql::Value>& params) override {
    TOASOAN_SQLITE_STATEMENT(s, c_, sql::sqlite_form(statement));
    for (std::size_t i = 0; i < params.size(); ++i)
      std::visit([&](const auto& v) { s.bind_at(static_cast<int>(i + 1), v); }, params[i]);
    sql::Table out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      auto& row = out.rows.emplace_back();
      const int n = sqlite3_column_count(s.handle());
      row.reserve(n);
      for (int col = 0; col < n; ++col)
        row.push_back(s.is_null(col) ? std::nullopt : std::optional<std::string>(s.text(col)));
    }
    if (rc != SQLITE_DONE) return step_error(c_);
    return out;
  }

 private:
  std::optional<Pool::Lease> lease_;
  Connection& c_;
};

}  // namespace

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
