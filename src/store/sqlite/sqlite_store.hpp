// The embedded store: one SQLite file in WAL mode, so readers never wait for the writer and a
// separate `toasoan import` process can write while the server reads.
//
// Thread-safe: each call borrows a connection from a pool (one per concurrent caller, created
// on demand), and every connection keeps its prepared statements for reuse.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/lease.hpp"
#include "store/store.hpp"

namespace toasoan::store::sqlite {

class SqliteStore final : public Store {
 public:
  // Opens the file (creating it and its folder's file, not the folder) and checks it is a
  // database we can use.
  static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);

  Status migrate() override;
  Result<std::vector<Upserted>> upsert(std::span<const articles::Incoming> batch, std::int64_t now) override;
  Result<std::vector<articles::Summary>> latest(const ListQuery& query) override;
  Result<std::vector<articles::Summary>> published_between(std::int64_t from, std::int64_t to, int limit,
                                                           int offset) override;
  Result<std::vector<articles::ArchiveMonth>> archive_months() override;
  Result<std::int64_t> count_published(std::optional<std::int64_t> category_id) override;
  Result<std::optional<articles::Article>> article(std::int64_t id) override;
  Result<std::vector<articles::Article>> articles(std::span<const std::int64_t> ids) override;
  Result<std::vector<articles::Category>> categories() override;
  Result<bool> empty() override;
  Result<FullTextAnswer> full_text(const FullTextQuery& query) override;
  Status reindex() override;
  Status optimize_search_index() override;
  Result<std::uint64_t> change_token() override;

 private:
  friend class store::Lease<SqliteStore, Connection>;
  using Lease = store::Lease<SqliteStore, Connection>;
  explicit SqliteStore(std::string path) : path_(std::move(path)) {}
  Result<Lease> acquire();
  void release(std::unique_ptr<Connection> c);

  const std::string path_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(pool_mutex_)

  // A connection of its own for PRAGMA data_version, which reports commits made by *other*
  // connections: every write of ours goes through the pool, so all of them show.
  std::mutex watch_mutex_;
  std::unique_ptr<Connection> watcher_;  // GUARDED_BY(watch_mutex_)
};

}  // namespace toasoan::store::sqlite
