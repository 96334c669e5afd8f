#include "store/sqlite/article_writer.hpp"

#include <string>
#include <unordered_map>

#include "articles/block_json.hpp"
#include "articles/reserved_slugs.hpp"
#include "store/change_log.hpp"
#include "store/piece_codec.hpp"
#include "store/row_codec.hpp"
#include "store/sqlite/search_index.hpp"
#include "store/sqlite/unit_of_work.hpp"
#include "text/slug.hpp"

namespace toasoan::store::sqlite {

// Finds or creates the category named `name`; a new one goes last in the display order and
// is recorded in the change log (every page's menu shows it). Two names that fold to one slug
// ("Thời sự", "Thoi su") get distinct slugs, and a name whose slug the site keeps for itself
// ("Media") takes the next one ("media-2") the same way.
Result<std::int64_t> find_or_create_category(SqliteUnitOfWork& work, const std::string& name) {
  Connection& c = work.connection();
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
    if (articles::is_reserved_slug(slug)) continue;
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
    auto id = static_cast<std::int64_t>(sqlite3_last_insert_rowid(c.handle()));
    if (auto s = work.record(topic::category, std::to_string(id)); !s) return s.error();
    return id;
  }
  return internal("không tạo được đường dẫn cho chuyên mục " + name);
}

namespace {

// An article as it stood before this write: what decides whether its lists change, what it
// keeps of the fields the incoming line does not give, and what makes the document the
// full-text index holds for it (title, lead, blocks).
struct Before {
  std::int64_t id = 0;
  std::string status;
  std::string title;
  std::int64_t category_id = 0;
  std::int64_t published_at = 0;
  std::string lead;
  std::string blocks;   // as stored (JSON)
  std::string authors;  // as stored (JSON)
  std::string slug;
  std::string state;
  std::int64_t revision = 0;
  std::optional<std::int64_t> import_revision;
  std::string category_name;
};

// The id AUTOINCREMENT would give the next revision: one above every id the table ever held,
// deleted ones included (sqlite_sequence), so a revision's id keeps ordering it among all others.
Result<std::int64_t> next_revision_id(Connection& c) {
  TOASOAN_SQLITE_STATEMENT(next, c,
                           "SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'revisions'), 0), "
                           "COALESCE((SELECT max(id) FROM revisions), 0)) + 1");
  if (next.step() != SQLITE_ROW) return step_error(c);
  return next.int64(0);
}

}  // namespace

