// What both engines share of the stored form, so that it is the same on SQLite and PostgreSQL:
// how fields with no column type of their own (blocks, authors, status) are written and read,
// the columns a summary or an article is read from and the reading itself, what neither
// engine can store, and the text the full-text index holds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"

namespace toasoan::store {

std::string authors_to_json(const std::vector<std::string>& authors);
std::vector<std::string> authors_from_json(std::string_view json);

// Blocks as stored; a row that no longer parses (it should not happen: every write goes
// through blocks_to_json) reads as no blocks rather than failing the page.
std::vector<articles::Block> blocks_from_column(std::string_view json);

// The first figure with an image: the article's lead photo in lists.
const articles::Block* lead_figure(const std::vector<articles::Block>& blocks);

// Refuses an article no engine can store as given, so that both refuse the same ones:
// PostgreSQL text cannot hold U+0000 (and libpq would cut a parameter at it without a word),
// so neither engine takes it in a text column, SQLite included. (Blocks and authors are JSON,
// where it is escaped, and pass.) Returns invalid naming the article, or nullopt.
std::optional<Error> unstorable(const articles::Incoming& a);

// An article as the full-text index holds it: each part folded by text::fold, with every
// character but [a-z0-9] made a space. The body is every paragraph, heading, quote and
// caption, in order.
struct SearchDocument {
  std::string title, lead, body;
  bool operator==(const SearchDocument&) const = default;
};
SearchDocument search_document(std::string_view title, std::string_view lead,
                               const std::vector<articles::Block>& blocks);

// What a write derives from an incoming article alone, worked out before the write: an import
// works it out on its reading thread, so that the thread holding the write lock only writes.
// Each part is empty when the article does not give what it is made from.
struct Prepared {
  std::optional<std::string> blocks_json;  // the given blocks as stored (articles::blocks_to_json)
  std::optional<SearchDocument> document;  // given both its lead and its blocks
};
Prepared prepare(const articles::Incoming& a);

// The blocks an upsert writes: the line's, or, when it gives none, those of the stored row
// (`stored`, as stored; null for a new article: none). `json` is them as stored, taken from
// what was prepared (`ahead`, may be null) when it was. blocks() may point into `a`: use it
// while `a` lives.
struct UpsertBlocks {
  const std::vector<articles::Block>& blocks() const { return given ? *given : kept; }
  const std::vector<articles::Block>* given = nullptr;
  std::vector<articles::Block> kept;
  std::string json;
};
UpsertBlocks upsert_blocks(const articles::Incoming& a, const Prepared* ahead, const std::string* stored);

// The terms of a FullTextQuery that an engine may put in its query syntax: [a-z0-9]+ only.
// Anything else is dropped (fold() never yields it; this keeps the guarantee local).
bool safe_term(std::string_view term);

const char* status_name(articles::Status s);
articles::Status status_from_name(std::string_view s);

// Whether an article was changed in the newsroom since an import last wrote it: its newest
// revision is not the one that import wrote (none: the newsroom made it). An article with no
// revision at all has nothing to lose.
inline bool edited_in_newsroom(std::int64_t revision, std::optional<std::int64_t> import_revision) {
  return revision != 0 && import_revision != revision;
}

// The desk state (newsroom/workflow.hpp) an import leaves an article in. A new one: published or
// taken_down, as its status says. An existing one follows a status the line gives while it is
// published or taken down; otherwise (no status given, or a piece in the newsroom's hands) it
// keeps `before`. `status_after` is the row's status after the write.
std::string imported_state(const std::string* before, const std::optional<articles::Status>& given,
                           std::string_view status_after);

// The columns a Summary is read from, in order, for a query over `articles a` joined with
// `categories c`; a query's own columns follow from kSummaryWidth. The comment count is the
// article row's own (comments.hpp keeps it), so no list counts comments.
inline constexpr const char* kSummaryColumns =
    "a.id, a.title, a.slug, a.lead, c.name, c.slug, a.published_at, a.image, a.image_width, a.image_height, "
    "a.updated_at, a.comment_count";
inline constexpr int kSummaryWidth = 12;

// Reads kSummaryColumns from a row. Row is either engine's: int64(col) and text(col).
template <class Row>
articles::Summary summary_from(const Row& row) {
  articles::Summary s;
  s.id = row.int64(0);
  s.title = row.text(1);
  s.slug = row.text(2);
  s.lead = row.text(3);
  s.category_name = row.text(4);
  s.category_slug = row.text(5);
  s.published_at = row.int64(6);
  s.image = row.text(7);
  s.image_width = static_cast<int>(row.int64(8));
  s.image_height = static_cast<int>(row.int64(9));
  s.updated_at = row.int64(10);
  s.comment_count = row.int64(11);
  return s;
}

// The columns of an article's address and times (a sitemap's entry), all held by the
// articles_newest index; a Summary read from them has nothing else.
inline constexpr const char* kAddressColumns = "a.id, a.slug, c.slug, a.published_at, a.updated_at";

template <class Row>
articles::Summary address_from(const Row& row) {
  articles::Summary s;
  s.id = row.int64(0);
  s.slug = row.text(1);
  s.category_slug = row.text(2);
  s.published_at = row.int64(3);
  s.updated_at = row.int64(4);
  return s;
}

// The query an Article is read from, up to its WHERE clause.
inline constexpr const char* kArticleSelect =
    "SELECT a.id, a.external_id, a.title, a.slug, a.lead, a.blocks, a.authors, a.category_id, c.name, c.slug, "
    "a.status, a.published_at, a.updated_at, a.correction_note, a.corrected_at, a.comment_count, "
    "a.comments_closed FROM articles a JOIN categories c ON c.id = a.category_id ";

// Reads a row of kArticleSelect.
template <class Row>
articles::Article article_from(const Row& row) {
  articles::Article a;
  a.id = row.int64(0);
  a.external_id = row.text(1);
  a.title = row.text(2);
  a.slug = row.text(3);
  a.lead = row.text(4);
  a.blocks = blocks_from_column(row.text(5));
  a.authors = authors_from_json(row.text(6));
  a.category_id = row.int64(7);
  a.category_name = row.text(8);
  a.category_slug = row.text(9);
  a.status = status_from_name(row.text(10));
  a.published_at = row.int64(11);
  a.updated_at = row.int64(12);
  a.correction_note = row.text(13);
  a.corrected_at = row.int64(14);
  a.comment_count = row.int64(15);
  a.comments_closed = row.int64(16) != 0;
  return a;
}

}  // namespace toasoan::store
