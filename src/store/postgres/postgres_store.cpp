#include "store/postgres/postgres_store.hpp"

#include <poll.h>

#include <random>
#include <thread>
#include <unordered_map>

#include "articles/block_json.hpp"
#include "base/clock.hpp"
#include "base/log.hpp"
#include "store/migrations.hpp"
#include "store/row_codec.hpp"
#include "text/slug.hpp"

namespace toasoan::store::postgres {

using articles::Article;
using articles::Category;
using articles::Summary;

namespace {

// How long a caller waits for a pooled connection when all are in use before it gets a 503:
// a query takes milliseconds, so a wait this long means the database is stuck.
constexpr std::chrono::seconds kAcquireTimeout{5};
// After a failed connect, calls fail at once for this long instead of each waiting for its
// own connect to fail: during an outage, pages answer 503 immediately and the server is not
// hammered, and the node still notices the database's return within a second.
constexpr std::chrono::milliseconds kReconnectPause{500};
// A batch that loses to a concurrent writer (two imports of one file, two nodes creating the
// same category) is tried again from the start; each try makes progress for someone.
constexpr int kWriteAttempts = 8;
// Statements of an import batch sent before their results are read (Connection pipeline
// mode): enough to keep the server busy while this side prepares rows, few enough that the
// results (a few bytes each) never fill the socket while this side is still sending.
constexpr std::size_t kPipelineDepth = 100;
// Advisory lock keys: any fixed numbers every node agrees on ("toasoan" in ASCII, and one more).
constexpr std::int64_t kMigrationLockKey = 0x746F61736F616E;
constexpr std::int64_t kCategoryLockKey = 0x746F61736F616E + 1;

// Rolls back unless committed, so an early return inside a write leaves nothing half-done.
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) {}
  Status begin() { return c_.exec("BEGIN"); }
  Status commit() {
    auto s = c_.exec("COMMIT");
    if (s) done_ = true;
    return s;
  }
  ~Transaction() {
    if (!done_) c_.rollback();
  }

 private:
  Connection& c_;
  bool done_ = false;
};

// One row of a result, as row_codec's readers take it.
struct RowAt {
  const Rows& rows;
  int row;
  std::int64_t int64(int col) const { return rows.int64(row, col); }
  std::string_view text(int col) const { return rows.text(row, col); }
};

Summary read_summary(const Rows& r, int row) { return summary_from(RowAt{r, row}); }

// The to_tsquery('simple', …) text for a query: each term single-quoted (terms are
// [a-z0-9]+, see safe_term), a group's terms joined by <-> (followed by), groups by &, readings
// by |; ':*' makes the last term a prefix, ':A' keeps a term to titles.
std::string tsquery_expression(const FullTextQuery& q) {
  std::string out;
  for (const auto& reading : q.readings) {
    std::string r;
    for (std::size_t g = 0; g < reading.size(); ++g) {
      std::string phrase;
      std::size_t kept = 0, last = 0;
      for (std::size_t t = 0; t < reading[g].size(); ++t)
        if (safe_term(reading[g][t])) ++kept, last = t;
      for (std::size_t t = 0; t < reading[g].size(); ++t) {
        const auto& term = reading[g][t];
        if (!safe_term(term)) continue;
        if (!phrase.empty()) phrase += " <-> ";
        phrase += "'" + term + "'";
        bool prefix = q.prefix_last && g + 1 == reading.size() && t == last;
        if (prefix || q.titles_only) phrase += std::string(":") + (prefix ? "*" : "") + (q.titles_only ? "A" : "");
      }
      if (kept == 0) continue;
      if (!r.empty()) r += " & ";
      r += "(" + phrase + ")";
    }
    if (r.empty()) continue;
    if (!out.empty()) out += " | ";
    out += "(" + r + ")";
  }
  return out;
}

