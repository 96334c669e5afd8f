#include "store/postgres/unit_of_work.hpp"

#include "base/clock.hpp"
#include "store/postgres/advisory_locks.hpp"

namespace toasoan::store::postgres {
namespace {

// A text[] literal: every element double-quoted, with " and \ escaped.
std::string text_array(const std::vector<ChangeSet::Entry>& entries, bool keys) {
  std::string out = "{";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('"');
    for (char ch : keys ? entries[i].second : entries[i].first) {
      if (ch == '"' || ch == '\\') out.push_back('\\');
      out.push_back(ch);
    }
    out.push_back('"');
  }
  out.push_back('}');
  return out;
}

}  // namespace

Result<std::unique_ptr<PostgresUnitOfWork>> PostgresUnitOfWork::begin(Pool& pool) {
  auto lease = pool.acquire();
  if (!lease) return lease.error();
  auto work = adopt(std::move(*lease));
  if (auto s = work->start(); !s) return s.error();
  return work;
}

std::unique_ptr<PostgresUnitOfWork> PostgresUnitOfWork::adopt(Pool::Lease lease) {
  return std::unique_ptr<PostgresUnitOfWork>(new PostgresUnitOfWork(std::move(lease)));
}

Status PostgresUnitOfWork::start() { return lease_->exec("BEGIN"); }

PostgresUnitOfWork::~PostgresUnitOfWork() {
  if (!done_) lease_->rollback();
}

Status PostgresUnitOfWork::record(std::string_view topic, std::string_view key) {
  if (done_) return internal("PostgreSQL: ghi nhật ký thay đổi sau khi giao dịch đã kết thúc");
  changes_.add(topic, key);
  return ok_status();
}

Status PostgresUnitOfWork::commit() {
  if (done_) return internal("PostgreSQL: giao dịch đã kết thúc");
  Connection& c = *lease_;
  // Sequence numbers must follow commit order with no hole a later commit can fill: a
  // follower reads "seq > last" and must never pass over a row that commits after it looked.
  // A BIGSERIAL gives numbers in the order transactions ask for them, not the order they
  // commit (A takes 7, B takes 8 and commits, a follower reads 8, A commits 7: never seen).
  // So units number their entries one at a time: the advisory lock, taken here at the very
  // end of the transaction and held until COMMIT, lets one unit at a time read MAX(seq) and
  // commit above it. The INSERT is a statement of its own after the lock, so its snapshot
  // (READ COMMITTED: one per statement) sees every unit that committed before we got it.
  // The lock is held only for these last round trips, so writers overlap everywhere else.
  if (changes_.empty()) {
    if (auto n = c.query("SELECT pg_notify($1, '')", {kChangeChannel}); !n) return n.error();
  } else {
    auto locked = c.query("SELECT pg_advisory_xact_lock($1), pg_notify($2, '')", {kChangeLogLockKey, kChangeChannel});
    if (!locked) return locked.error();
    auto appended = c.query(
        "INSERT INTO change_log (seq, topic, key, at) SELECT m.seq + e.n, e.topic, e.key, $3 "
        "FROM (SELECT COALESCE(MAX(seq), 0) AS seq FROM change_log) m, "
        "unnest($1::text[], $2::text[]) WITH ORDINALITY AS e(topic, key, n)",
        {text_array(changes_.entries(), false), text_array(changes_.entries(), true), unix_now()});
    if (!appended) return appended.error();
  }
  if (auto s = c.exec("COMMIT"); !s) return s;
  done_ = true;
  return ok_status();
}

}  // namespace toasoan::store::postgres
