// The audit log (store/audit.hpp) on PostgreSQL: lines appended on a unit of work's connection, or
// alone as one statement of their own; read through the pool. Thread-safe: any method from any
// thread.
#pragma once

#include "store/audit.hpp"
#include "store/postgres/pool.hpp"

namespace toasoan::store::postgres {

class PostgresAudit final : public Audit {
 public:
  explicit PostgresAudit(Pool& pool) : pool_(pool) {}

  // REQUIRES: `work` was begun by the PostgreSQL database this area belongs to.
  Status append(UnitOfWork& work, const AuditEntry& entry) override;
  Status append(const AuditEntry& entry) override;
  Result<std::pair<std::vector<AuditEntry>, std::int64_t>> list(const AuditQuery& query) override;

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::postgres
