#include "store/postgres/search_index.hpp"

#include <algorithm>

#include "base/log.hpp"
#include "store/postgres/advisory_locks.hpp"
#include "store/postgres/row.hpp"
#include "store/row_codec.hpp"

namespace toasoan::store::postgres {

using articles::Summary;

namespace {

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

}  // namespace

Status PostgresSearchIndex::reindex() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return reindex_on(**lease);
}

Status PostgresSearchIndex::reindex_on(Connection& c) {
  if (auto s = rebuild(c); !s) return s;
  pack_or_warn(c);
  return ok_status();
}

void PostgresSearchIndex::pack_or_warn(Connection& c) {
  // The index is rebuilt and right; packing only makes it faster, so a failure there is told,
  // not returned.
  if (auto s = optimize_on(c); !s)
    log::warn("PostgreSQL " + pool_.target().display + ": đã dựng lại chỉ mục tìm kiếm nhưng chưa sắp xếp gọn được: " +
              s.error().message);
}

Status PostgresSearchIndex::optimize() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return optimize_on(**lease);
}

Status PostgresSearchIndex::rebuild(Connection& c) {
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

const SearchStatements& search_statements() {
  static const SearchStatements statements = [] {
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
             "s.published_at < $5) AND COALESCE(s.published_at, 0) <= $8";
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
    const std::string documents = matches("s.document", "0");
    return SearchStatements{answer(documents, kFirstPhase, kPage, kRank),
                            answer(documents, kFirstPhase, kWithPhrases, kRank), answer(documents, kNewest, kPage, kRank),
                            answer(matches("s.headline", kHeadlineRank), "headline_rank DESC, id DESC", kPage,
                                   kHeadlineRank)};
  }();
  return statements;
}

Result<FullTextAnswer> PostgresSearchIndex::full_text(const FullTextQuery& q) {
  std::string tsquery = tsquery_expression(q);
  if (tsquery.empty()) return FullTextAnswer{};
  const bool by_date = q.sort == FullTextQuery::Sort::newest;
  const bool phrases = q.headline_phrases && !by_date;
  std::string phrase = phrases ? phrase_expression(q) : std::string();
  const SearchStatements& st = search_statements();
  const std::string& chosen = q.titles_only ? st.suggestions
                              : by_date      ? st.newest
                              : phrases      ? st.ranked_with_phrases
                                             : st.ranked;
  const int offset = phrases ? 0 : std::max(q.offset, 0);
  return pool_.read([&](Connection& c) -> Result<FullTextAnswer> {
    FullTextAnswer out;
    auto run = [&](int limit, int at) -> Status {
      auto r = c.query(chosen, {tsquery, phrase, q.category_id, q.from, q.to, limit, at, q.now});
      if (!r) return r.error();
      for (int i = 0; i < r->size(); ++i) {
        out.hits.push_back({read_summary(*r, i), r->real(i, kSummaryWidth), r->boolean(i, kSummaryWidth + 1)});
        out.total = r->int64(i, kSummaryWidth + 2);
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

}  // namespace toasoan::store::postgres
