#include "store/postgres/article_writer.hpp"

#include <random>
#include <string>
#include <thread>
#include <unordered_map>

#include "articles/block_json.hpp"
#include "articles/reserved_slugs.hpp"
#include "base/log.hpp"
#include "store/change_log.hpp"
#include "store/piece_codec.hpp"
#include "store/postgres/advisory_locks.hpp"
#include "store/postgres/unit_of_work.hpp"
#include "store/row_codec.hpp"
#include "text/slug.hpp"

namespace toasoan::store::postgres {
namespace {

// A batch that loses to a concurrent writer (two imports of one file, two nodes creating the
// same category) is tried again from the start; each try makes progress for someone.
constexpr int kWriteAttempts = 8;
// Articles of an import batch sent before their results are read (Connection pipeline mode),
// two statements each: enough to keep the server busy while this side prepares rows, few
// enough that the results (a few bytes each) never fill the socket while this side is still
// sending.
constexpr std::size_t kPipelineDepth = 100;

}  // namespace

// Finds or creates the category named `name`; a new one goes last in the display order and is
// recorded in the change log (every page's menu shows it). Two
// names that fold to one slug ("Thời sự", "Thoi su") get distinct slugs, as on SQLite, and a
// name whose slug the site keeps for itself ("Media") takes the next one ("media-2").
Result<std::int64_t> find_or_create_category(PostgresUnitOfWork& work, const std::string& name) {
  Connection& c = work.connection();
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
    if (articles::is_reserved_slug(slug)) continue;
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
    if (!inserted->empty()) {
      const std::int64_t id = inserted->int64(0, 0);
      if (auto r = work.record(topic::category, std::to_string(id)); !r) return r.error();
      return id;
    }
    auto theirs = c.query("SELECT id FROM categories WHERE name = $1", {name});
    if (!theirs) return theirs.error();
    if (!theirs->empty()) return theirs->int64(0, 0);
    // The slug went to another category meanwhile: try the next one.
  }
  return internal("không tạo được đường dẫn cho chuyên mục " + name);
}