// The tsquery text that holds when one reading's words stand side by side, in order: each
// reading of two words or more, all its words joined by <->, readings by |. Empty when no
// reading has two words.
std::string phrase_expression(const FullTextQuery& q) {
  std::string out;
  for (const auto& reading : q.readings) {
    std::string r;
    int words = 0;
    for (const auto& group : reading)
      for (const auto& term : group) {
        if (!safe_term(term)) continue;
        if (!r.empty()) r += " <-> ";
        r += "'" + term + "'";
        ++words;
      }
    if (words < 2) continue;
    if (!out.empty()) out += " | ";
    out += "(" + r + ")";
  }
  return out;
}

// Packs the search index: new entries wait in each GIN index's pending list, which every
// search scans in full; fresh statistics let the planner see how many rows a word matches.
Status optimize_on(Connection& c) {
  auto r = c.query(
      "SELECT gin_clean_pending_list('article_search_document'::regclass), "
      "gin_clean_pending_list('article_search_headline'::regclass)");
  if (!r) return r.error();
  return c.exec("ANALYZE article_search");
}

// Finds or creates the category named `name`; a new one goes last in the display order. Two
// names that fold to one slug ("Thời sự", "Thoi su") get distinct slugs, as on SQLite.
Result<std::int64_t> category_id(Connection& c, const std::string& name) {
  auto found = c.query("SELECT id FROM categories WHERE name = $1", {name});
  if (!found) return found.error();
  if (!found->empty()) return found->int64(0, 0);
  // New categories are made one at a time across all nodes, until the maker commits, as
  // SQLite's single writer makes them: otherwise two writers would both take MAX(position)+1.
  // Rare (a new category) and cheap; readers are not blocked.
  if (auto locked = c.query("SELECT pg_advisory_xact_lock($1)", {kCategoryLockKey}); !locked) return locked.error();
  auto made = c.query("SELECT id FROM categories WHERE name = $1", {name});  // while we waited?
  if (!made) return made.error();
  if (!made->empty()) return made->int64(0, 0);
  std::string base = text::slugify(name);
  if (base.empty()) base = "chuyen-muc";
  for (int n = 1; n < 1000; ++n) {
    std::string slug = n == 1 ? base : base + "-" + std::to_string(n);
    auto taken = c.query("SELECT 1 FROM categories WHERE slug = $1", {slug});
    if (!taken) return taken.error();
    if (!taken->empty()) continue;
    // Under the lock no other writer can be making a category; DO NOTHING and the SELECT
    // after it (a new snapshot, in READ COMMITTED) are the safety net should one not take it.
    auto inserted = c.query(
        "INSERT INTO categories (name, slug, position) "
        "VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories)) "
        "ON CONFLICT DO NOTHING RETURNING id",
        {name, slug});
    if (!inserted) return inserted.error();
    if (!inserted->empty()) return inserted->int64(0, 0);
    auto theirs = c.query("SELECT id FROM categories WHERE name = $1", {name});
    if (!theirs) return theirs.error();
    if (!theirs->empty()) return theirs->int64(0, 0);
    // The slug went to another category meanwhile: try the next one.
  }
  return internal("không tạo được đường dẫn cho chuyên mục " + name);
}

// change_token() never blocks: it reads what has arrived, a bounded number of times.
constexpr int kMaxReadsPerPoll = 8;

bool socket_readable(int fd) {
  if (fd < 0) return false;
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR)) != 0;
}

void pause_before_retry(int attempt) {
  // Randomised so that two writers that collided do not collide again in step.
  thread_local std::minstd_rand rng{std::random_device{}()};
  int ms = 2 * attempt * attempt + static_cast<int>(rng() % 10);
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

}  // namespace


Result<std::unique_ptr<PostgresStore>> PostgresStore::open(std::string_view url, const OpenOptions& options) {
  auto target = Target::parse(url);
  if (!target) return target.error();
  if (options.pool_size < 1)
    return invalid("số kết nối tới PostgreSQL (--db-pool) phải từ 1 trở lên, không phải " +
                   std::to_string(options.pool_size));
  auto first = Connection::connect(*target);
  if (!first) return first.error();
  // The server's view, defaults filled in (the user, the socket folder), for every message.
  target->display = (*first)->display();
  std::unique_ptr<PostgresStore> s(new PostgresStore(std::move(*target), options.pool_size));
  auto listener = s->listen();
  if (!listener) return listener.error();
  s->listener_ = std::move(*listener);
  s->idle_.push_back(std::move(*first));
  s->open_ = 1;
  return s;
}

