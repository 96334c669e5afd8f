#include "store/sqlite/sqlite_store.hpp"

#include <unordered_map>

#include "articles/block_json.hpp"
#include "base/clock.hpp"
#include "base/log.hpp"
#include "store/migrations.hpp"
#include "store/row_codec.hpp"
#include "text/slug.hpp"

namespace toasoan::store::sqlite {

using articles::Article;
using articles::Category;
using articles::Summary;


namespace {

// Rolls back unless committed, so an early return inside a write leaves nothing half-done.
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) {}
  Status begin() { return c_.exec("BEGIN IMMEDIATE"); }
  Status commit() {
    auto s = c_.exec("COMMIT");
    if (s) done_ = true;
    return s;
  }
  ~Transaction() {
    if (!done_) c_.exec("ROLLBACK");
  }

 private:
  Connection& c_;
  bool done_ = false;
};

Error step_error(Connection& c) {
  int code = sqlite3_errcode(c.handle());
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return unavailable("SQLite bận: " + c.last_error());
  return internal("SQLite: " + c.last_error());
}

// FTS5's command that merges every piece of the index into one.
constexpr const char* kOptimize = "INSERT INTO article_search (article_search) VALUES ('optimize')";


// The article with this id, whatever its status, or nullopt.
Result<std::optional<Article>> read_article(Connection& c, std::int64_t id) {
  static const std::string sql = std::string(kArticleSelect) + "WHERE a.id = ?";
  TOASOAN_SQLITE_STATEMENT(s, c, sql.c_str());
  s.bind(id);
  int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<Article>();
  if (rc != SQLITE_ROW) return step_error(c);
  return std::optional<Article>(article_from(s));
}

// Finds or creates the category named `name`; a new one goes last in the display order. Two
// names that fold to one slug ("Thời sự", "Thoi su") get distinct slugs.
Result<std::int64_t> category_id(Connection& c, const std::string& name) {
  {
    TOASOAN_SQLITE_STATEMENT(find, c, "SELECT id FROM categories WHERE name = ?");
    find.bind(name);
    int rc = find.step();
    if (rc == SQLITE_ROW) return find.int64(0);
    if (rc != SQLITE_DONE) return step_error(c);
  }
  std::string base = text::slugify(name);
  if (base.empty()) base = "chuyen-muc";
  for (int n = 1; n < 1000; ++n) {
    std::string slug = n == 1 ? base : base + "-" + std::to_string(n);
    TOASOAN_SQLITE_STATEMENT(taken, c, "SELECT 1 FROM categories WHERE slug = ?");
    taken.bind(slug);
    int rc = taken.step();
    if (rc == SQLITE_ROW) continue;
    if (rc != SQLITE_DONE) return step_error(c);
    TOASOAN_SQLITE_STATEMENT(
        insert, c,
        "INSERT INTO categories (name, slug, position) "
        "VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories))");
    insert.bind(name, slug);
    if (insert.step() != SQLITE_DONE) return step_error(c);
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(c.handle()));
  }
  return internal("không tạo được đường dẫn cho chuyên mục " + name);
}

// Puts the article in the full-text index, or takes it out when it is not published.
Status index_article(Connection& c, std::int64_t id, bool published, std::string_view title, std::string_view lead,
                     const std::vector<articles::Block>& blocks) {
  {
    TOASOAN_SQLITE_STATEMENT(remove, c, "DELETE FROM article_search WHERE rowid = ?");
    remove.bind(id);
    if (remove.step() != SQLITE_DONE) return step_error(c);
  }
  if (!published) return ok_status();
  SearchDocument d = search_document(title, lead, blocks);
  TOASOAN_SQLITE_STATEMENT(add, c, "INSERT INTO article_search (rowid, title, lead, body) VALUES (?, ?, ?, ?)");
  add.bind(id, d.title, d.lead, d.body);
  if (add.step() != SQLITE_DONE) return step_error(c);
  return ok_status();
}

