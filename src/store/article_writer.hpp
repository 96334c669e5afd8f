// Writing articles: the importer's and the newsroom's way in (the desk publishes through it,
// desk.hpp). Every write also keeps the search index and the change log in step, in the same
// transaction. Thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"
#include "store/row_codec.hpp"

namespace toasoan::store {

class UnitOfWork;

// skipped_edited: the article was changed in the newsroom since the import last wrote it, and
// the import left it as it was (UpsertOptions::overwrite).
enum class Upserted { inserted, updated, skipped_edited };

struct UpsertOptions {
  // An import: each article written gets a revision of kind "import" (the row's content after
  // the write), which becomes its newest revision and the one the import last wrote; a new
  // article's state is published or taken_down as its status says, and so is an existing one's
  // when the line gives a status and the article is published or taken down. false: the
  // desk's publication, which writes no revision, keeps the state and never skips.
  bool from_import = true;
  // An import writes over an article edited in the newsroom since the import last wrote it
  // (its newest revision is not that import's); otherwise such an article is skipped.
  bool overwrite = false;
};

class ArticleWriter {
 public:
  virtual ~ArticleWriter() = default;

  // Inserts or updates articles keyed on their external id, creating categories as they
  // appear, inside `work`. An update changes only the fields an Incoming gives (title always)
  // and keeps the rest as stored, status included; a new article takes the defaults for the
  // rest (articles::Incoming). `now` (Unix seconds) stamps updated_at, and published_at of a
  // new article that has none. A category whose slug the site keeps for itself
  // (articles/reserved_slugs.hpp) gets the next suffix, as two names folding alike do. Logs (change_log.hpp) an `article` entry for each article written, a
  // `listing` entry for each category whose lists it may change (a new article, or a changed
  // status, category or publication time: the old category and the new), and a `category`
  // entry for each category it creates. The slug follows the title on an import; the desk's
  // publication makes it once (a row whose slug is "") and keeps it after.
  //
  // `prepared`: empty, or prepare() of each article of `batch`, in its order; both engines use
  // them instead of deriving the same again. On SQLite that is the import's speed; PostgreSQL's
  // import waits on its server, and only spends a quarter less of the node's CPU time.
  virtual Result<std::vector<Upserted>> upsert(UnitOfWork& work, std::span<const articles::Incoming> batch,
                                               std::int64_t now, const UpsertOptions& options = {},
                                               std::span<const Prepared> prepared = {}) = 0;

  // The same in a unit of work of its own, committed; on PostgreSQL run again whole when a
  // concurrent writer made it fail (deadlock, serialization failure, unique violation).
  virtual Result<std::vector<Upserted>> upsert(std::span<const articles::Incoming> batch, std::int64_t now,
                                               const UpsertOptions& options = {},
                                               std::span<const Prepared> prepared = {}) = 0;
};

}  // namespace toasoan::store
