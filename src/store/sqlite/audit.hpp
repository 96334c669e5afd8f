// The audit log (store/audit.hpp) on SQLite: lines appended on a unit of work's connection, or
// alone as one statement of their own; read through the pool. Thread-safe: any method from any
// thread.
#pragma once

#include "store/audit.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqliteAudit final : public Audit {
 public:
  explicit SqliteAudit(Pool& pool) : pool_(pool) {}

  // REQUIRES: `work` was begun by the SQLite database this area belongs to.
  Status append(UnitOfWork& work, const AuditEntry& entry) override;
  Status append(const AuditEntry& entry) override;
  Result<std::pair<std::vector<AuditEntry>, std::int64_t>> list(const AuditQuery& query) override;

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::sqlite
