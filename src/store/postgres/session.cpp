#include "store/postgres/session.hpp"

namespace toasoan::store::postgres {

Result<sql::Table> PostgresSession::run(const std::string& statement, const std::vector<sql::Value>& params) {
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

}  // namespace toasoan::store::postgres
