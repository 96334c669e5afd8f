#include "store/postgres/audit.hpp"

#include <algorithm>

#include "store/accounts_sql.hpp"
#include "store/postgres/unit_of_work.hpp"

namespace toasoan::store::postgres {
namespace {

// One row as accounts_sql.hpp's readers take it.
struct Row {
  const Rows& rows;
  int row;
  std::int64_t int64(int col) const { return rows.int64(row, col); }
  std::string_view text(int col) const { return rows.text(row, col); }
  bool is_null(int col) const { return rows.is_null(row, col); }
};

Status append_on(Connection& c, const AuditEntry& e) {
  auto r = c.query(sql::kAppendAudit, {e.at, e.user_id, e.username, e.address, e.action, e.article_id, e.state_before,
                                       e.state_after, e.note, e.detail.empty() ? std::string("{}") : e.detail});
  if (!r) return r.error();
  return ok_status();
}

std::vector<Param> params_of(const sql::AuditFilter& f) {
  std::vector<Param> out;
  for (const auto& p : f.params) {
    if (p.number)
      out.emplace_back(*p.number);
    else
      out.emplace_back(p.text);
  }
  return out;
}

}  // namespace

Status PostgresAudit::append(UnitOfWork& work, const AuditEntry& entry) {
  return append_on(postgres_work(work).connection(), entry);
}

Status PostgresAudit::append(const AuditEntry& entry) {
  // One statement is a transaction of its own: a failed login changes nothing else. Not tried
  // again on another connection: a lost one may have committed the line.
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return append_on(**lease, entry);
}

Result<std::pair<std::vector<AuditEntry>, std::int64_t>> PostgresAudit::list(const AuditQuery& query) {
  const sql::AuditFilter f = sql::audit_filter(query);
  const std::size_t n = f.params.size();
  const std::string count = "SELECT count(*) FROM audit_log" + f.where;
  const std::string page = std::string("SELECT ") + sql::kAuditColumns + " FROM audit_log" + f.where +
                           " ORDER BY id DESC LIMIT $" + std::to_string(n + 1) + " OFFSET $" + std::to_string(n + 2);
  return pool_.read([&](Connection& c) -> Result<std::pair<std::vector<AuditEntry>, std::int64_t>> {
    std::vector<Param> params = params_of(f);
    std::pair<std::vector<AuditEntry>, std::int64_t> out;
    auto total = c.query(count, std::span<const Param>(params));
    if (!total) return total.error();
    out.second = total->int64(0, 0);
    if (query.limit <= 0) return out;  // as on SQLite, where a negative LIMIT means none
    params.emplace_back(query.limit);
    params.emplace_back(std::max(query.offset, 0));
    auto rows = c.query(page, std::span<const Param>(params));
    if (!rows) return rows.error();
    for (int i = 0; i < rows->size(); ++i) out.first.push_back(sql::audit_from_row(Row{*rows, i}));
    return out;
  });
}

}  // namespace toasoan::store::postgres