// The FTS5 MATCH expression for a query: every term double-quoted (terms are [a-z0-9]+, see
// safe_term), a group as one phrase, groups side by side (AND), readings joined by OR; a
// prefix star after the last phrase; titles_only puts each phrase under the title column.
// `readings` receives headline_phrase()'s and word_pairs()'s argument: how many phrases each
// reading has.
std::string fts5_expression(const FullTextQuery& q, std::string* readings = nullptr) {
  std::string out;
  for (const auto& reading : q.readings) {
    std::string r;
    int groups = 0;
    for (std::size_t g = 0; g < reading.size(); ++g) {
      std::string phrase;
      for (const auto& term : reading[g]) {
        if (!safe_term(term)) continue;
        if (!phrase.empty()) phrase.push_back(' ');
        phrase += term;
      }
      if (phrase.empty()) continue;
      if (!r.empty()) r.push_back(' ');
      if (q.titles_only) r += "title : ";
      r += "\"" + phrase + "\"";
      if (q.prefix_last && g + 1 == reading.size()) r.push_back('*');
      ++groups;
    }
    if (r.empty()) continue;
    if (!out.empty()) out += " OR ";
    out += "(" + r + ")";
    if (readings) {
      if (!readings->empty()) readings->push_back(',');
      *readings += std::to_string(groups);
    }
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
  std::unique_ptr<SqliteStore> s(new SqliteStore(path));
  auto first = Connection::open(path);
  if (!first) return first.error();
  // A file that is not a database fails here, with SQLite's own words, not at the first page.
  if (auto check = (*first)->exec("SELECT count(*) FROM sqlite_schema"); !check)
    return invalid(path + " không phải cơ sở dữ liệu SQLite dùng được: " + check.error().message);
  auto watcher = Connection::open(path);
  if (!watcher) return watcher.error();
  s->watcher_ = std::move(*watcher);
  s->idle_.push_back(std::move(*first));
  return s;
}

Result<SqliteStore::Lease> SqliteStore::acquire() {
  {
    std::lock_guard lock(pool_mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
  }
  auto c = Connection::open(path_);
  if (!c) return c.error();
  return Lease(this, std::move(*c));
}

void SqliteStore::release(std::unique_ptr<Connection> c) {
  // A transaction still open (its ROLLBACK failed) must not reach the next borrower: the
  // connection is closed instead, which ends it.
  if (!sqlite3_get_autocommit(c->handle())) return;
  std::lock_guard lock(pool_mutex_);
  idle_.push_back(std::move(c));
}

Status SqliteStore::migrate() {
  auto lease = acquire();
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
  // An index that misses articles (it was just introduced, or a crash left it behind) is
  // rebuilt before the server answers a search.
  TOASOAN_SQLITE_STATEMENT(
      behind, c,
      "SELECT (SELECT count(*) FROM articles WHERE status = 'published') != (SELECT count(*) FROM article_search)");
  if (behind.step() != SQLITE_ROW) return step_error(c);
  if (behind.int64(0) != 0) return reindex();
  return ok_status();
}

Status SqliteStore::reindex() {
  auto lease = acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  Transaction tx(c);
  if (auto s = tx.begin(); !s) return s;
  if (auto s = c.exec("DELETE FROM article_search"); !s) return s;
  TOASOAN_SQLITE_STATEMENT(all, c, "SELECT id, title, lead, blocks FROM articles WHERE status = 'published'");
  int rc;
  while ((rc = all.step()) == SQLITE_ROW) {
    auto blocks = blocks_from_column(all.text(3));
    if (auto s = index_article(c, all.int64(0), true, all.text(1), all.text(2), blocks); !s) return s;
  }
  if (rc != SQLITE_DONE) return step_error(c);
  if (auto s = tx.commit(); !s) return s;
  // The index is rebuilt and right; packing only makes it faster, so a failure there is told,
  // not returned.
  if (auto s = c.exec(kOptimize); !s)
    log::warn("SQLite: đã dựng lại chỉ mục tìm kiếm nhưng chưa sắp xếp gọn được: " + s.error().message);
  return ok_status();
}

Status SqliteStore::optimize_search_index() {
  auto lease = acquire();
  if (!lease) return lease.error();
  return (*lease)->exec(kOptimize);
}

Result<FullTextAnswer> SqliteStore::full_text(const FullTextQuery& q) {
  FullTextAnswer answer;
  std::string readings;
  std::string match = fts5_expression(q, &readings);
  if (match.empty()) return answer;
  auto lease = acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  // The matches, as (id, relevance, headline phrase). Relevance is bm25, weighing a word in
  // the title ten times one in the body and in the lead four, raised by up to twice for the
  // query's neighbouring words found side by side (proximity.hpp: "nghị quyết" held
  // together is the word). Without filters the index alone answers (it holds published
  // articles only); with them, CROSS JOIN fixes the order: the full-text match first, or the
  // planner may walk the articles and run the match once per row.
  static const std::string columns =
      "article_search.rowid AS id, -bm25(article_search, 10.0, 4.0, 1.0) * (1 + word_pairs(article_search, ?2)) "
      "AS relevance, CASE WHEN ?8 IS NULL THEN 0 ELSE headline_phrase(article_search, ?2) END AS phrase";
  static const std::string matches[2] = {
      "SELECT " + columns + " FROM article_search WHERE article_search MATCH ?1",
      "SELECT " + columns + ", a.published_at FROM article_search CROSS JOIN articles a ON a.id = "
          "article_search.rowid WHERE article_search MATCH ?1 AND a.status = 'published' AND (?3 IS NULL OR "
          "a.category_id = ?3) AND (?4 IS NULL OR a.published_at >= ?4) AND (?5 IS NULL OR a.published_at < ?5)"};
  // Each kind of answer over those matches carries the count, so the index is read once. Ties
  // in relevance go to the higher id, the same way on every page. Summaries are read for the
  // answer's rows only.
  auto with_summaries = [](const std::string& page, const char* order) {
    return std::string("SELECT ") + kSummaryColumns + ", m.relevance, m.phrase, m.total FROM (" + page +
           ") m CROSS JOIN articles a ON a.id = m.id CROSS JOIN categories c ON c.id = a.category_id ORDER BY " +
           order;
  };
  auto ranked = [&](const std::string& m) {
    return with_summaries("SELECT id, relevance, phrase, count(*) OVER () AS total FROM (" + m +
                              ") ORDER BY relevance DESC, id DESC LIMIT ?6 OFFSET ?7",
                          "m.relevance DESC, m.id DESC");
  };
  auto ranked_with_phrases = [&](const std::string& m) {
    return with_summaries(
        "SELECT id, relevance, phrase, total, n FROM (SELECT id, relevance, phrase, count(*) OVER () AS total, "
        "row_number() OVER (ORDER BY relevance DESC, id DESC) AS n FROM (" + m + ")) WHERE n <= ?6 OR phrase "
        "ORDER BY n LIMIT 2 * ?6",
        "m.n");
  };
  static const std::string newest = with_summaries(
      "SELECT id, relevance, phrase, published_at, count(*) OVER () AS total FROM (" + matches[1] +
          ") ORDER BY published_at DESC, id DESC LIMIT ?6 OFFSET ?7",
      "m.published_at DESC, m.id DESC");
  static const std::string sql[2][2] = {{ranked(matches[0]), ranked_with_phrases(matches[0])},
                                        {ranked(matches[1]), ranked_with_phrases(matches[1])}};
  const bool by_date = q.sort == FullTextQuery::Sort::newest;
  const bool phrases = q.headline_phrases && !by_date;
  const bool filtered = q.category_id || q.from || q.to;
  const char* chosen = by_date ? newest.c_str() : sql[filtered][phrases].c_str();
  const int offset = phrases ? 0 : std::max(q.offset, 0);
  auto run = [&](int limit, int at) -> Status {
    TOASOAN_SQLITE_STATEMENT(s, c, chosen);
    s.bind(match, readings);
    if (phrases) sqlite3_bind_int(s.handle(), 8, 1);
    auto opt = [&](int i, const std::optional<std::int64_t>& v) {
      if (v) sqlite3_bind_int64(s.handle(), i, *v);
    };
    opt(3, q.category_id);
    opt(4, q.from);
    opt(5, q.to);
    sqlite3_bind_int64(s.handle(), 6, limit);
    sqlite3_bind_int64(s.handle(), 7, at);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      answer.hits.push_back({summary_from(s), s.real(11), s.int64(12) != 0});
      answer.total = s.int64(13);
    }
    if (rc != SQLITE_DONE) return step_error(c);
    return ok_status();
  };
  if (auto r = run(std::max(q.limit, 1), offset); !r) return r.error();
  // A page past the last match has no row to carry the count: ask for the first alone.
  if (answer.hits.empty() && offset > 0) {
    if (auto r = run(1, 0); !r) return r.error();
    answer.hits.clear();
  }
  if (q.limit <= 0) answer.hits.clear();
  return answer;
}

Result<std::vector<Upserted>> SqliteStore::upsert(std::span<const articles::Incoming> batch, std::int64_t now) {
  for (const auto& a : batch)
    if (auto e = unstorable(a)) return *e;
  auto lease = acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  Transaction tx(c);
  if (auto s = tx.begin(); !s) return s.error();
  std::unordered_map<std::string, std::int64_t> categories;
  std::vector<Upserted> out;
  out.reserve(batch.size());
  for (const auto& a : batch) {
    std::int64_t cat;
    if (auto it = categories.find(a.category_name); it != categories.end()) {
      cat = it->second;
    } else {
      auto id = category_id(c, a.category_name);
      if (!id) return id.error();
      cat = categories[a.category_name] = *id;
    }
    std::string slug = text::slugify(a.title);
    if (slug.empty()) slug = "bai-viet";
    std::string blocks = articles::blocks_to_json(a.blocks);
    std::string authors = authors_to_json(a.authors);
    const articles::Block* photo = lead_figure(a.blocks);
    std::string image = photo ? photo->image : std::string();
    int iw = photo ? photo->width : 0, ih = photo ? photo->height : 0;

    std::optional<std::int64_t> id;
    {
      TOASOAN_SQLITE_STATEMENT(find, c, "SELECT id FROM articles WHERE external_id = ?");
      find.bind(a.external_id);
      int rc = find.step();
      if (rc == SQLITE_ROW) id = find.int64(0);
      else if (rc != SQLITE_DONE) return step_error(c);
    }
    if (id) {
      TOASOAN_SQLITE_STATEMENT(
          update, c,
          "UPDATE articles SET title = ?, slug = ?, lead = ?, blocks = ?, authors = ?, category_id = ?, "
          "status = ?, published_at = COALESCE(?, published_at), updated_at = ?, image = ?, "
          "image_width = ?, image_height = ? WHERE id = ?");
      // COALESCE keeps the stored time when the line has none: a re-import must not make an
      // old article the newest.
      if (a.published) update.bind(a.title, slug, a.lead, blocks, authors, cat, status_name(a.status),
                                   *a.published, now, image, iw, ih, *id);
      else update.bind(a.title, slug, a.lead, blocks, authors, cat, status_name(a.status), nullptr,
                       now, image, iw, ih, *id);
      if (update.step() != SQLITE_DONE) return step_error(c);
      out.push_back(Upserted::updated);
    } else {
      TOASOAN_SQLITE_STATEMENT(
          insert, c,
          "INSERT INTO articles (external_id, title, slug, lead, blocks, authors, category_id, status, "
          "published_at, updated_at, image, image_width, image_height) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      insert.bind(a.external_id, a.title, slug, a.lead, blocks, authors, cat, status_name(a.status),
                  a.published.value_or(now), now, image, iw, ih);
      if (insert.step() != SQLITE_DONE) return step_error(c);
      id = sqlite3_last_insert_rowid(c.handle());
      out.push_back(Upserted::inserted);
    }
    if (auto s = index_article(c, *id, a.status == articles::Status::published, a.title, a.lead, a.blocks); !s)
      return s.error();
  }
  if (auto s = tx.commit(); !s) return s.error();
  return out;
}

Result<std::vector<Summary>> SqliteStore::latest(const ListQuery& q) {
  auto lease = acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  static const std::string all_sql = std::string("SELECT ") + kSummaryColumns +
      " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.status = 'published' "
      "ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?";
  static const std::string cat_sql = std::string("SELECT ") + kSummaryColumns +
      " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.category_id = ? AND "
      "a.status = 'published' ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?";
  std::vector<Summary> out;
  auto run = [&](Statement& s) -> Status {
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) out.push_back(summary_from(s));
    if (rc != SQLITE_DONE) return step_error(c);
    return ok_status();
  };
  if (q.category_id) {
    TOASOAN_SQLITE_STATEMENT(s, c, cat_sql.c_str());
    s.bind(*q.category_id, q.limit, q.offset);
    if (auto st = run(s); !st) return st.error();
  } else {
    TOASOAN_SQLITE_STATEMENT(s, c, all_sql.c_str());
    s.bind(q.limit, q.offset);
    if (auto st = run(s); !st) return st.error();
  }
  return out;
}

