#include "store/sqlite/change_log.hpp"

#include <thread>

#include "store/shared_sql.hpp"

namespace toasoan::store::sqlite {
namespace {

// How often wait() looks at data_version: a page cache learns of a commit within this, and a
// look costs a few microseconds (no file read unless the WAL index changed).
constexpr std::chrono::milliseconds kPollInterval{50};

}  // namespace

Result<std::uint64_t> SqliteChangeLog::last_seq() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, sql::kLastSeq);
  if (s.step() != SQLITE_ROW) return step_error(c);
  return static_cast<std::uint64_t>(s.int64(0));
}

Result<ChangeBatch> SqliteChangeLog::since(std::uint64_t after, int limit) {
  // SQLite reads a negative LIMIT as none at all; "at most limit" means nothing here.
  if (limit <= 0) return ChangeBatch{{}, false, after};
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  static const std::string sql = sql::sqlite_form(sql::kSince);
  TOASOAN_SQLITE_STATEMENT(s, c, sql);
  s.bind(static_cast<std::int64_t>(after), limit);
  ChangeBatch out;
  out.last = after;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    Change ch{static_cast<std::uint64_t>(s.int64(0)), std::string(s.text(1)), std::string(s.text(2)), s.int64(3)};
    // Numbers have no holes, so an oldest entry beyond after + 1 means the ones between went.
    if (out.changes.empty() && static_cast<std::uint64_t>(s.int64(4)) > after + 1) out.gap = true;
    out.last = ch.seq;
    out.changes.push_back(std::move(ch));
  }
  if (rc != SQLITE_DONE) return step_error(c);
  return out;
}

Result<std::int64_t> SqliteChangeLog::purge(std::int64_t before) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  static const std::string sql = sql::sqlite_form(sql::kPurge);
  TOASOAN_SQLITE_STATEMENT(s, c, sql);
  s.bind(before);
  if (s.step() != SQLITE_DONE) return step_error(c);
  return static_cast<std::int64_t>(sqlite3_changes(c.handle()));
}

Result<std::int64_t> SqliteChangeLog::data_version() {
  std::lock_guard lock(watch_mutex_);
  TOASOAN_SQLITE_STATEMENT(s, *watcher_, "PRAGMA data_version");
  if (s.step() != SQLITE_ROW) return step_error(*watcher_);
  return s.int64(0);
}

Status SqliteChangeLog::wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto first = data_version();
  if (!first) return first.error();
  std::int64_t start = *first;
  {
    std::lock_guard lock(watch_mutex_);
    bool moved = seen_ >= 0 && seen_ != start;
    seen_ = start;
    if (moved) return ok_status();
  }
  for (;;) {
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return ok_status();
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(kPollInterval, deadline - now));
    auto v = data_version();
    if (!v) return v.error();
    if (*v != start) {
      std::lock_guard lock(watch_mutex_);
      seen_ = *v;
      return ok_status();
    }
  }
}

}  // namespace toasoan::store::sqlite