Result<std::vector<Upserted>> SqliteArticleWriter::upsert(UnitOfWork& unit, std::span<const articles::Incoming> batch,
                                                          std::int64_t now, const UpsertOptions& options,
                                                          std::span<const Prepared> prepared) {
  for (const auto& a : batch)
    if (auto e = unstorable(a)) return *e;
  SqliteUnitOfWork& work = sqlite_work(unit);
  Connection& c = work.connection();
  std::unordered_map<std::string, std::int64_t> categories;
  auto category_of = [&](const std::string& name) -> Result<std::int64_t> {
    if (auto it = categories.find(name); it != categories.end()) return it->second;
    auto id = find_or_create_category(work, name);
    if (!id) return id.error();
    return categories[name] = *id;
  };
  std::vector<Upserted> out;
  out.reserve(batch.size());
  // The batch's full-text documents, written after its other writes: FTS5 writes out the terms
  // it holds at every statement savepoint, and each write to articles makes one (its triggers,
  // migration 0011), so written in between they would go to disk an article at a time.
  std::vector<IndexedDocument> documents;
  documents.reserve(batch.size());
  // An import's revisions get their ids here, so that each article row is written once with
  // them instead of written and then rewritten (a whole row, blocks and all, for four numbers).
  // Safe because the unit of work holds SQLite's only write lock until it commits.
  std::int64_t next_revision = 0;
  if (options.from_import) {
    auto first = next_revision_id(c);
    if (!first) return first.error();
    next_revision = *first;
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const articles::Incoming& a = batch[i];
    const Prepared* ahead = i < prepared.size() ? &prepared[i] : nullptr;
    std::optional<Before> before;
    {
      TOASOAN_SQLITE_STATEMENT(find, c,
                               "SELECT a.id, a.status, a.category_id, a.published_at, a.lead, a.blocks, a.authors, "
                               "a.slug, a.state, a.revision, a.import_revision, c.name, a.title FROM articles a "
                               "JOIN categories c ON c.id = a.category_id WHERE a.external_id = ?");
      find.bind(a.external_id);
      int rc = find.step();
      if (rc == SQLITE_ROW) {
        before = Before{find.int64(0),           std::string(find.text(1)), std::string(find.text(12)),
                        find.int64(2),           find.int64(3),             std::string(find.text(4)),
                        std::string(find.text(5)), std::string(find.text(6)), std::string(find.text(7)),
                        std::string(find.text(8)), find.int64(9),           std::nullopt,
                        std::string(find.text(11))};
        if (!find.is_null(10)) before->import_revision = find.int64(10);
      } else if (rc != SQLITE_DONE) {
        return step_error(c);
      }
    }
    if (before && options.from_import && !options.overwrite && edited_in_newsroom(before->revision,
                                                                                 before->import_revision)) {
      out.push_back(Upserted::skipped_edited);
      continue;
    }
    std::optional<std::int64_t> given_cat;
    if (a.category_name) {
      auto id = category_of(*a.category_name);
      if (!id) return id.error();
      given_cat = *id;
    }
    // What the line does not give, an existing article keeps and a new one takes by default.
    std::int64_t cat;
    if (given_cat) {
      cat = *given_cat;
    } else if (before) {
      cat = before->category_id;
    } else {
      auto id = category_of(std::string(articles::kDefaultCategory));
      if (!id) return id.error();
      cat = *id;
    }
    const std::string lead = a.lead ? *a.lead : before ? before->lead : std::string();
    const UpsertBlocks merged = upsert_blocks(a, ahead, before ? &before->blocks : nullptr);
    const std::vector<articles::Block>& blocks = merged.blocks();
    const std::string& blocks_json = merged.json;
    const std::string authors = a.authors ? authors_to_json(*a.authors)
                                : before  ? before->authors
                                          : authors_to_json({});
    const char* status = a.status ? status_name(*a.status)
                         : before ? status_name(status_from_name(before->status))
                                  : status_name(articles::Status::published);
    const bool published = std::string_view(status) == status_name(articles::Status::published);
    // An import's slug follows its title; the desk's is made at the first publication and kept.
    std::string slug;
    if (!options.from_import && before && !before->slug.empty()) {
      slug = before->slug;
    } else if (options.from_import || published) {
      slug = text::slugify(a.title);
      if (slug.empty()) slug = "bai-viet";
    }
    const std::string state = options.from_import ? imported_state(before ? &before->state : nullptr, a.status, status)
                                                  : before ? before->state
                                                           : imported_state(nullptr, a.status, status);
    const articles::Block* photo = lead_figure(blocks);
    std::string image = photo ? photo->image : std::string();
    int iw = photo ? photo->width : 0, ih = photo ? photo->height : 0;

    // An import's revision, its id given before the row is written, and the desk's text; none
    // for the desk's publication, which keeps the row's (a new row: no revision, 0, and the
    // desk's text filled at start).
    std::optional<std::int64_t> revision;
    std::string text;
    if (options.from_import) {
      revision = next_revision;
      text = desk_text(a.title, lead);
    }

    std::int64_t id;
    bool lists_change;
    if (before) {
      id = before->id;
      // The stored time stays when the line has none: a re-import must not make an old
      // article the newest.
      const std::int64_t published_at = a.published.value_or(before->published_at);
      TOASOAN_SQLITE_STATEMENT(
          update, c,
          "UPDATE articles SET title = ?1, slug = ?2, lead = ?3, blocks = ?4, authors = ?5, category_id = ?6, "
          "status = ?7, published_at = ?8, updated_at = ?9, image = ?10, image_width = ?11, image_height = ?12, "
          "state = ?13, revision = COALESCE(?15, revision), import_revision = COALESCE(?15, import_revision), "
          "desk_text = CASE WHEN ?15 IS NULL THEN desk_text ELSE ?16 END, "
          "published_revision = CASE WHEN ?15 IS NOT NULL AND ?7 = 'published' THEN ?15 ELSE published_revision END "
          "WHERE id = ?14");
      update.bind(a.title, slug, lead, blocks_json, authors, cat, status, published_at, now, image, iw, ih, state, id,
                  revision, text);
      if (update.step() != SQLITE_DONE) return step_error(c);
      out.push_back(Upserted::updated);
      lists_change = before->status != status || before->category_id != cat || before->published_at != published_at;
      if (lists_change && before->category_id != cat) {
        if (auto s = work.record(topic::listing, std::to_string(before->category_id)); !s) return s.error();
      }
    } else {
      std::optional<std::int64_t> published_revision;
      if (published) published_revision = revision;
      TOASOAN_SQLITE_STATEMENT(
          insert, c,
          "INSERT INTO articles (external_id, title, slug, lead, blocks, authors, category_id, status, "
          "published_at, updated_at, image, image_width, image_height, state, created_at, "
          "revision, import_revision, published_revision, desk_text) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      insert.bind(a.external_id, a.title, slug, lead, blocks_json, authors, cat, status, a.published.value_or(now),
                  now, image, iw, ih, state, now, revision.value_or(0), revision, published_revision, text);
      if (insert.step() != SQLITE_DONE) return step_error(c);
      id = sqlite3_last_insert_rowid(c.handle());
      out.push_back(Upserted::inserted);
      lists_change = true;
    }
    IndexedDocument& d = documents.emplace_back(IndexedDocument{id, std::nullopt, std::nullopt});
    // Out of the index goes what the stored row was indexed with, when it was published: its
    // blocks parsed again only when the line replaces them (else they are the ones kept).
    if (before && before->status == status_name(articles::Status::published)) {
      if (merged.given) d.indexed = search_document(before->title, before->lead, blocks_from_column(before->blocks));
      else d.indexed = search_document(before->title, before->lead, merged.kept);
    }
    if (published)
      d.next = a.lead && a.blocks && ahead && ahead->document ? *ahead->document : search_document(a.title, lead, blocks);
    if (auto s = work.record(topic::article, std::to_string(id)); !s) return s.error();
    if (lists_change) {
      if (auto s = work.record(topic::listing, std::to_string(cat)); !s) return s.error();
    }
    if (options.from_import) {
      // The import's revision: the row's content after this write, now the piece's newest.
      std::string category_name;
      if (a.category_name) category_name = *a.category_name;
      else if (before) category_name = before->category_name;
      else category_name = articles::kDefaultCategory;
      const std::int64_t published_at = a.published ? *a.published : before ? before->published_at : now;
      std::optional<std::int64_t> based_on;
      if (before && before->revision != 0) based_on = before->revision;
      TOASOAN_SQLITE_STATEMENT(
          add, c,
          "INSERT INTO revisions (id, article_id, based_on, user_id, at, kind, action, state, note, content) "
          "VALUES (?, ?, ?, NULL, ?, 'import', '', ?, '', ?)");
      add.bind(*revision, id, based_on, now, state,
               content_json_from_columns(a.title, lead, blocks_json, authors, category_name, published_at));
      if (add.step() != SQLITE_DONE) return step_error(c);
      ++next_revision;
    }
  }
  if (auto s = index_documents(c, documents); !s) return s.error();
  return out;
}

Result<std::vector<Upserted>> SqliteArticleWriter::upsert(std::span<const articles::Incoming> batch,
                                                          std::int64_t now, const UpsertOptions& options,
                                                          std::span<const Prepared> prepared) {
  for (const auto& a : batch)
    if (auto e = unstorable(a)) return *e;
  auto work = SqliteUnitOfWork::begin(pool_);
  if (!work) return work.error();
  auto out = upsert(**work, batch, now, options, prepared);
  if (!out) return out;
  if (auto s = (*work)->commit(); !s) return s.error();
  return out;
}

}  // namespace toasoan::store::sqlite
