#include "store/sqlite/audit.hpp"

#include <algorithm>

#include "store/accounts_sql.hpp"
#include "store/sqlite/unit_of_work.hpp"

namespace toasoan::store::sqlite {
namespace {

Status append_on(Connection& c, const AuditEntry& e) {
  static const std::string text = sql::sqlite_form(sql::kAppendAudit);
  TOASOAN_SQLITE_STATEMENT(s, c, text);
  s.bind(e.at, e.user_id, e.username, e.address, e.action, e.article_id, e.state_before, e.state_after, e.note,
         e.detail.empty() ? std::string("{}") : e.detail);
  if (s.step() != SQLITE_DONE) return step_error(c);
  return ok_status();
}

void bind_filter(Statement& s, const sql::AuditFilter& f) {
  for (std::size_t i = 0; i < f.params.size(); ++i)
    if (f.params[i].number)
      s.bind_at(static_cast<int>(i + 1), *f.params[i].number);
    else
      s.bind_at(static_cast<int>(i + 1), f.params[i].text);
}

}  // namespace

Status SqliteAudit::append(UnitOfWork& work, const AuditEntry& entry) {
  return append_on(sqlite_work(work).connection(), entry);
}

Status SqliteAudit::append(const AuditEntry& entry) {
  // One statement is a transaction of its own: a failed login changes nothing else.
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return append_on(**lease, entry);
}

Result<std::pair<std::vector<AuditEntry>, std::int64_t>> SqliteAudit::list(const AuditQuery& query) {
  const sql::AuditFilter f = sql::audit_filter(query);
  const int n = static_cast<int>(f.params.size());
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  std::pair<std::vector<AuditEntry>, std::int64_t> out;
  {
    TOASOAN_SQLITE_STATEMENT(count, c, sql::sqlite_form("SELECT count(*) FROM audit_log" + f.where));
    bind_filter(count, f);
    if (count.step() != SQLITE_ROW) return step_error(c);
    out.second = count.int64(0);
  }
  // SQLite reads a negative LIMIT as none at all; a page of nothing is asked for with 0.
  if (query.limit <= 0) return out;
  TOASOAN_SQLITE_STATEMENT(page, c,
                           sql::sqlite_form(std::string("SELECT ") + sql::kAuditColumns + " FROM audit_log" + f.where +
                                            " ORDER BY id DESC LIMIT $" + std::to_string(n + 1) + " OFFSET $" +
                                            std::to_string(n + 2)));
  bind_filter(page, f);
  page.bind_at(n + 1, query.limit).bind_at(n + 2, std::max(query.offset, 0));
  int rc;
  while ((rc = page.step()) == SQLITE_ROW) out.first.push_back(sql::audit_from_row(page));
  if (rc != SQLITE_DONE) return step_error(c);
  return out;
}

}  // namespace toasoan::store::sqlite