Result<PostgresStore::Lease> PostgresStore::acquire() {
  std::unique_lock lock(pool_mutex_);
  auto deadline = std::chrono::steady_clock::now() + kAcquireTimeout;
  for (;;) {
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
    if (open_ < pool_size_) {
      if (connect_error_ && std::chrono::steady_clock::now() < reconnect_at_) return *connect_error_;
      ++open_;
      lock.unlock();
      auto c = Connection::connect(target_);
      if (c) {
        {
          std::lock_guard relock(pool_mutex_);
          connect_error_.reset();
        }
        return Lease(this, std::move(*c));
      }
      lock.lock();
      --open_;
      connect_error_ = c.error();
      reconnect_at_ = std::chrono::steady_clock::now() + kReconnectPause;
      pool_returned_.notify_one();
      return c.error();
    }
    if (pool_returned_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= pool_size_)
      return unavailable("cả " + std::to_string(pool_size_) + " kết nối tới PostgreSQL " + target_.display +
                         " đều bận quá " + std::to_string(kAcquireTimeout.count()) + " giây");
  }
}

void PostgresStore::release(std::unique_ptr<Connection> c) {
  std::vector<std::unique_ptr<Connection>> dropped;  // closed outside the lock
  {
    std::lock_guard lock(pool_mutex_);
    if (!c->broken() && !c->in_transaction()) {
      idle_.push_back(std::move(c));
      pool_returned_.notify_one();
      return;
    }
    // What breaks one connection (a restarted server, a failover, a network cut) has broken
    // the idle ones too: drop them now rather than let each next request find out.
    if (c->broken()) dropped.swap(idle_);  // a connection still in a transaction drops alone
    dropped.push_back(std::move(c));
    open_ -= static_cast<int>(dropped.size());
    pool_returned_.notify_all();
  }
  log::warn("PostgreSQL " + target_.display + ": bỏ " + std::to_string(dropped.size()) +
            " kết nối hỏng, sẽ kết nối lại");
}

template <class F>
auto PostgresStore::read(F&& f) -> decltype(f(std::declval<Connection&>())) {
  for (int attempt = 1;; ++attempt) {
    auto lease = acquire();
    if (!lease) return lease.error();
    auto r = f(**lease);
    if (r.ok() || attempt == 2 || !(*lease)->broken()) return r;
  }
}

Result<std::unique_ptr<Connection>> PostgresStore::listen() {
  auto c = Connection::connect(target_);
  if (!c) return c.error();
  if (auto s = (*c)->exec(std::string("LISTEN ") + kChangeChannel); !s) return s.error();
  return c;
}

Status PostgresStore::migrate() {
  auto lease = acquire();
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
  // An index that misses articles (it was just introduced) or holds rows a previous release
  // wrote without their headline (during a rolling upgrade) is rebuilt while the migration
  // lock is held, so nodes starting together rebuild it once.
  auto behind = c.query(
      "SELECT (SELECT count(*) FROM articles WHERE status = 'published') <> (SELECT count(*) FROM article_search) "
      "OR EXISTS (SELECT 1 FROM article_search WHERE headline IS NULL OR published_at IS NULL)");
  if (!behind) return behind.error();
  if (!behind->boolean(0, 0)) return ok_status();
  if (auto s = reindex_on(c); !s) return s;
  pack_or_warn(c);
  return ok_status();
}

Status PostgresStore::reindex() {
  auto lease = acquire();
  if (!lease) return lease.error();
  if (auto s = reindex_on(**lease); !s) return s;
  pack_or_warn(**lease);
  return ok_status();
}

