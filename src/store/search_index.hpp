// The search index: full-text questions over the published articles, and its upkeep. The index
// follows every article write in the same transaction. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"

namespace toasoan::store {

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
  // With prefix_last, for each reading in order: the whole words its last word can still
  // become, the Vietnamese syllables it begins ("nha" → nha, nhac, …, nhay), or none (a
  // foreign word, a number). An engine whose prefix search walks the list of every word the
  // prefix begins matches these words instead: SQLite past the one- and two-letter prefixes it
  // keeps lists for, PostgreSQL always.
  std::vector<std::vector<std::string>> completions;
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
  std::int64_t now = 0;  // Unix seconds: articles published after it are not found yet
  // Matches counted one by one. Past it an engine may estimate the count from the newest
  // matches (FullTextAnswer::estimated): both do, for a query without filters (PostgreSQL when
  // its planner expects the words to match more than two windows' worth), since counting a
  // common word's hundreds of thousands of matches costs more than ranking the page.
  // As many as SQLite ranks (search_index.cpp): the pass that finds those is the count, and
  // walking on to count thousands more cost a million-article search a fifth of its time.
  std::int64_t exact_count = 500;
};

struct FullTextHit {
  articles::Summary summary;
  double relevance = 0;  // higher is better; comparable within one answer only
  bool headline_phrase = false;  // see FullTextQuery::headline_phrases
};

struct FullTextAnswer {
  std::int64_t total = 0;  // every match, not just this page
  bool estimated = false;  // total is an estimate (more than FullTextQuery::exact_count matched)
  std::vector<FullTextHit> hits;
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;

  // Published articles (published_at <= query.now) matching `query`, best first (or newest
  // first). "Best" is the engine's order, the same on every page: SQLite by relevance;
  // PostgreSQL all words in the title or lead first, then newest, with relevance worked out
  // for the answer's rows only (docs/search.md says why). Past exact_count, both rank a window
  // of the newest matches and the older ones holding the query in their title or lead.
  virtual Result<FullTextAnswer> full_text(const FullTextQuery& query) = 0;

  // Rebuilds the index from the articles and packs it (toasoan reindex; also run by
  // migrate() when the index is missing articles, e.g. just after the index was introduced).
  [[nodiscard]] virtual Status reindex() = 0;

  // Packs the index after a bulk write (an import, a reindex): a bulk write leaves the index
  // in many pieces, and a search reads every piece (SQLite: three times slower on the corpus
  // before packing). Single writes never need it. About a second per 10,000 articles; on
  // SQLite other writers wait meanwhile.
  [[nodiscard]] virtual Status optimize() = 0;
};

}  // namespace toasoan::store
