#include "store/sqlite/session.hpp"

#include "store/shared_sql.hpp"

namespace toasoan::store::sqlite {

Result<sql::Table> SqliteSession::run(const std::string& statement, const std::vector<sql::Value>& params) {
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

}  // namespace toasoan::store::sqlite