void PostgresStore::pack_or_warn(Connection& c) {
  // The index is rebuilt and right; packing only makes it faster, so a failure there is told,
  // not returned.
  if (auto s = optimize_on(c); !s)
    log::warn("PostgreSQL " + target_.display + ": đã dựng lại chỉ mục tìm kiếm nhưng chưa sắp xếp gọn được: " +
              s.error().message);
}

Status PostgresStore::optimize_search_index() {
  auto lease = acquire();
  if (!lease) return lease.error();
  return optimize_on(**lease);
}

Status PostgresStore::reindex_on(Connection& c) {
  Transaction tx(c);
  if (auto s = tx.begin(); !s) return s;
  // Writers wait until the rebuild commits: an article unpublished meanwhile would otherwise
  // find its index row already deleted, and the row rebuilt from the old state would stay.
  if (auto s = c.exec("LOCK TABLE articles IN SHARE MODE"); !s) return s;
  if (auto s = c.exec("DELETE FROM article_search"); !s) return s;
  auto all = c.query("SELECT id, title, lead, blocks, published_at FROM articles WHERE status = 'published'");
  if (!all) return all.error();
  for (int i = 0; i < all->size(); ++i) {
    SearchDocument d = search_document(all->text(i, 1), all->text(i, 2), blocks_from_column(all->text(i, 3)));
    auto r = c.query(
        "INSERT INTO article_search (article_id, headline, document, published_at) SELECT $1, h, h || "
        "setweight(to_tsvector('simple', $4), 'D'), $5 FROM (SELECT setweight(to_tsvector('simple', $2), 'A') || "
        "setweight(to_tsvector('simple', $3), 'B') AS h) x",
        {all->int64(i, 0), d.title, d.lead, d.body, all->int64(i, 4)});
    if (!r) return r.error();
  }
  if (auto n = c.query("SELECT pg_notify($1, '')", {kChangeChannel}); !n) return n.error();
  return tx.commit();
}

