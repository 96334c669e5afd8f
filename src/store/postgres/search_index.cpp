#include "store/postgres/search_index.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include "base/log.hpp"
#include "store/postgres/advisory_locks.hpp"
#include "store/postgres/row.hpp"
#include "store/postgres/session.hpp"
#include "store/published_tally.hpp"
#include "store/row_codec.hpp"
#include "text/datetime.hpp"

namespace toasoan::store::postgres {

using articles::Summary;

namespace {

Summary read_summary(const Rows& r, int row) { return summary_from(RowAt{r, row}); }

// What a query's tsquery is for: matching (every word as typed, the half-typed last one
// completed) or the GIN index's read (the same, less what would make the index merge lists).
enum class Read { match, index };

// A prefix this short begins hundreds of words, some in most titles: the GIN index would merge
// all their lists (0.9 s a keystroke for "công a" at a million articles) before any other word
// of the query narrowed them. SQLite keeps such prefixes as terms of their own.
constexpr std::size_t kLongestMergedPrefix = 2;

// Whether `term`, the half-typed last word of reading `n`, is a prefix whose words' lists the
// index would merge: short, and with no completions.
bool merged_prefix(const FullTextQuery& q, std::size_t n, const std::string& term) {
  return (n >= q.completions.size() || q.completions[n].empty()) && term.size() <= kLongestMergedPrefix;
}

// The safe terms of a reading.
int kept_terms(const std::vector<FullTextQuery::Group>& reading) {
  int kept = 0;
  for (const auto& group : reading)
    for (const auto& term : group) kept += safe_term(term) ? 1 : 0;
  return kept;
}

// The to_tsquery('simple', …) text for a query: each term single-quoted (terms are [a-z0-9]+,
// see safe_term), a group's terms joined by <-> (followed by), groups by &, readings by |;
// ':A' keeps a term to titles. The half-typed last word of a reading is either of its
// completions (FullTextQuery::completions), each a whole word the index finds as one list, or
// with none a prefix (':*'). For the index's read, a short prefix without completions is left
// out, the rest of its reading standing for it (the match itself is then a filter on the rows
// the index found), unless it is all the reading holds.
std::string tsquery_expression(const FullTextQuery& q, Read read) {
  const std::string weight = q.titles_only ? ":A" : "";
  std::string out;
  for (std::size_t n = 0; n < q.readings.size(); ++n) {
    const auto& reading = q.readings[n];
    const std::vector<std::string> none;
    const auto& completions = n < q.completions.size() ? q.completions[n] : none;
    auto term_text = [&](const std::string& term, bool prefix) -> std::string {
      if (!prefix) return "'" + term + "'" + weight;
      std::string either;
      for (const auto& word : completions)
        if (safe_term(word)) either += (either.empty() ? "(" : " | ") + ("'" + word + "'" + weight);
      if (!either.empty()) return either + ")";
      return "'" + term + "':*" + (q.titles_only ? "A" : "");
    };
    const int kept = kept_terms(reading);
    std::string r;
    for (std::size_t g = 0; g < reading.size(); ++g) {
      std::size_t last = 0;
      for (std::size_t t = 0; t < reading[g].size(); ++t)
        if (safe_term(reading[g][t])) last = t;
      std::string phrase;
      for (std::size_t t = 0; t < reading[g].size(); ++t) {
        const auto& term = reading[g][t];
        if (!safe_term(term)) continue;
        const bool prefix = q.prefix_last && g + 1 == reading.size() && t == last;
        if (read == Read::index && prefix && merged_prefix(q, n, term) && kept > 1) continue;
        if (!phrase.empty()) phrase += " <-> ";
        phrase += term_text(term, prefix);
      }
      if (phrase.empty()) continue;
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
// reading has two words. A half-typed last word of one or two letters is left out: it tells
// no title from another yet, and as a word of its own ("công a") it would have the headline's
// GIN index read two common words' lists for a phrase hardly any title holds.
std::string phrase_expression(const FullTextQuery& q) {
  std::string out;
  for (const auto& reading : q.readings) {
    std::vector<std::string> terms;
    for (const auto& group : reading)
      for (const auto& term : group)
        if (safe_term(term)) terms.push_back(term);
    if (q.prefix_last && !terms.empty() && terms.back().size() <= kLongestMergedPrefix) terms.pop_back();
    if (terms.size() < 2) continue;
    std::string r;
    for (const auto& term : terms) r += (r.empty() ? "'" : " <-> '") + term + "'";
    if (!out.empty()) out += " | ";
    out += "(" + r + ")";
  }
  return out;
}

// A phrase expression's words, in any order: what the GIN index reads for it.
std::string all_words_of(std::string phrase) {
  for (auto at = phrase.find(" <-> "); at != std::string::npos; at = phrase.find(" <-> ", at)) phrase.replace(at, 5, " & ");
  return phrase;
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
    // - A window ($10) keeps the matches published since then: the planner ANDs the GIN index's
    //   matches with that range of article_search_published before it visits a row, so the
    //   older matches of a common word cost their bits in the bitmap, not a visit each. With a
    //   phrase ($2), the newest $11 older rows holding it in their headline join them, read
    //   through the headline's GIN index alone (a known old headline is still found): "+ 0"
    //   keeps a plan made for any window from ANDing it with the archive's range of times
    //   (22 ms at 100,000 articles, for a headline list of a few hundred), and from walking
    //   article_search_published backwards for their order, row by row, until enough hold the
    //   phrase: in an archive stored in the order it was published, the planner takes that
    //   walk, and a phrase no old headline holds read the whole archive (1.1 s at a million
    //   articles, against 0.4 ms through the GIN index).
    // - The index reads $9, the query less a short half-typed word (tsquery_expression), so a
    //   suggestion is then a filter on what it found; a search's $9 is its query.
    static const std::string kFilters =
        " AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id AND a.category_id "
        "= $3)) AND ($4::bigint IS NULL OR s.published_at >= $4) AND ($5::bigint IS NULL OR s.published_at < $5) AND "
        "COALESCE(s.published_at, 0) <= $8";
    auto select = [](const char* headline_rank, const std::string& from, const std::string& where, const char* older) {
      return std::string("SELECT s.article_id AS id, COALESCE(s.published_at, 0) AS published_at, "
                         "COALESCE(s.headline @@ q, false) AS in_headline, ") +
             headline_rank + " AS headline_rank, CASE WHEN $2 = '' THEN false ELSE COALESCE(s.headline @@ "
             "to_tsquery('simple', $2), false) END AS phrase, " + older + " AS older FROM " + from +
             ", to_tsquery('simple', $1) q WHERE " + where;
    };
    auto matches = [&](const std::string& column, const char* headline_rank, const char* filter, int cut) {
      std::string newest = select(headline_rank, "article_search s",
                                  column + " @@ (SELECT to_tsquery('simple', $9))" + filter + kFilters +
                                      (cut == kAll ? "" : " AND s.published_at >= $10"),
                                  "false");
      if (cut != kOlderPhrases) return newest;
      return newest + " UNION ALL SELECT * FROM (" +
             select(headline_rank, "article_search s",
                    "s.headline @@ (SELECT to_tsquery('simple', $2)) AND s.published_at + 0 < $10", "true") +
             " ORDER BY s.published_at + 0 DESC LIMIT $11) older";
    };
    auto answer = [](const std::string& m, const char* order, const char* page, const char* relevance) {
      return "WITH m AS MATERIALIZED (" + m + "), r AS (SELECT id, phrase, count(*) OVER () AS total, "
             "count(*) FILTER (WHERE NOT older) OVER () AS windowed, row_number() OVER (ORDER BY " + order +
             ") AS n FROM m) SELECT " + kSummaryColumns + ", " + relevance +
             " AS relevance, p.phrase, p.total, p.windowed FROM (SELECT * FROM r WHERE " + page +
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
    SearchStatements out;
    // Suggestions for common words: the newest $9 rows, read newest first through
    // article_search_published, matched one by one, with no GIN index merging lists of
    // hundreds of thousands of titles; with older phrases, the newest $10 rows older than those
    // holding the phrase in their headline, through the headline's GIN index.
    static const std::string kNewestRowsRead =
        "(SELECT article_id, headline, published_at FROM article_search WHERE published_at <= $8 ORDER BY "
        "published_at DESC LIMIT $9)";
    const std::string newest_rows =
        select(kHeadlineRank, kNewestRowsRead + " s", "COALESCE(s.headline @@ q, false)" + kFilters, "false");
    static constexpr const char* kSuggestionOrder = "headline_rank DESC, id DESC";
    out.recent_suggestions[0] = answer(newest_rows, kSuggestionOrder, kPage, kHeadlineRank);
    out.recent_suggestions[1] = answer(
        newest_rows + " UNION ALL SELECT * FROM (" +
            select(kHeadlineRank, "article_search s",
                   "s.headline @@ (SELECT to_tsquery('simple', $2)) AND s.published_at + 0 < (SELECT "
                   "min(published_at) FROM " + kNewestRowsRead + " newest)", "true") +
            " ORDER BY s.published_at + 0 DESC LIMIT $10) older",
        kSuggestionOrder, kPage, kHeadlineRank);
    for (int cut = 0; cut < kCuts; ++cut) {
      const std::string documents = matches("s.document", "0", "", cut);
      out.ranked[cut] = answer(documents, kFirstPhase, kPage, kRank);
      out.ranked_with_phrases[cut] = answer(documents, kFirstPhase, kWithPhrases, kRank);
      out.newest[cut] = answer(documents, kNewest, kPage, kRank);
      out.suggestions[cut] =
          answer(matches("s.headline", kHeadlineRank, " AND COALESCE(s.headline @@ q, false)", cut),
                 kSuggestionOrder, kPage, kHeadlineRank);
    }
    return out;
  }();
  return statements;
}

namespace {

// The windows, as on SQLite (sqlite/search_index.cpp): the newest 500 matches rank as well as
// every match did; suggestions, 200. A query the planner expects to match fewer than
// kWindowWorth windows is cheaper counted whole.
constexpr std::int64_t kArticleWindow = 500, kSuggestionWindow = 200;
constexpr std::int64_t kWindowWorth = 2;
constexpr int kWindowTries = 2;
// Suggestions are first matched in the newest kNewestTitles windows' worth of titles (a few
// milliseconds): enough when one title in twenty holds what was typed, as with most first
// letters and syllables. Fewer tell how far back a window's worth lies; up to kMostNewestTitles
// rows are read for it, which still costs less than the GIN index merging the lists of common
// words (60–400 ms at a million articles).
constexpr std::int64_t kNewestTitles = 20, kMostNewestTitles = 20'000;
// Past this many titles or leads holding every word of the phrase typed, suggestions look for
// no older title holding it.
constexpr std::int64_t kMostPhraseCandidates = 2'000;
// What answer() runs for recent_suggestions, beside the cuts of the other statements.
constexpr int kNewestRows = kCuts, kNewestRowsWithOlderPhrases = kCuts + 1;

// How many rows the planner expects `tsquery` to match in the document or the headline
// (migration 0014's article_search_expected: the words' frequencies from ANALYZE).
Result<std::int64_t> expected_matches(Connection& c, const std::string& tsquery, bool headline) {
  auto r = c.query("SELECT article_search_expected(to_tsquery('simple', $1), $2::boolean)",
                   {tsquery, headline ? "true" : "false"});
  if (!r) return r.error();
  return r->int64(0, 0);
}

// Where a window starts: the first of the newest months (`months`, newest first, as the tally
// counts them) that together hold `share` of the published articles, and how many they and
// the whole archive hold.
struct Span {
  std::int64_t since = 0, articles = 0, archive = 0;
};

Span span_holding(const std::vector<articles::ArchiveMonth>& months, double share) {
  Span span;
  span.archive = tally::total(months);
  const double wanted = share * static_cast<double>(span.archive);
  for (const auto& m : months) {
    if (static_cast<double>(span.articles) >= wanted) break;
    span.articles += m.articles;
    span.since = text::vietnam_month_start(m.year, m.month);
  }
  return span;
}

}  // namespace

Result<FullTextAnswer> PostgresSearchIndex::full_text(const FullTextQuery& q) {
  std::string tsquery = tsquery_expression(q, Read::match);
  if (tsquery.empty()) return FullTextAnswer{};
  const std::string index_read = tsquery_expression(q, Read::index);
  const bool by_date = q.sort == FullTextQuery::Sort::newest;
  const bool phrases = q.headline_phrases && !by_date;
  const bool filtered = q.category_id || q.from || q.to;
  std::string phrase = phrases ? phrase_expression(q) : std::string();
  const SearchStatements& st = search_statements();
  const auto& chosen = q.titles_only ? st.suggestions
                       : by_date      ? st.newest
                       : phrases      ? st.ranked_with_phrases
                                      : st.ranked;
  const int offset = phrases ? 0 : std::max(q.offset, 0);
  const std::int64_t window = std::max(q.exact_count, q.titles_only ? kSuggestionWindow : kArticleWindow);
  return pool_.read([&](Connection& c) -> Result<FullTextAnswer> {
    FullTextAnswer out;
    std::int64_t windowed = 0;
    auto run = [&](int cut, int limit, int at, std::int64_t since) -> Status {
      const Param params[] = {tsquery, phrase, q.category_id, q.from, q.to, limit, at, q.now, index_read, since, window};
      // Each cut binds the parameters it reads: $1–$9, then $10, then $11; the newest rows'
      // statement reads how many rows as $9.
      const Param recent[] = {tsquery, phrase, q.category_id, q.from, q.to, limit, at, q.now, since, window};
      auto r = cut == kNewestRows ? c.query(st.recent_suggestions[0], std::span<const Param>(recent, 9))
               : cut == kNewestRowsWithOlderPhrases ? c.query(st.recent_suggestions[1], recent)
                                                    : c.query(chosen[cut], std::span<const Param>(params, 9 + cut));
      if (!r) return r.error();
      for (int i = 0; i < r->size(); ++i) {
        out.hits.push_back({read_summary(*r, i), r->real(i, kSummaryWidth), r->boolean(i, kSummaryWidth + 1)});
        out.total = r->int64(i, kSummaryWidth + 2);
        windowed = r->int64(i, kSummaryWidth + 3);
      }
      return ok_status();
    };
    auto answer = [&](int cut, std::int64_t since) -> Status {
      out = FullTextAnswer{};
      windowed = 0;
      if (auto s = run(cut, std::max(q.limit, 1), offset, since); !s) return s;
      // A page past the last match has no row to carry the count: ask for the first alone.
      if (out.hits.empty() && offset > 0) {
        if (auto s = run(cut, 1, 0, since); !s) return s;
        out.hits.clear();
      }
      if (q.limit <= 0) out.hits.clear();
      return ok_status();
    };
    // Suggestions look for older title phrases only when the window holds fewer than a page of
    // them, as on SQLite: the words of a common phrase ("công an") stand in a tenth of a
    // million titles, every one of them a row to read for the phrase. Nor when the planner
    // expects more than kMostPhraseCandidates titles or leads to hold all the phrase's words:
    // the GIN index finds those, and each is read for the words' order (0.6–0.8 s for "đầu ra"
    // or "trọng tài" at a million articles). A few more words typed narrow them, and the old
    // headline is found then.
    std::optional<std::int64_t> phrase_candidates;
    auto older_phrases_wanted = [&]() -> Result<bool> {
      if (phrase.empty() || !q.titles_only || windowed < window) return false;
      const auto held =
          std::count_if(out.hits.begin(), out.hits.end(), [](const FullTextHit& h) { return h.headline_phrase; });
      if (held >= std::max(q.limit, 1)) return false;
      if (!phrase_candidates) {
        auto expected = expected_matches(c, all_words_of(phrase), true);
        if (!expected) return expected.error();
        phrase_candidates = *expected;
      }
      return *phrase_candidates <= kMostPhraseCandidates;
    };
    auto in_window = [&](const Span& span) -> Status {
      if (!phrase.empty() && q.titles_only) {
        if (auto s = answer(kWindow, span.since); !s) return s;
        auto wanted = older_phrases_wanted();
        if (!wanted) return wanted.error();
        if (!*wanted) return ok_status();
      }
      return answer(phrase.empty() ? kWindow : kOlderPhrases, span.since);
    };
    // The same for the newest `rows` titles, matched one by one.
    auto among_newest = [&](std::int64_t rows) -> Status {
      if (auto s = answer(kNewestRows, rows); !s) return s;
      auto wanted = older_phrases_wanted();
      if (!wanted) return wanted.error();
      if (!*wanted) return ok_status();
      return answer(kNewestRowsWithOlderPhrases, rows);
    };
    // A common word, unfiltered, is searched in the newest months that should hold half as
    // many matches again as a window, by how densely the planner expects it to match; when they
    // hold a window's worth, the rest are not visited, and the count is theirs scaled by how
    // many articles the whole archive holds for each of theirs. A window that found fewer (the
    // planner expected too many: it does not see that a title word must be in the title) is
    // tried once more, as far back as the density it found says. A filter (a category, a time)
    // breaks the proportion, so a filtered search counts every match, as does one whose window
    // would span the archive.
    if (!filtered) {
      // The tally: a few thousand rows at most, not the archive, read once for every try.
      std::vector<articles::ArchiveMonth> months;
      bool tallied = false;
      auto tally = [&]() -> Status {
        if (tallied) return ok_status();
        PostgresSession session(c);
        auto read = tally::read_months(session, std::nullopt, q.now);
        if (!read) return read.error();
        months = std::move(*read);
        tallied = true;
        return ok_status();
      };
      // Suggestions: the newest titles first, then, when they hold fewer than a window's
      // worth, as far back as they say a window's worth lies. What they held is how common
      // the words are, better told than by the planner, which cannot tell a word in a title
      // from one in a lead, and takes tens of milliseconds over a completion's many words.
      std::optional<std::int64_t> measured;
      if (q.titles_only) {
        if (auto s = tally(); !s) return s.error();
        const std::int64_t archive = tally::total(months);
        std::int64_t rows = window * kNewestTitles;
        for (int tries = 0; tries < kWindowTries && rows < archive && rows <= kMostNewestTitles; ++tries) {
          if (auto s = among_newest(rows); !s) return s.error();
          if (windowed >= window) {
            out.total = windowed * archive / rows;
            out.estimated = true;
            return out;
          }
          measured = windowed * archive / rows;
          if (windowed == 0) break;
          rows = (3 * window * rows + 2 * windowed - 1) / (2 * windowed);
        }
      }
      std::int64_t expected = 0;
      if (measured) {
        expected = *measured;
      } else {
        auto planned = expected_matches(c, tsquery, q.titles_only);
        if (!planned) return planned.error();
        expected = *planned;
      }
      const bool common = expected > kWindowWorth * window;
      if (common) {
        if (auto s = tally(); !s) return s.error();
      }
      double share = 1.5 * static_cast<double>(window) / static_cast<double>(std::max<std::int64_t>(expected, 1));
      for (int tries = 0; common && !months.empty() && tries < kWindowTries; ++tries) {
        const Span span = span_holding(months, share);
        if (span.articles >= span.archive || span.articles <= 0) break;
        if (auto s = in_window(span); !s) return s.error();
        if (windowed >= window) {
          const double scaled =
              static_cast<double>(windowed) * static_cast<double>(span.archive) / static_cast<double>(span.articles);
          out.total = std::max(out.total, static_cast<std::int64_t>(scaled));
          out.estimated = true;
          return out;
        }
        if (windowed == 0) break;
        share = 1.5 * static_cast<double>(window) * static_cast<double>(span.articles) /
                (static_cast<double>(windowed) * static_cast<double>(span.archive));
      }
    }
    if (auto s = answer(kAll, 0); !s) return s.error();
    return out;
  });
}

}  // namespace toasoan::store::postgres
