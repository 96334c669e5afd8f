// The database on SQLite: one file in WAL mode, so readers never wait for the writer and a
// separate `toasoan import` process can write while the server reads. Owns the connection
// pool (one connection per concurrent caller, created on demand, each keeping its prepared
// statements), the migrations and the areas, which all share the pool.
//
// Thread-safe: every method from any thread.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"
#include "store/sqlite/accounts.hpp"
#include "store/sqlite/article_writer.hpp"
#include "store/sqlite/audit.hpp"
#include "store/sqlite/change_log.hpp"
#include "store/sqlite/comments.hpp"
#include "store/sqlite/desk.hpp"
#include "store/sqlite/photos.hpp"
#include "store/sqlite/pool.hpp"
#include "store/sqlite/reading.hpp"
#include "store/sqlite/search_index.hpp"
#include "store/sqlite/settings.hpp"

namespace toasoan::store::sqlite {

class SqliteDatabase final : public Database {
 public:
  // Opens the file (creating it, not its folder) and checks it is a database we can use.
  static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path, bool bulk_writes = false);

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
  SqliteDatabase(std::string path, std::unique_ptr<Connection> first, std::unique_ptr<Connection> watcher,
                 bool bulk_writes)
      : pool_(std::move(path), std::move(first), bulk_writes),
        reading_(pool_),
        search_index_(pool_),
        article_writer_(pool_),
        desk_(pool_, article_writer_),
        change_log_(pool_, std::move(watcher)),
        accounts_(pool_),
        audit_(pool_),
        settings_(pool_),
        comments_(pool_),
        photos_(pool_) {}

  // Declared first: the areas hold it, so it is made before them and goes after them.
  Pool pool_;
  SqliteReading reading_;
  SqliteSearchIndex search_index_;
  SqliteArticleWriter article_writer_;
  SqliteDesk desk_;  // after the writer it publishes through
  SqliteChangeLog change_log_;
  SqliteAccounts accounts_;
  SqliteAudit audit_;
  SqliteSettings settings_;
  SqliteComments comments_;
  SqlitePhotos photos_;
};

}  // namespace toasoan::store::sqlite