Result<FullTextAnswer> PostgresStore::full_text(const FullTextQuery& q) {
  std::string tsquery = tsquery_expression(q);
  if (tsquery.empty()) return FullTextAnswer{};
  const bool by_date = q.sort == FullTextQuery::Sort::newest;
  const bool phrases = q.headline_phrases && !by_date;
  std::string phrase = phrases ? phrase_expression(q) : std::string();
  // Two phases, because the whole document of a match lives compressed out of line: testing
  // and ordering thousands of matches must not open them. The first phase orders every match
  // by what its index row holds: all the words in the title or lead (the headline) first,
  // then the newest. The second ranks only the rows of the answer, by ts_rank_cd over the
  // whole document (weights D body, C, B lead, A title: a title word counts ten times a body
  // word). Suggestions match and rank the headline alone, where titles are weight A.
  // - The document is matched through its GIN index only: the query text reaches the planner
  //   as a sub-select, which it cannot see into, so common words never tempt it into reading
  //   every document instead (12 ms against 47 ms for "công an không phải" on the corpus).
  // - Matches are MATERIALIZED as narrow rows, so no headline is carried through the sort.
  // - Filters left NULL fold away when the statement is planned for its parameters.
  auto matches = [](const char* column, const char* headline_rank) {
    return std::string("SELECT s.article_id AS id, COALESCE(s.published_at, 0) AS published_at, "
           "COALESCE(s.headline @@ q, false) AS in_headline, ") +
           headline_rank + " AS headline_rank, CASE WHEN $2 = '' THEN false ELSE COALESCE(s.headline @@ "
           "to_tsquery('simple', $2), false) END AS phrase FROM article_search s, to_tsquery('simple', $1) q WHERE " +
           column + " @@ (SELECT to_tsquery('simple', $1)) AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM "
           "articles a WHERE a.id = s.article_id "
           "AND a.category_id = $3)) AND ($4::bigint IS NULL OR s.published_at >= $4) AND ($5::bigint IS NULL OR "
           "s.published_at < $5)";
  };
  auto answer = [](const std::string& m, const char* order, const char* page, const char* relevance) {
    return "WITH m AS MATERIALIZED (" + m + "), r AS (SELECT id, phrase, count(*) OVER () AS total, row_number() "
           "OVER (ORDER BY " + order + ") AS n FROM m) SELECT " + kSummaryColumns + ", " + relevance +
           " AS relevance, p.phrase, p.total FROM (SELECT * FROM r WHERE " + page +
           ") p JOIN article_search s ON s.article_id = p.id JOIN articles a ON a.id = p.id JOIN categories c ON "
           "c.id = a.category_id ORDER BY p.n";
  };
  static constexpr const char* kRank = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', s.document, to_tsquery('simple', $1), 1)";
  static constexpr const char* kHeadlineRank =
      "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', s.headline, to_tsquery('simple', $1), 1)";
  static constexpr const char* kFirstPhase = "in_headline DESC, published_at DESC, id DESC";
  static constexpr const char* kNewest = "published_at DESC, id DESC";
  // Each page's LIMIT tells the planner how few rows reach the second phase, so it reads their
  // documents by key instead of scanning the table.
  static constexpr const char* kPage = "n > $7 ORDER BY n LIMIT $6";
  // The best $6, then phrase matches in the same order, as many again at most.
  static constexpr const char* kWithPhrases = "n > $7 AND (n <= $7 + $6 OR phrase) ORDER BY n LIMIT 2 * $6";
  static const std::string documents = matches("s.document", "0");
  static const std::string ranked = answer(documents, kFirstPhase, kPage, kRank);
  static const std::string ranked_with_phrases = answer(documents, kFirstPhase, kWithPhrases, kRank);
  static const std::string newest = answer(documents, kNewest, kPage, kRank);
  static const std::string suggestions =
      answer(matches("s.headline", kHeadlineRank), "headline_rank DESC, id DESC", kPage, kHeadlineRank);
  const std::string& chosen = q.titles_only ? suggestions : by_date ? newest : phrases ? ranked_with_phrases : ranked;
  const int offset = phrases ? 0 : std::max(q.offset, 0);
  return read([&](Connection& c) -> Result<FullTextAnswer> {
    FullTextAnswer out;
    auto run = [&](int limit, int at) -> Status {
      auto r = c.query(chosen.c_str(), {tsquery, phrase, q.category_id, q.from, q.to, limit, at});
      if (!r) return r.error();
      for (int i = 0; i < r->size(); ++i) {
        out.hits.push_back({read_summary(*r, i), r->real(i, 11), r->boolean(i, 12)});
        out.total = r->int64(i, 13);
      }
      return ok_status();
    };
    if (auto s = run(std::max(q.limit, 1), offset); !s) return s.error();
    // A page past the last match has no row to carry the count: ask for the first alone.
    if (out.hits.empty() && offset > 0) {
      if (auto s = run(1, 0); !s) return s.error();
      out.hits.clear();
    }
    if (q.limit <= 0) out.hits.clear();
    return out;
  });
}

Result<std::vector<Upserted>> PostgresStore::upsert(std::span<const articles::Incoming> batch, std::int64_t now) {
  if (batch.empty()) return std::vector<Upserted>();
  for (const auto& a : batch)
    if (auto e = unstorable(a)) return *e;
  for (int attempt = 1;; ++attempt) {
    auto lease = acquire();
    if (!lease) return lease.error();
    auto r = upsert_once(**lease, batch, now);
    if (r.ok()) return r;
    // A batch is safe to send again whole: it is keyed on external ids, and an attempt that
    // failed rolled back. (If the connection broke during COMMIT, the commit may have been
    // applied; the repeat then counts those articles as updated, and the data is the same.)
    bool again = (*lease)->broken() || (*lease)->retryable();
    if (!again || attempt == kWriteAttempts) return r;
    log::info("PostgreSQL " + target_.display + ": lô bài phải ghi lại (" +
              ((*lease)->broken() ? std::string("mất kết nối") : "SQLSTATE " + (*lease)->last_sqlstate()) +
              "), lần " + std::to_string(attempt + 1));
    if ((*lease)->retryable()) pause_before_retry(attempt);
  }
}

