#include "store/postgres/database.hpp"

#include "base/clock.hpp"
#include "store/migrations.hpp"
#include "store/postgres/advisory_locks.hpp"
#include "store/postgres/unit_of_work.hpp"

namespace toasoan::store::postgres {

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(std::string_view url, const OpenOptions& options) {
  auto target = Target::parse(url);
  if (!target) return target.error();
  if (options.pool_size < 1)
    return invalid("số kết nối tới PostgreSQL (--db-pool) phải từ 1 trở lên, không phải " +
                   std::to_string(options.pool_size));
  auto first = Connection::connect(*target);
  if (!first) return first.error();
  // The server's view, defaults filled in (the user, the socket folder), for every message.
  target->display = (*first)->display();
  auto listener = PostgresChangeLog::listen(*target);
  if (!listener) return listener.error();
  return std::unique_ptr<PostgresDatabase>(
      new PostgresDatabase(std::move(*target), options.pool_size, std::move(*first), std::move(*listener)));
}

Result<std::unique_ptr<UnitOfWork>> PostgresDatabase::begin() {
  auto work = PostgresUnitOfWork::begin(pool_);
  if (!work) return work.error();
  return std::unique_ptr<UnitOfWork>(std::move(*work));
}

Status PostgresDatabase::migrate() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  // A session lock, released below or, if this node dies meanwhile, by the server when the
  // connection closes: the next node to start finishes the work.
  if (auto locked = c.query("SELECT pg_advisory_lock($1)", {kMigrationLockKey}); !locked) return locked.error();
  struct Unlock {
    Connection& c;
    ~Unlock() {
      if (!c.broken()) (void)c.query("SELECT pg_advisory_unlock($1)", {kMigrationLockKey});
    }
  } unlock{c};
  if (auto s = c.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                      "version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      !s)
    return s;
  for (const auto& m : migrations::for_engine("postgres")) {
    auto seen = c.query("SELECT 1 FROM schema_migrations WHERE version = $1", {m.version});
    if (!seen) return seen.error();
    if (!seen->empty()) continue;
    Transaction tx(c);
    if (auto s = tx.begin(); !s) return s;
    if (auto s = c.exec(m.sql); !s)
      return Error{s.error().kind, "migration " + std::string(m.name) + ": " + s.error().message};
    if (auto r = c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                         {m.version, m.name, unix_now()});
        !r)
      return r.error();
    if (auto s = tx.commit(); !s) return s;
  }
  if (auto s = PostgresDesk::fill_desk_text(c); !s) return s;
  // An index that misses articles (it was just introduced) or holds rows a previous release
  // wrote without their headline (during a rolling upgrade) is rebuilt while the migration
  // lock is held, so nodes starting together rebuild it once.
  // The published articles are counted by the published tally and the incomplete rows found
  // by their partial index (migration 12), so a start reads no archive.
  auto behind = c.query(
      "SELECT (SELECT coalesce(sum(articles), 0) FROM published_tally) <> (SELECT count(*) FROM article_search) "
      "OR EXISTS (SELECT 1 FROM article_search WHERE headline IS NULL OR published_at IS NULL)");
  if (!behind) return behind.error();
  if (!behind->boolean(0, 0)) return ok_status();
  return search_index_.reindex_on(c);
}

}  // namespace toasoan::store::postgres