namespace {

// A nullable parameter: NULL stands for a field the incoming line does not give.
Param given(const std::optional<std::string>& v) { return v ? Param(*v) : Param(nullptr); }

void pause_before_retry(int attempt) {
  // Randomised so that two writers that collided do not collide again in step.
  thread_local std::minstd_rand rng{std::random_device{}()};
  int ms = 2 * attempt * attempt + static_cast<int>(rng() % 10);
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

}  // namespace

Result<std::vector<Upserted>> PostgresArticleWriter::upsert(UnitOfWork& unit, std::span<const articles::Incoming> batch,
                                                            std::int64_t now, const UpsertOptions& options,
                                                            std::span<const Prepared> prepared) {
  for (const auto& a : batch)
    if (auto e = unstorable(a)) return *e;
  PostgresUnitOfWork& work = postgres_work(unit);
  Connection& c = work.connection();
  // Categories first, in order of first appearance: the same ids, positions and slugs as
  // SQLite gives when it meets them row by row. The default category is made only for a new
  // article that names none: an update without a category keeps its own.
  std::unordered_map<std::string, std::int64_t> categories;
  const std::string default_name(articles::kDefaultCategory);
  for (const auto& a : batch) {
    if (!a.category_name) {
      if (categories.contains(default_name)) continue;
      auto known = c.query("SELECT id FROM categories WHERE name = $1", {default_name});
      if (!known) return known.error();
      if (!known->empty()) {
        categories.emplace(default_name, known->int64(0, 0));
        continue;
      }
      // Only until the default category exists (once per database): is this article new?
      auto exists = c.query("SELECT 1 FROM articles WHERE external_id = $1", {a.external_id});
      if (!exists) return exists.error();
      if (!exists->empty()) continue;
    }
    const std::string& name = a.category_name ? *a.category_name : default_name;
    if (categories.contains(name)) continue;
    auto id = find_or_create_category(work, name);
    if (!id) return id.error();
    categories.emplace(name, *id);
  }
  // What the article was, locked until the unit ends: what the upsert keeps of the fields the
  // line does not give, and what tells the change log whether its lists changed. Read a
  // segment at a time before that segment's upserts (one round trip more per segment, not per
  // article), because the search index row is written from the merged fields and the folding
  // behind it (text::fold) is not SQL.
  static constexpr const char* kBefore =
      "SELECT id, status, category_id, published_at, lead, blocks, authors, slug, state, revision, import_revision, "
      "(SELECT name FROM categories WHERE categories.id = articles.category_id) FROM articles WHERE external_id = $1 "
      "FOR UPDATE";
  // One statement per article, safe against a concurrent writer of the same article. $4–$13
  // are the merged row (what the line gives, else what the locked row had, else the defaults);
  // the update takes what the line gives ($14, $18–$22, NULL when not given) and otherwise
  // keeps the row's own, which is the same as the merged value when the row was read above
  // and, should another writer have inserted it since, still loses nothing of theirs.
  // xmax = 0 holds only for a row this statement inserted.
  // An import ($24, the revision's content, given) also takes the next revision id and writes
  // that revision, which becomes the row's newest and the import's; the desk's publication
  // ($24 NULL) writes none and keeps the state ($23 NULL) and desk_text ($25 NULL).
  // The full-text index row is written (or removed, for an unpublished article) by the same
  // statement, so the index can never disagree with the article.
  static constexpr const char* kUpsert =
      "WITH rid AS (SELECT CASE WHEN $24::text IS NULL THEN NULL ELSE nextval('revisions_id_seq') END AS id), "
      "up AS (INSERT INTO articles (external_id, title, slug, lead, blocks, authors, category_id, status, "
      "published_at, updated_at, image, image_width, image_height, state, created_at, revision, import_revision, "
      "published_revision, desk_text) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, COALESCE($23::text, 'published'), $10, "
      "COALESCE((SELECT id FROM rid), 0), (SELECT id FROM rid), CASE WHEN $8 = 'published' THEN (SELECT id FROM rid) "
      "END, COALESCE($25::text, '')) "
      "ON CONFLICT (external_id) DO UPDATE SET title = EXCLUDED.title, slug = EXCLUDED.slug, "
      "lead = COALESCE($18::text, articles.lead), blocks = COALESCE($19::text, articles.blocks), "
      "authors = COALESCE($20::text, articles.authors), "
      "category_id = COALESCE($21::bigint, articles.category_id), status = COALESCE($22::text, articles.status), "
      "published_at = COALESCE($14::bigint, articles.published_at), updated_at = EXCLUDED.updated_at, "
      "image = CASE WHEN $19::text IS NULL THEN articles.image ELSE EXCLUDED.image END, "
      "image_width = CASE WHEN $19::text IS NULL THEN articles.image_width ELSE EXCLUDED.image_width END, "
      "image_height = CASE WHEN $19::text IS NULL THEN articles.image_height ELSE EXCLUDED.image_height END, "
      "state = COALESCE($23::text, articles.state), revision = COALESCE((SELECT id FROM rid), articles.revision), "
      "import_revision = COALESCE((SELECT id FROM rid), articles.import_revision), "
      "published_revision = CASE WHEN (SELECT id FROM rid) IS NOT NULL AND COALESCE($22::text, articles.status) = "
      "'published' THEN (SELECT id FROM rid) ELSE articles.published_revision END, "
      "desk_text = COALESCE($25::text, articles.desk_text) "
      "RETURNING id, (xmax = 0) AS inserted, status, published_at, state), "
      "indexed AS (INSERT INTO article_search (article_id, headline, document, published_at) SELECT id, h, "
      "h || setweight(to_tsvector('simple', $17), 'D'), published_at FROM up, (SELECT "
      "setweight(to_tsvector('simple', $15), 'A') || setweight(to_tsvector('simple', $16), 'B') AS h) x "
      "WHERE status = 'published' ON CONFLICT (article_id) DO UPDATE SET headline = EXCLUDED.headline, "
      "document = EXCLUDED.document, published_at = EXCLUDED.published_at), "
      "unindexed AS (DELETE FROM article_search WHERE article_id IN (SELECT id FROM up WHERE status <> 'published')), "
      "revised AS (INSERT INTO revisions (id, article_id, based_on, user_id, at, kind, action, state, note, content) "
      "SELECT rid.id, up.id, $26::bigint, NULL, $10, 'import', '', up.state, '', $24::text FROM up, rid "
      "WHERE rid.id IS NOT NULL) "
      "SELECT inserted, id, status, published_at FROM up";
  if (auto s = c.prepare(kBefore); !s) return s.error();
  if (auto s = c.prepare(kUpsert); !s) return s.error();
  struct Before {
    std::int64_t category_id = 0;
    std::string status, lead, blocks, authors;
    std::int64_t published_at = 0;
    std::string slug, state, category_name;
    std::int64_t revision = 0;  // 0 for one written earlier in this segment: its revision is not known yet
    std::optional<std::int64_t> import_revision;
  };
  std::vector<Upserted> out;
  out.reserve(batch.size());
  for (std::size_t from = 0; from < batch.size(); from += kPipelineDepth) {
    auto segment = batch.subspan(from, std::min(kPipelineDepth, batch.size() - from));
    std::vector<std::optional<Before>> befores;
    befores.reserve(segment.size());
    {
      if (auto s = c.begin_pipeline(); !s) return s.error();
      std::optional<Error> failed;
      std::size_t sent = 0;
      for (const auto& a : segment) {
        if (auto s = c.send(kBefore, {a.external_id}); !s) {
          failed = s.error();
          break;
        }
        ++sent;
      }
      if (auto s = c.sync(); !s && !failed) failed = s.error();
      for (std::size_t i = 0; i < sent && !c.broken(); ++i) {
        auto r = c.next_result();
        if (!r) {
          if (!failed) failed = r.error();
          continue;
        }
        if (r->empty()) {
          befores.emplace_back();
        } else {
          Before b{r->int64(0, 2),           std::string(r->text(0, 1)), std::string(r->text(0, 4)),
                   std::string(r->text(0, 5)), std::string(r->text(0, 6)), r->int64(0, 3),
                   std::string(r->text(0, 7)), std::string(r->text(0, 8)), std::string(r->text(0, 11)),
                   r->int64(0, 9),           std::nullopt};
          if (!r->is_null(0, 10)) b.import_revision = r->int64(0, 10);
          befores.push_back(std::move(b));
        }
      }
      if (c.broken()) return failed ? *failed : unavailable("mất kết nối tới PostgreSQL " + pool_.target().display);
      if (auto s = c.end_pipeline(); !s && !failed) failed = s.error();
      if (failed) return *failed;
    }
    // A new article with no category, whose id was taken by another writer's insert after the
    // pass above looked: made now, outside the pipeline.
    for (std::size_t i = 0; i < segment.size(); ++i) {
      if (befores[i] || segment[i].category_name || categories.contains(default_name)) continue;
      auto id = find_or_create_category(work, default_name);
      if (!id) return id.error();
      categories.emplace(default_name, *id);
    }
    std::vector<std::int64_t> cats(segment.size());
    // What each article of the segment came to, in order; the sent ones are filled from their
    // results, which come back in the order `sent_at` lists them.
    std::vector<Upserted> results(segment.size(), Upserted::skipped_edited);
    std::vector<std::size_t> sent_at;
    // An id met twice in one segment was read before either was written: the second one
    // starts from what the first one wrote, as it would had it been read after it.
    std::unordered_map<std::string, Before> written;
    if (auto s = c.begin_pipeline(); !s) return s.error();
    std::optional<Error> failed;
    std::size_t sent = 0;
    for (std::size_t i = 0; i < segment.size(); ++i) {
      const auto& a = segment[i];
      const Prepared* ahead = from + i < prepared.size() ? &prepared[from + i] : nullptr;
      if (auto w = written.find(a.external_id); w != written.end()) befores[i] = w->second;
      const std::optional<Before>& before = befores[i];
      if (before && options.from_import && !options.overwrite &&
          edited_in_newsroom(before->revision, before->import_revision))
        continue;  // left as the newsroom made it; results[i] says so
      std::optional<std::int64_t> given_cat;
      if (a.category_name) given_cat = categories.at(*a.category_name);
      cats[i] = given_cat ? *given_cat : before ? before->category_id : categories.at(default_name);
      const std::string lead = a.lead ? *a.lead : before ? before->lead : std::string();
      const UpsertBlocks merged = upsert_blocks(a, ahead, before ? &before->blocks : nullptr);
      const std::vector<articles::Block>& blocks = merged.blocks();
      const std::string& blocks_json = merged.json;
      const std::string authors = a.authors ? authors_to_json(*a.authors)
                                  : before  ? before->authors
                                            : authors_to_json({});
      const std::string status = a.status ? status_name(*a.status)
                                 : before ? status_name(status_from_name(before->status))
                                          : status_name(articles::Status::published);
      std::optional<std::string> given_blocks, given_authors, given_status;
      if (a.blocks) given_blocks = blocks_json;
      if (a.authors) given_authors = authors;
      if (a.status) given_status = status;
      const bool published = status == status_name(articles::Status::published);
      // An import's slug follows its title; the desk's is made at the first publication and kept.
      std::string slug;
      if (!options.from_import && before && !before->slug.empty()) {
        slug = before->slug;
      } else if (options.from_import || published) {
        slug = text::slugify(a.title);
        if (slug.empty()) slug = "bai-viet";
      }
      const articles::Block* photo = lead_figure(blocks);
      std::string image = photo ? photo->image : std::string();
      int iw = photo ? photo->width : 0, ih = photo ? photo->height : 0;
      std::optional<SearchDocument> made;
      if (!(a.lead && a.blocks && ahead && ahead->document)) made = search_document(a.title, lead, blocks);
      const SearchDocument& d = made ? *made : *ahead->document;
      const std::int64_t published_at = a.published ? *a.published : before ? before->published_at : now;
      const std::string category_name = a.category_name ? *a.category_name : before ? before->category_name : default_name;
      std::optional<std::string> state, content, folded;
      std::optional<std::int64_t> based_on;
      if (options.from_import) {
        state = imported_state(before ? &before->state : nullptr, a.status, status);
        content = content_json_from_columns(a.title, lead, blocks_json, authors, category_name, published_at);
        folded = desk_text(a.title, lead);
        if (before && before->revision != 0) based_on = before->revision;
      }
      written[a.external_id] = Before{cats[i], status, lead, blocks_json, authors, published_at, slug,
                                      state ? *state : before ? before->state : std::string("published"),
                                      category_name, 0, std::nullopt};
      auto s = c.send(kUpsert, {a.external_id, a.title, slug, lead, blocks_json, authors, cats[i], status,
                                published_at, now, image, iw, ih, a.published, d.title, d.lead, d.body,
                                given(a.lead), given(given_blocks), given(given_authors), given_cat,
                                given(given_status), given(state), given(content), given(folded), based_on});
      if (!s) {
        failed = s.error();
        break;
      }
      ++sent;
      sent_at.push_back(i);
    }
    if (auto s = c.sync(); !s && !failed) failed = s.error();
    for (std::size_t k = 0; k < sent && !c.broken(); ++k) {
      const std::size_t i = sent_at[k];
      auto r = c.next_result();
      if (!r && !failed) failed = r.error();  // the first failure is the cause; the rest were skipped
      if (!r || failed) continue;
      const std::int64_t cat = cats[i];
      const std::int64_t id = r->int64(0, 1);
      bool lists_change = true;
      if (const auto& before = befores[i]) {
        const std::int64_t old_cat = before->category_id;
        lists_change = before->status != r->text(0, 2) || old_cat != cat || before->published_at != r->int64(0, 3);
        if (lists_change && old_cat != cat) (void)work.record(topic::listing, std::to_string(old_cat));
      }
      (void)work.record(topic::article, std::to_string(id));
      if (lists_change) (void)work.record(topic::listing, std::to_string(cat));
      results[i] = r->boolean(0, 0) ? Upserted::inserted : Upserted::updated;
    }
    if (c.broken()) return failed ? *failed : unavailable("mất kết nối tới PostgreSQL " + pool_.target().display);
    if (auto s = c.end_pipeline(); !s && !failed) failed = s.error();
    if (failed) return *failed;
    out.insert(out.end(), results.begin(), results.end());
  }
  return out;
}

Result<std::vector<Upserted>> PostgresArticleWriter::upsert(std::span<const articles::Incoming> batch,
                                                            std::int64_t now, const UpsertOptions& options,
                                                            std::span<const Prepared> prepared) {
  if (batch.empty()) return std::vector<Upserted>();
  for (const auto& a : batch)
    if (auto e = unstorable(a)) return *e;
  for (int attempt = 1;; ++attempt) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    auto work = PostgresUnitOfWork::adopt(std::move(*lease));
    Status started = work->start();
    Result<std::vector<Upserted>> r = started.ok() ? upsert(*work, batch, now, options, prepared) : Result<std::vector<Upserted>>(started.error());
    Status done = r.ok() ? work->commit() : ok_status();
    if (r.ok() && done.ok()) return r;
    if (!done.ok()) r = done.error();
    Connection& c = work->connection();
    // A batch is safe to send again whole: it is keyed on external ids, and an attempt that
    // failed rolled back. (If the connection broke during COMMIT, the commit may have been
    // applied; the repeat then counts those articles as updated, and the data is the same.)
    bool again = c.broken() || c.retryable();
    if (!again || attempt == kWriteAttempts) return r;
    log::info("PostgreSQL " + pool_.target().display + ": lô bài phải ghi lại (" +
              (c.broken() ? std::string("mất kết nối") : "SQLSTATE " + c.last_sqlstate()) + "), lần " +
              std::to_string(attempt + 1));
    if (c.retryable()) pause_before_retry(attempt);
  }
}

}  // namespace toasoan::store::postgres
