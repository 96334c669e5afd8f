#include "store/sqlite/database.hpp"

#include "base/clock.hpp"
#include "store/migrations.hpp"
#include "store/sqlite/unit_of_work.hpp"

namespace toasoan::store::sqlite {

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path, bool bulk_writes) {
  auto first = Connection::open(path, bulk_writes);
  if (!first) return first.error();
  // A file that is not a database fails here, with SQLite's own words, not at the first page.
  if (auto check = (*first)->exec("SELECT count(*) FROM sqlite_schema"); !check)
    return invalid(path + " không phải cơ sở dữ liệu SQLite dùng được: " + check.error().message);
  auto watcher = Connection::open(path);
  if (!watcher) return watcher.error();
  return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(path, std::move(*first), std::move(*watcher), bulk_writes));
}

Result<std::unique_ptr<UnitOfWork>> SqliteDatabase::begin() {
  auto work = SqliteUnitOfWork::begin(pool_);
  if (!work) return work.error();
  return std::unique_ptr<UnitOfWork>(std::move(*work));
}

Status SqliteDatabase::migrate() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  if (auto s = c.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                      "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
      !s)
    return s;
  for (const auto& m : migrations::for_engine("sqlite")) {
    Transaction tx(c);
    if (auto s = tx.begin(); !s) return s;
    {
      TOASOAN_SQLITE_STATEMENT(seen, c, "SELECT 1 FROM schema_migrations WHERE version = ?");
      seen.bind(m.version);
      int rc = seen.step();
      if (rc == SQLITE_ROW) continue;  // the transaction rolls back: nothing was written
      if (rc != SQLITE_DONE) return step_error(c);
    }
    if (auto s = c.exec(m.sql); !s)
      return internal("migration " + std::string(m.name) + ": " + s.error().message);
    {
      TOASOAN_SQLITE_STATEMENT(record, c,
                               "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
      record.bind(m.version, m.name, unix_now());
      if (record.step() != SQLITE_DONE) return step_error(c);
    }
    if (auto s = tx.commit(); !s) return s;
  }
  if (auto s = SqliteDesk::fill_desk_text(c); !s) return s;
  // An index that misses articles (it was just introduced, or a crash left it behind) is
  // rebuilt before the server answers a search. Counted without reading the archive: the
  // published tally holds the published articles, and FTS5's docsize table one small row per
  // indexed article (counting the index itself would read every article's text).
  TOASOAN_SQLITE_STATEMENT(
      behind, c,
      "SELECT (SELECT coalesce(sum(articles), 0) FROM published_tally) != "
      "(SELECT count(*) FROM article_search_docsize)");
  if (behind.step() != SQLITE_ROW) return step_error(c);
  if (behind.int64(0) != 0) return search_index_.reindex();
  return ok_status();
}

}  // namespace toasoan::store::sqlite