Result<std::vector<Upserted>> PostgresStore::upsert_once(Connection& c, std::span<const articles::Incoming> batch,
                                                         std::int64_t now) {
  Transaction tx(c);
  if (auto s = tx.begin(); !s) return s.error();
  // Categories first, in order of first appearance: the same ids, positions and slugs as
  // SQLite gives when it meets them row by row.
  std::unordered_map<std::string, std::int64_t> categories;
  for (const auto& a : batch) {
    if (categories.contains(a.category_name)) continue;
    auto id = category_id(c, a.category_name);
    if (!id) return id.error();
    categories.emplace(a.category_name, *id);
  }
  // One statement per article, safe against a concurrent writer of the same article: the
  // loser of the race waits and then updates. xmax = 0 holds only for a row this statement
  // inserted. COALESCE keeps the stored time when the line has none: a re-import must not
  // make an old article the newest.
  // The full-text index row is written (or removed, for an unpublished article) by the same
  // statement, so the index can never disagree with the article.
  static constexpr const char* kUpsert =
      "WITH up AS (INSERT INTO articles (external_id, title, slug, lead, blocks, authors, category_id, status, "
      "published_at, updated_at, image, image_width, image_height) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
      "ON CONFLICT (external_id) DO UPDATE SET title = EXCLUDED.title, slug = EXCLUDED.slug, "
      "lead = EXCLUDED.lead, blocks = EXCLUDED.blocks, authors = EXCLUDED.authors, "
      "category_id = EXCLUDED.category_id, status = EXCLUDED.status, "
      "published_at = COALESCE($14::bigint, articles.published_at), updated_at = EXCLUDED.updated_at, "
      "image = EXCLUDED.image, image_width = EXCLUDED.image_width, image_height = EXCLUDED.image_height "
      "RETURNING id, (xmax = 0) AS inserted, status, published_at), "
      "indexed AS (INSERT INTO article_search (article_id, headline, document, published_at) SELECT id, h, "
      "h || setweight(to_tsvector('simple', $17), 'D'), published_at FROM up, (SELECT "
      "setweight(to_tsvector('simple', $15), 'A') || setweight(to_tsvector('simple', $16), 'B') AS h) x "
      "WHERE status = 'published' ON CONFLICT (article_id) DO UPDATE SET headline = EXCLUDED.headline, "
      "document = EXCLUDED.document, published_at = EXCLUDED.published_at), "
      "unindexed AS (DELETE FROM article_search WHERE article_id IN (SELECT id FROM up WHERE status <> 'published')) "
      "SELECT inserted FROM up";
  if (auto s = c.prepare(kUpsert); !s) return s.error();
  std::vector<Upserted> out;
  out.reserve(batch.size());
  for (std::size_t from = 0; from < batch.size(); from += kPipelineDepth) {
    auto segment = batch.subspan(from, std::min(kPipelineDepth, batch.size() - from));
    if (auto s = c.begin_pipeline(); !s) return s.error();
    std::optional<Error> failed;
    std::size_t sent = 0;
    for (const auto& a : segment) {
      std::string slug = text::slugify(a.title);
      if (slug.empty()) slug = "bai-viet";
      const articles::Block* photo = lead_figure(a.blocks);
      std::string image = photo ? photo->image : std::string();
      int iw = photo ? photo->width : 0, ih = photo ? photo->height : 0;
      SearchDocument d = search_document(a.title, a.lead, a.blocks);
      auto s = c.send(kUpsert, {a.external_id, a.title, slug, a.lead, articles::blocks_to_json(a.blocks),
                                authors_to_json(a.authors), categories.at(a.category_name), status_name(a.status),
                                a.published.value_or(now), now, image, iw, ih, a.published, d.title, d.lead,
                                d.body});
      if (!s) {
        failed = s.error();
        break;
      }
      ++sent;
    }
    if (auto s = c.sync(); !s && !failed) failed = s.error();
    for (std::size_t i = 0; i < sent && !c.broken(); ++i) {
      auto r = c.next_result();
      if (!r) {
        if (!failed) failed = r.error();  // the first failure is the cause; the rest were skipped
        continue;
      }
      out.push_back(r->boolean(0, 0) ? Upserted::inserted : Upserted::updated);
    }
    if (c.broken()) return failed ? *failed : unavailable("mất kết nối tới PostgreSQL " + target_.display);
    if (auto s = c.end_pipeline(); !s && !failed) failed = s.error();
    if (failed) return *failed;
  }
  // Delivered to every listening node when, and only if, this transaction commits.
  if (auto n = c.query("SELECT pg_notify($1, '')", {kChangeChannel}); !n) return n.error();
  if (auto s = tx.commit(); !s) return s.error();
  return out;
}

