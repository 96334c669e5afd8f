// The store on PostgreSQL: several toasoan nodes on one database server, which brings its own
// replication and backups. Behaves exactly as the SQLite store (the store tests run every
// case on both); what differs is how it gets there:
//
//  - a pool of at most OpenOptions::pool_size connections, opened on demand, each keeping
//    its prepared statements;
//  - a connection found broken is dropped with the idle ones (a server restart breaks them
//    all), and a read that failed on it is tried once more on a fresh connection, so a node
//    rides out a restart of the database and reconnects by itself; while the server cannot
//    be reached, calls fail fast with ErrorKind::unavailable;
//  - writes are one transaction per batch, retried whole when a concurrent writer made them
//    fail (deadlock, serialization failure, unique violation), and send
//    NOTIFY toasoan_changes inside that transaction, so every node hears of each commit;
//  - change_token() counts those notifications on a connection of its own that LISTENs;
//  - migrations run under an advisory lock, so nodes starting together apply each once.
//
// Thread-safe: any method from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/lease.hpp"
#include "store/store.hpp"

namespace toasoan::store::postgres {

// The channel every write notifies and every node listens on.
inline constexpr const char* kChangeChannel = "toasoan_changes";

class PostgresStore final : public Store {
 public:
  // Checks the URL, connects once for the pool and once to listen, so that a wrong URL,
  // password or server is reported here, in one line, and not at the first page.
  static Result<std::unique_ptr<PostgresStore>> open(std::string_view url, const OpenOptions& options);

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
  friend class store::Lease<PostgresStore, Connection>;
  using Lease = store::Lease<PostgresStore, Connection>;
  PostgresStore(Target target, int pool_size) : target_(std::move(target)), pool_size_(pool_size) {}

  // A pooled connection: an idle one, else a new one while fewer than pool_size_ are open,
  // else the first one returned, waiting at most kAcquireTimeout.
  Result<Lease> acquire();
  void release(std::unique_ptr<Connection> c);
  // Runs `f` (a read: safe to repeat) on a pooled connection, and once more on another when
  // the first turned out broken.
  template <class F>
  auto read(F&& f) -> decltype(f(std::declval<Connection&>()));
  void pack_or_warn(Connection& c);
  Status reindex_on(Connection& c);
  Result<std::vector<Upserted>> upsert_once(Connection& c, std::span<const articles::Incoming> batch,
                                            std::int64_t now);
  Result<std::unique_ptr<Connection>> listen();

  Target target_;
  const int pool_size_;

  // Invariants, under pool_mutex_:
  // 1. open_ = idle_.size() + connections leased out ≤ pool_size_.
  // 2. A connection in idle_ is outside any transaction and was healthy when it came back.
  // 3. While steady_clock::now() < reconnect_at_, no new connection is tried and acquire()
  //    fails with connect_error_ unless an idle connection is left.
  std::mutex pool_mutex_;
  std::condition_variable pool_returned_;
  std::vector<std::unique_ptr<Connection>> idle_;           // GUARDED_BY(pool_mutex_)
  int open_ = 0;                                            // GUARDED_BY(pool_mutex_)
  std::chrono::steady_clock::time_point reconnect_at_{};    // GUARDED_BY(pool_mutex_)
  std::optional<Error> connect_error_;                      // GUARDED_BY(pool_mutex_)

  // 4. listener_, when set, is LISTENing on kChangeChannel and runs nothing else; token_
  //    moves on each call that read a notification and each time the listener is opened
  //    again after a loss (notifications sent meanwhile are gone).
  std::mutex listen_mutex_;
  std::unique_ptr<Connection> listener_;  // GUARDED_BY(listen_mutex_)
  std::uint64_t token_ = 0;               // GUARDED_BY(listen_mutex_)
};

}  // namespace toasoan::store::postgres
