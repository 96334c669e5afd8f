// The search index (store/search_index.hpp) on SQLite: two FTS5 tables whose rowid is the
// article's id and which index published articles only, keeping no copy of their text:
// article_search (title, lead and body) and article_headline (title and lead: suggestions and
// headline phrases read its short lists). Two auxiliary functions read where the query's
// words stand (proximity.hpp).
// Thread-safe: each call borrows a pooled connection.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "articles/article.hpp"
#include "store/row_codec.hpp"
#include "store/search_index.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqliteSearchIndex final : public SearchIndex {
 public:
  explicit SqliteSearchIndex(Pool& pool) : pool_(pool) {}

  Result<FullTextAnswer> full_text(const FullTextQuery& query) override;
  Status reindex() override;
  Status optimize() override;

 private:
  Pool& pool_;
};

// One article's change to the full-text index, written in its transaction on `c`.
// The tables keep no copy of the text they index (FTS5's content = '', migration 16), so an
// article is taken out by giving FTS5 the very document it was put in with: `indexed`, made
// again by search_document() from the stored row before the write changes it. A change to
// search_document() or text::fold therefore comes with a migration that makes both tables
// again, empty: the next start then finds the index behind and rebuilds it (database.cpp).
struct IndexedDocument {
  std::int64_t id = 0;
  std::optional<SearchDocument> indexed;  // what the index holds for it: none when unpublished
  std::optional<SearchDocument> next;     // what it is to hold: none takes it out
};
// An unchanged document (`indexed` == `next`) is left as the index holds it.
Status index_document(Connection& c, const IndexedDocument& d);
// index_document for each of a batch's articles (an import's), in order, in one transaction
// on `c`. A large batch is written with FTS5 merging fewer, larger runs of pieces, set back
// before the transaction ends, so no other write ever merges that way; optimize() packs what
// it leaves.
Status index_documents(Connection& c, const std::vector<IndexedDocument>& documents);

// Every statement full_text() runs, in SQLite's ?N form (?1 the MATCH expression, ?2 the
// readings, ?3 category, ?4 from, ?5 to, ?6 limit, ?7 offset, ?8 phrases asked, ?9 now, ?10 the
// window's lowest id or its offset, ?11 the headline phrases' MATCH over article_headline, ?12
// each phrase's number of articles, for bm25_counted()): built once for each table searched, and
// read by the plan tests (store_test.cpp). id_range and phrase_count count a phrase's articles
// among the newest ids (?1 the phrase, ?2 the id they are above).
// Which matches a ranked statement reads: all of them; the window of the newest; the window and
// the older headline phrases, read newest first (many) or oldest first (few).
enum Cut { kAll, kWindow, kOlderPhrases, kFewOlderPhrases, kCuts };

struct SearchStatements {
  // Matches ranked at most by one question: the newest by id, and (searches) the older
  // headline phrases; ranking costs a few microseconds a match.
  std::int64_t window = 0;
  std::array<std::string, 2> counts;  // [filtered]
  std::string window_end;  // filtered only: without filters the count finds it
  std::string id_range, phrase_count;
  std::string newest;
  std::array<std::array<std::array<std::string, kCuts>, 2>, 2> ranked;  // [filtered][phrases][Cut]
  std::vector<std::string> all() const;
};
// Searches read article_search (title, lead and body) and rank 500 matches; suggestions
// read article_headline (title and lead alone, a tenth of the size) and rank 200: eight titles
// for a half-typed word are the best of its newest matches, not of twenty years of them.
enum class Searched { articles, headlines };
const SearchStatements& search_statements(Searched over);

}  // namespace toasoan::store::sqlite