Result<std::vector<Summary>> SqliteStore::published_between(std::int64_t from, std::int64_t to, int limit,
                                                            int offset) {
  auto lease = acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  static const std::string sql = std::string("SELECT ") + kSummaryColumns +
      " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.status = 'published' AND "
      "a.published_at >= ? AND a.published_at < ? ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?";
  TOASOAN_SQLITE_STATEMENT(s, c, sql.c_str());
  s.bind(from, to, limit, offset);
  std::vector<Summary> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) out.push_back(summary_from(s));
  if (rc != SQLITE_DONE) return step_error(c);
  return out;
}

Result<std::vector<articles::ArchiveMonth>> SqliteStore::archive_months() {
  auto lease = acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  // 25200 s: Vietnam's +07:00, so an article published at 00:30 on the 1st counts in its month.
  TOASOAN_SQLITE_STATEMENT(
      s, c,
      "SELECT CAST(strftime('%Y', published_at + 25200, 'unixepoch') AS INTEGER) AS y, "
      "CAST(strftime('%m', published_at + 25200, 'unixepoch') AS INTEGER) AS m, count(*), "
      "max(max(updated_at, published_at)) FROM articles WHERE status = 'published' GROUP BY y, m "
      "ORDER BY y DESC, m DESC");
  std::vector<articles::ArchiveMonth> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW)
    out.push_back({static_cast<int>(s.int64(0)), static_cast<int>(s.int64(1)), s.int64(2), s.int64(3)});
  if (rc != SQLITE_DONE) return step_error(c);
  return out;
}

