// The database: the one object that owns the connection pool, the migrations and units of
// work, and on which the store's areas sit. Each area is a narrow interface of its own
// (reading.hpp, search_index.hpp, article_writer.hpp, change_log.hpp, accounts.hpp,
// audit.hpp, settings.hpp, desk.hpp, comments.hpp, photos.hpp), implemented on SQLite (sqlite/)
// and PostgreSQL (postgres/). A layer depends only on the areas it uses: the reading site on
// Reading and SearchIndex, the importer on ArticleWriter, the change follower on ChangeLog,
// the newsroom on Accounts, Audit, Settings and Desk, readers' comments and their moderation
// on Comments, the newsroom's photo library on Photos.
//
// Units of work: a write that spans areas (an article and its revision and its audit line)
// runs in one UnitOfWork, so all of it commits or none does; each area's write methods take
// the unit they run in. Every unit of work that changes something also appends what it
// changed to the change log, in the same transaction (change_log.hpp).
//
// Thread-safe: every method from any thread. A UnitOfWork belongs to the thread that began it.
//
// Errors: ErrorKind::unavailable when the database cannot be reached now (the site answers
// 503 and the next call tries again: a database reconnects by itself), invalid for input the
// database cannot hold, conflict when a concurrent writer got in the way (the caller may run
// the whole unit again), internal for anything else.
#pragma once

#include <memory>
#include <string_view>

#include "base/result.hpp"
#include "store/change_log.hpp"

namespace toasoan::store {

class Reading;
class SearchIndex;
class ArticleWriter;
class Accounts;
class Audit;
class Settings;
class Desk;
class Comments;
class Photos;

// One transaction, possibly across several areas. Rolls back when destroyed uncommitted, so an
// early return leaves nothing half-done.
class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  // Appends one entry to the change log, in this transaction; its sequence number is given
  // at commit, in commit order.
  [[nodiscard]] virtual Status record(std::string_view topic, std::string_view key) = 0;
  [[nodiscard]] virtual Status commit() = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  // Applies the migrations this binary knows that the database has not seen yet, in order,
  // each in its own transaction. Safe to run at every start, from several nodes at once.
  [[nodiscard]] virtual Status migrate() = 0;

  // Begins a write transaction.
  virtual Result<std::unique_ptr<UnitOfWork>> begin() = 0;

  // The areas. Each lives as long as the database.
  virtual Reading& reading() = 0;
  virtual SearchIndex& search_index() = 0;
  virtual ArticleWriter& article_writer() = 0;
  virtual ChangeLog& change_log() = 0;
  virtual Accounts& accounts() = 0;
  virtual Audit& audit() = 0;
  virtual Settings& settings() = 0;
  virtual Desk& desk() = 0;
  virtual Comments& comments() = 0;
  virtual Photos& photos() = 0;
};

// How a database is opened, beyond its URL.
struct OpenOptions {
  // The most connections held open to a database server (PostgreSQL; SQLite opens one per
  // concurrent caller). Each server connection is a backend process, so
  // nodes × pool_size must stay under the server's max_connections.
  int pool_size = 8;
  // The caller writes in large batches and little else (an import, a reindex): SQLite gives
  // each connection a 64 MiB page cache instead of 2 MiB, so a batch's index pages are not
  // spilled to the log before it commits, and lets the log grow to 64 MiB between checkpoints
  // instead of 4 MiB, so a page written by several batches is copied into the file once.
  // Memory stays flat at that size; a server must not ask for it (each of its connections
  // would hold a cache that large). PostgreSQL ignores it: its buffers are the server's.
  bool bulk_writes = false;
};

// Opens the database a --db URL names: "sqlite:PATH" (or a bare path) or
// "postgresql://…" / "postgres://…" (libpq's URI form). The error says what is wrong with the
// URL or why the database cannot be opened, in one line that never shows a password:
// ErrorKind::invalid for a URL that cannot be right, unavailable for a server that cannot be
// reached or refuses us.
Result<std::unique_ptr<Database>> open(std::string_view url, const OpenOptions& options = {});

}  // namespace toasoan::store
