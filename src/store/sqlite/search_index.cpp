#include "store/sqlite/search_index.hpp"

#include <algorithm>

#include "base/log.hpp"
#include "store/row_codec.hpp"

namespace toasoan::store::sqlite {
namespace {

// FTS5's command that merges every piece of the index into one.
constexpr const char* kOptimize = "INSERT INTO article_search (article_search) VALUES ('optimize')";

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

// Puts the article in the full-text index, or takes it out when it is not published.
Status index_article(Connection& c, std::int64_t id, bool published, std::string_view title, std::string_view lead,
                     const std::vector<articles::Block>& blocks) {
  return index_document(c, id, published ? std::optional<SearchDocument>(search_document(title, lead, blocks))
                                         : std::nullopt);
}

Status index_document(Connection& c, std::int64_t id, const std::optional<SearchDocument>& d) {
  {
    TOASOAN_SQLITE_STATEMENT(remove, c, "DELETE FROM article_search WHERE rowid = ?");
    remove.bind(id);
    if (remove.step() != SQLITE_DONE) return step_error(c);
  }
  if (!d) return ok_status();
  TOASOAN_SQLITE_STATEMENT(add, c, "INSERT INTO article_search (rowid, title, lead, body) VALUES (?, ?, ?, ?)");
  add.bind(id, d->title, d->lead, d->body);
  if (add.step() != SQLITE_DONE) return step_error(c);
  return ok_status();
}

Status SqliteSearchIndex::reindex() {
  auto lease = pool_.acquire();
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

Status SqliteSearchIndex::optimize() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return (*lease)->exec(kOptimize);
}

Result<FullTextAnswer> SqliteSearchIndex::full_text(const FullTextQuery& q) {
  FullTextAnswer answer;
  std::string readings;
  std::string match = fts5_expression(q, &readings);
  if (match.empty()) return answer;
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  // The matches, as (id, relevance, headline phrase). Relevance is bm25, weighing a word in
  // the title ten times one in the body and in the lead four, raised by up to twice for the
  // query's neighbouring words found side by side (proximity.hpp: "nghị quyết" held
  // together is the word). Without filters the index alone answers (it holds published
  // articles only), less the few scheduled for later, found by the articles_newest index once
  // per query, not per match; with filters, CROSS JOIN fixes the order: the full-text match first, or the
  // planner may walk the articles and run the match once per row.
  static const std::string columns =
      "article_search.rowid AS id, -bm25(article_search, 10.0, 4.0, 1.0) * (1 + word_pairs(article_search, ?2)) "
      "AS relevance, CASE WHEN ?8 IS NULL THEN 0 ELSE headline_phrase(article_search, ?2) END AS phrase";
  static const std::string matches[2] = {
      "SELECT " + columns + " FROM article_search WHERE article_search MATCH ?1 AND article_search.rowid NOT IN "
          "(SELECT id FROM articles WHERE status = 'published' AND published_at > ?9)",
      "SELECT " + columns + ", a.published_at FROM article_search CROSS JOIN articles a ON a.id = "
          "article_search.rowid WHERE article_search MATCH ?1 AND a.status = 'published' AND (?3 IS NULL OR "
          "a.category_id = ?3) AND (?4 IS NULL OR a.published_at >= ?4) AND (?5 IS NULL OR a.published_at < ?5) "
          "AND a.published_at <= ?9"};
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
  const std::string& chosen = by_date ? newest : sql[filtered][phrases];
  const int offset = phrases ? 0 : std::max(q.offset, 0);
  auto run = [&](int limit, int at) -> Status {
    TOASOAN_SQLITE_STATEMENT(s, c, chosen);
    s.bind(match, readings, q.category_id, q.from, q.to, limit, at);
    if (phrases) s.bind_at(8, 1);
    s.bind_at(9, q.now);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      answer.hits.push_back({summary_from(s), s.real(kSummaryWidth), s.int64(kSummaryWidth + 1) != 0});
      answer.total = s.int64(kSummaryWidth + 2);
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

}  // namespace toasoan::store::sqlite