Result<std::int64_t> SqliteStore::count_published(std::optional<std::int64_t> category_id) {
  auto lease = acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  if (category_id) {
    TOASOAN_SQLITE_STATEMENT(s, c, "SELECT count(*) FROM articles WHERE category_id = ? AND status = 'published'");
    s.bind(*category_id);
    if (s.step() != SQLITE_ROW) return step_error(c);
    return s.int64(0);
  }
  TOASOAN_SQLITE_STATEMENT(s, c, "SELECT count(*) FROM articles WHERE status = 'published'");
  if (s.step() != SQLITE_ROW) return step_error(c);
  return s.int64(0);
}

Result<std::optional<Article>> SqliteStore::article(std::int64_t id) {
  auto lease = acquire();
  if (!lease) return lease.error();
  return read_article(**lease, id);
}

Result<std::vector<Article>> SqliteStore::articles(std::span<const std::int64_t> ids) {
  // In process, one read per id costs microseconds: nothing to gain from one statement.
  auto lease = acquire();
  if (!lease) return lease.error();
  std::vector<Article> out;
  for (std::int64_t id : ids) {
    auto a = read_article(**lease, id);
    if (!a) return a.error();
    if (*a) out.push_back(std::move(**a));
  }
  return out;
}

Result<std::vector<Category>> SqliteStore::categories() {
  auto lease = acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, "SELECT id, name, slug, position FROM categories ORDER BY position, id");
  std::vector<Category> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW)
    out.push_back({s.int64(0), std::string(s.text(1)), std::string(s.text(2)), static_cast<int>(s.int64(3))});
  if (rc != SQLITE_DONE) return step_error(c);
  return out;
}

Result<bool> SqliteStore::empty() {
  auto lease = acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, "SELECT NOT EXISTS (SELECT 1 FROM articles)");
  if (s.step() != SQLITE_ROW) return step_error(c);
  return s.int64(0) != 0;
}

Result<std::uint64_t> SqliteStore::change_token() {
  std::lock_guard lock(watch_mutex_);
  TOASOAN_SQLITE_STATEMENT(s, *watcher_, "PRAGMA data_version");
  if (s.step() != SQLITE_ROW) return step_error(*watcher_);
  return static_cast<std::uint64_t>(s.int64(0));
}

}  // namespace toasoan::store::sqlite
