// The database on PostgreSQL: several toasoan nodes on one database server, which brings its
// own replication and backups. Behaves exactly as the SQLite one (the store tests run every
// case on both); what differs is how it gets there:
//
//  - a pool of at most OpenOptions::pool_size connections (pool.hpp), which reconnects by
//    itself after a restart of the server;
//  - units of work are transactions that number their change-log entries under an advisory
//    lock at commit, so in commit order across nodes, and send NOTIFY toasoan_changes;
//  - ChangeLog::wait() listens on a connection of its own;
//  - migrations run under an advisory lock, so nodes starting together apply each once.
//
// Thread-safe: any method from any thread.
#pragma once

#include <memory>
#include <string_view>

#include "store/database.hpp"
#include "store/postgres/accounts.hpp"
#include "store/postgres/article_writer.hpp"
#include "store/postgres/audit.hpp"
#include "store/postgres/change_log.hpp"
#include "store/postgres/comments.hpp"
#include "store/postgres/desk.hpp"
#include "store/postgres/photos.hpp"
#include "store/postgres/pool.hpp"
#include "store/postgres/reading.hpp"
#include "store/postgres/search_index.hpp"
#include "store/postgres/settings.hpp"

namespace toasoan::store::postgres {

class PostgresDatabase final : public Database {
 public:
  // Checks the URL, connects once for the pool and once to listen, so that a wrong URL,
  // password or server is reported here, in one line, and not at the first page.
  static Result<std::unique_ptr<PostgresDatabase>> open(std::string_view url, const OpenOptions& options);

  Status migrate() override;
  Result<std::unique_ptr<UnitOfWork>> begin() override;
  Reading& reading() override { return reading_; }
  SearchIndex& search_index() override { return search_index_; }
  ArticleWriter& article_writer() override { return article_writer_; }
  ChangeLog& change_log() override { return change_log_; }
  Accounts& accounts() override { return accounts_; }
  Audit& audit() override { return audit_; }
  Settings& settings() override { return settings_; }
  Desk& desk() override { return desk_; }
  Comments& comments() override { return comments_; }
  Photos& photos() override { return photos_; }

 private:
  PostgresDatabase(Target target, int pool_size, std::unique_ptr<Connection> first,
                   std::unique_ptr<Connection> listener)
      : pool_(std::move(target), pool_size, std::move(first)),
        reading_(pool_),
        search_index_(pool_),
        article_writer_(pool_),
        desk_(pool_, article_writer_),
        change_log_(pool_, std::move(listener)),
        accounts_(pool_),
        audit_(pool_),
        settings_(pool_),
        comments_(pool_),
        photos_(pool_) {}

  // Declared first: the areas hold it, so it is made before them and goes after them.
  Pool pool_;
  PostgresReading reading_;
  PostgresSearchIndex search_index_;
  PostgresArticleWriter article_writer_;
  PostgresDesk desk_;  // after the writer it publishes through
  PostgresChangeLog change_log_;
  PostgresAccounts accounts_;
  PostgresAudit audit_;
  PostgresSettings settings_;
  PostgresComments comments_;
  PostgresPhotos photos_;
};

}  // namespace toasoan::store::postgres
