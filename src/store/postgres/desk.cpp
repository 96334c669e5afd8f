#include "store/postgres/desk.hpp"

#include "store/postgres/article_writer.hpp"
#include "store/postgres/unit_of_work.hpp"

namespace toasoan::store::postgres {
namespace {

class PostgresSession final : public sql::Session {
 public:
  explicit PostgresSession(Connection& c) : c_(c) {}
  explicit PostgresSession(Pool::Lease lease) : lease_(std::move(lease)), c_(**lease_) {}

  Result<sql::Table> run(const std::string& statement, const std::vector<sql::Value>& params) override {
    std::vector<Param> bound;
    bound.reserve(params.size());
    for (const auto& v : params) std::visit([&](const auto& x) { bound.emplace_back(x); }, v);
    auto rows = c_.query(statement, std::span<const Param>(bound));
    if (!rows) return rows.error();
    sql::Table out;
    out.rows.resize(rows->size());
    for (int r = 0; r < rows->size(); ++r) {
      auto& row = out.rows[r];
      row.reserve(rows->columns());
      for (int col = 0; col < rows->columns(); ++col)
        row.push_back(rows->is_null(r, col) ? std::nullopt : std::optional<std::string>(rows->text(r, col)));
    }
    return out;
  }

 private:
  std::optional<Pool::Lease> lease_;
  Connection& c_;
};

}  // namespace

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
