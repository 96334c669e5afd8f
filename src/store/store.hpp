// The store: the one interface through which every layer reads and writes the newspaper's
// content, whatever database holds it.
//
// Implementations: sqlite/ (embedded, the default) and, when a paper outgrows one machine,
// postgres/ (several nodes on one server). Nothing above this header knows which one it talks
// to, and no SQL leaves the implementations; the store tests run every case on both. Every
// method is safe to call from several threads at once; each call takes a connection from the
// implementation's pool for its duration.
//
// Errors: ErrorKind::unavailable when the database cannot be reached now (the site answers
// 503 and the next call tries again: a store reconnects by itself), invalid for input the
// database cannot hold, internal for anything else.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"

namespace toasoan::store {

struct ListQuery {
  std::optional<std::int64_t> category_id;  // all categories when empty
  int limit = 20;
  int offset = 0;
};

enum class Upserted { inserted, updated };

// A full-text question in the form both engines answer the same way. Terms are folded words
// (text::fold: lower-case ASCII letters and digits, nothing else), so no engine's query syntax
// can reach the engine from a reader's input: each implementation quotes them itself.
struct FullTextQuery {
  // A reading is a list of groups; a group is one word or a phrase of consecutive words. An
  // article matches a reading when it holds every group, and the query when it matches any
  // reading (the literal one, or one decoded from Telex or VNI typing).
  using Group = std::vector<std::string>;
  std::vector<std::vector<Group>> readings;
  bool prefix_last = false;  // the last word of each reading may be the start of a word
  bool titles_only = false;  // match in titles only (suggestions)
  // Relevance order only. Each hit says whether it holds every word of one reading side by
  // side, in order, in its title or lead (FullTextHit::headline_phrase), and the hits are the
  // best `limit` by relevance followed by the best `limit` such phrase matches from beyond
  // them: what a known-item search needs, in one pass over the index. `offset` is ignored.
  bool headline_phrases = false;
  std::optional<std::int64_t> category_id;
  std::optional<std::int64_t> from, to;  // published_at in [from, to)
  enum class Sort { relevance, newest } sort = Sort::relevance;
  int limit = 10;
  int offset = 0;
};

struct FullTextHit {
  articles::Summary summary;
  double relevance = 0;  // higher is better; comparable within one answer only
  bool headline_phrase = false;  // see FullTextQuery::headline_phrases
};

struct FullTextAnswer {
  std::int64_t total = 0;  // every match, not just this page
  std::vector<FullTextHit> hits;
};

class Store {
 public:
  virtual ~Store() = default;

  // Applies the migrations this binary knows that the database has not seen yet, in order,
  // each in its own transaction. Safe to run at every start.
  virtual Status migrate() = 0;

  // Inserts or updates articles keyed on their external id, creating categories as they
  // appear, all in one transaction: either every article is written or none is.
  // `now` (Unix seconds) stamps updated_at, and published_at when an article has none.
  virtual Result<std::vector<Upserted>> upsert(std::span<const articles::Incoming> batch,
                                               std::int64_t now) = 0;

  // Published articles, newest first.
  virtual Result<std::vector<articles::Summary>> latest(const ListQuery& query) = 0;
  // Published articles with published_at in [from, to), newest first (sitemaps).
  virtual Result<std::vector<articles::Summary>> published_between(std::int64_t from, std::int64_t to, int limit,
                                                                   int offset) = 0;

  // The months that have published articles, newest first, counted in Vietnam time.
  virtual Result<std::vector<articles::ArchiveMonth>> archive_months() = 0;

  virtual Result<std::int64_t> count_published(std::optional<std::int64_t> category_id) = 0;

  // Any article by id, whatever its status (the caller decides who may see it).
  virtual Result<std::optional<articles::Article>> article(std::int64_t id) = 0;
  // Several at once, in the order asked, without the ids that name no article: one round
  // trip for a page of search results.
  virtual Result<std::vector<articles::Article>> articles(std::span<const std::int64_t> ids) = 0;

  // Categories in display order.
  virtual Result<std::vector<articles::Category>> categories() = 0;

  // Published articles matching `query`, best first (or newest first). "Best" is the
  // engine's order, the same on every page: SQLite by relevance; PostgreSQL all words in the
  // title or lead first, then newest, with relevance worked out for the answer's rows only
  // (docs/search.md says why). The index follows every write made through upsert() in the
  // same transaction.
  virtual Result<FullTextAnswer> full_text(const FullTextQuery& query) = 0;

  // Rebuilds the full-text index from the articles and packs it (toasoan reindex; also run by
  // migrate() when the index is missing articles, e.g. just after the index was introduced).
  virtual Status reindex() = 0;

  // Packs the full-text index after a bulk write (an import, a reindex): a bulk write leaves
  // the index in many pieces, and a search reads every piece (SQLite: three times slower on the
  // corpus before packing). Single writes never need it. Takes about a second per 10,000
  // articles; on SQLite other writers wait meanwhile.
  virtual Status optimize_search_index() = 0;

  virtual Result<bool> empty() = 0;

  // A number that changes whenever any writer (this process, another process or another
  // node) commits a change. Caches compare it to know they are stale. It also moves when the
  // store cannot tell what it missed (PostgreSQL: the notification connection was lost and is
  // back), so a cache is never kept across a gap. Cheap: no round trip to the server.
  virtual Result<std::uint64_t> change_token() = 0;
};

// How a store is opened, beyond its URL.
struct OpenOptions {
  // The most connections the store holds open to a database server (PostgreSQL; SQLite opens
  // one per concurrent caller). Each server connection is a backend process, so
  // nodes × pool_size must stay under the server's max_connections.
  int pool_size = 8;
};

// Opens the store a --db URL names: "sqlite:PATH" (or a bare path) or
// "postgresql://…" / "postgres://…" (libpq's URI form). The error says what is wrong with the
// URL or why the database cannot be opened, in one line that never shows a password:
// ErrorKind::invalid for a URL that cannot be right, unavailable for a server that cannot be
// reached or refuses us.
Result<std::unique_ptr<Store>> open(std::string_view url, const OpenOptions& options = {});

}  // namespace toasoan::store