Result<std::vector<Summary>> PostgresStore::latest(const ListQuery& q) {
  static const std::string all_sql = std::string("SELECT ") + kSummaryColumns +
      " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.status = 'published' "
      "ORDER BY a.published_at DESC, a.id DESC LIMIT $1 OFFSET $2";
  static const std::string cat_sql = std::string("SELECT ") + kSummaryColumns +
      " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.category_id = $3 AND "
      "a.status = 'published' ORDER BY a.published_at DESC, a.id DESC LIMIT $1 OFFSET $2";
  // As SQLite reads them: a negative limit is no limit, a negative offset is none.
  Param limit = q.limit < 0 ? Param(nullptr) : Param(q.limit);
  Param offset = q.offset < 0 ? 0 : q.offset;
  return read([&](Connection& c) -> Result<std::vector<Summary>> {
    auto r = q.category_id ? c.query(cat_sql.c_str(), {limit, offset, *q.category_id})
                           : c.query(all_sql.c_str(), {limit, offset});
    if (!r) return r.error();
    std::vector<Summary> out;
    out.reserve(static_cast<std::size_t>(r->size()));
    for (int i = 0; i < r->size(); ++i) out.push_back(read_summary(*r, i));
    return out;
  });
}

Result<std::vector<Summary>> PostgresStore::published_between(std::int64_t from, std::int64_t to, int limit,
                                                              int offset) {
  static const std::string sql = std::string("SELECT ") + kSummaryColumns +
      " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.status = 'published' AND "
      "a.published_at >= $1 AND a.published_at < $2 ORDER BY a.published_at DESC, a.id DESC LIMIT $3 OFFSET $4";
  return read([&](Connection& c) -> Result<std::vector<Summary>> {
    auto r = c.query(sql.c_str(), {from, to, limit, std::max(offset, 0)});
    if (!r) return r.error();
    std::vector<Summary> out;
    out.reserve(static_cast<std::size_t>(r->size()));
    for (int i = 0; i < r->size(); ++i) out.push_back(read_summary(*r, i));
    return out;
  });
}

Result<std::vector<articles::ArchiveMonth>> PostgresStore::archive_months() {
  return read([&](Connection& c) -> Result<std::vector<articles::ArchiveMonth>> {
    // As on SQLite: months in Vietnam time (+07:00 is 25200 s), newest first.
    auto r = c.query(
        "SELECT extract(year FROM to_timestamp(published_at + 25200) AT TIME ZONE 'UTC')::bigint AS y, "
        "extract(month FROM to_timestamp(published_at + 25200) AT TIME ZONE 'UTC')::bigint AS m, count(*), "
        "max(greatest(updated_at, published_at)) FROM articles WHERE status = 'published' GROUP BY y, m "
        "ORDER BY y DESC, m DESC");
    if (!r) return r.error();
    std::vector<articles::ArchiveMonth> out;
    for (int i = 0; i < r->size(); ++i)
      out.push_back({static_cast<int>(r->int64(i, 0)), static_cast<int>(r->int64(i, 1)), r->int64(i, 2),
                     r->int64(i, 3)});
    return out;
  });
}

Result<std::int64_t> PostgresStore::count_published(std::optional<std::int64_t> category_id) {
  return read([&](Connection& c) -> Result<std::int64_t> {
    auto r = category_id
                 ? c.query("SELECT count(*) FROM articles WHERE category_id = $1 AND status = 'published'",
                           {*category_id})
                 : c.query("SELECT count(*) FROM articles WHERE status = 'published'");
    if (!r) return r.error();
    return r->int64(0, 0);
  });
}


Result<std::optional<Article>> PostgresStore::article(std::int64_t id) {
  static const std::string sql = std::string(kArticleSelect) + "WHERE a.id = $1";
  return read([&](Connection& c) -> Result<std::optional<Article>> {
    auto r = c.query(sql.c_str(), {id});
    if (!r) return r.error();
    if (r->empty()) return std::optional<Article>();
    return std::optional<Article>(article_from(RowAt{*r, 0}));
  });
}

Result<std::vector<Article>> PostgresStore::articles(std::span<const std::int64_t> ids) {
  static const std::string sql = std::string(kArticleSelect) +
                                 "JOIN unnest($1::bigint[]) WITH ORDINALITY AS asked(id, n) ON asked.id = a.id "
                                 "ORDER BY asked.n";
  if (ids.empty()) return std::vector<Article>();
  std::string array = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) array += (i ? "," : "") + std::to_string(ids[i]);
  array += "}";
  return read([&](Connection& c) -> Result<std::vector<Article>> {
    auto r = c.query(sql.c_str(), {array});
    if (!r) return r.error();
    std::vector<Article> out;
    for (int i = 0; i < r->size(); ++i) out.push_back(article_from(RowAt{*r, i}));
    return out;
  });
}

Result<std::vector<Category>> PostgresStore::categories() {
  return read([&](Connection& c) -> Result<std::vector<Category>> {
    auto r = c.query("SELECT id, name, slug, position FROM categories ORDER BY position, id");
    if (!r) return r.error();
    std::vector<Category> out;
    for (int i = 0; i < r->size(); ++i)
      out.push_back({r->int64(i, 0), std::string(r->text(i, 1)), std::string(r->text(i, 2)),
                     static_cast<int>(r->int64(i, 3))});
    return out;
  });
}

Result<bool> PostgresStore::empty() {
  return read([&](Connection& c) -> Result<bool> {
    auto r = c.query("SELECT NOT EXISTS (SELECT 1 FROM articles)");
    if (!r) return r.error();
    return r->boolean(0, 0);
  });
}

Result<std::uint64_t> PostgresStore::change_token() {
  std::lock_guard lock(listen_mutex_);
  if (listener_) {
    PGconn* pc = listener_->handle();
    // Reads what the socket holds without waiting (libpq's sockets are non-blocking), then
    // takes the notifications out of libpq's queue. One move per call is enough: the
    // watcher only asks whether anything changed since it last looked.
    bool alive = PQconsumeInput(pc) == 1;
    // A server that ends the session sends an error and then closes the socket; libpq may
    // read the first without the second. Read on while the socket has more, so the loss is
    // seen in this call and not the next one.
    for (int i = 0; alive && i < kMaxReadsPerPoll && socket_readable(PQsocket(pc)); ++i)
      alive = PQconsumeInput(pc) == 1 && PQstatus(pc) == CONNECTION_OK;
    bool heard = false;
    while (PGnotify* n = PQnotifies(pc)) {
      PQfreemem(n);
      heard = true;
    }
    if (heard) ++token_;
    if (!alive || PQstatus(pc) != CONNECTION_OK) {
      log::warn("PostgreSQL " + target_.display + ": mất kết nối nhận thông báo thay đổi, sẽ kết nối lại");
      listener_.reset();
    }
  }
  if (!listener_) {
    auto l = listen();
    if (!l) return l.error();
    listener_ = std::move(*l);
    // Whatever was committed while nobody listened is unknown: caches must start afresh.
    ++token_;
  }
  return token_;
}

}  // namespace toasoan::store::postgres
