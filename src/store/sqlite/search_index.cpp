#include "store/sqlite/search_index.hpp"

#include <algorithm>
#include <map>

#include "base/log.hpp"
#include "store/row_codec.hpp"

namespace toasoan::store::sqlite {
namespace {

// The newest ids in which each phrase's articles are counted for its IDF (bm25_counted(),
// relevance.hpp): an archive of more ids has the count scaled up from them. 10,000 rather than
// 20,000 took 3 ms off a million-article search, with the sample queries' recall unchanged.
constexpr std::int64_t kCountedIds = 10000;

// The two full-text tables: the index of every published article's folded title, lead and
// body, and of the same title and lead alone (migration 0014), whose lists of places are a
// tenth of the whole's: suggestions and the headline phrases of a query read that one.
constexpr const char* kTables[] = {"article_search", "article_headline"};

// FTS5's command that merges every piece of an index into one.
std::string optimize_command(std::string_view table) {
  return "INSERT INTO " + std::string(table) + " (" + std::string(table) + ") VALUES ('optimize')";
}

// How many pieces of one size an index gathers before FTS5 merges them into a larger one (its
// 'automerge'). Every write but a bulk one merges at FTS5's default, which keeps the pieces a
// search reads few. A bulk write merges at 16: each term is then copied into a larger piece
// about half as many times on its way up, and the write ends by packing the index anyway.
// A million-article import: 412–448 s merging by four, 361–397 s by sixteen (bench/README.md).
constexpr int kMergeAt = 4;
constexpr int kBulkMergeAt = 16;
// Fewer documents than this are written with the usual merging: their terms fit FTS5's
// in-memory lists and reach the index at the commit, as one piece.
constexpr std::size_t kBulkDocuments = 200;

// Sets the merging of both tables, inside the caller's transaction.
Status merge_at(Connection& c, int pieces) {
  for (const char* table : kTables) {
    const std::string t(table);
    if (auto s = c.exec("INSERT INTO " + t + " (" + t + ", rank) VALUES ('automerge', " + std::to_string(pieces) + ")");
        !s)
      return s;
  }
  return ok_status();
}

// The longest prefix article_headline keeps a list of its own for (migration 14: prefix =
// '1 2'). A longer one makes FTS5 merge the whole list of every word it begins (35 ms for
// "nha" at a million articles, at every keystroke), where its completions are a list each.
constexpr std::size_t kLongestListedPrefix = 2;

// The FTS5 expressions, any of which may match, for one phrase of reading `n` of a query: its
// safe terms (terms are [a-z0-9]+, see safe_term) double-quoted, under the title column when
// titles_only; when `prefix`, its last word a prefix (a star after it) or, past
// kLongestListedPrefix, each of its completions (FullTextQuery::completions) in its place.
// Empty when no term is safe.
std::vector<std::string> phrase_forms(const FullTextQuery& q, std::size_t n, const std::vector<std::string_view>& words,
                                      bool prefix) {
  std::vector<std::string> out;
  if (words.empty()) return out;
  const std::string column = q.titles_only ? "title : " : "";
  std::string head;  // the words but the last
  for (std::size_t i = 0; i + 1 < words.size(); ++i) head.append(words[i]).push_back(' ');
  const std::string_view last = words.back();
  const auto& reading = q.readings[n];
  const bool completed = prefix && last.size() > kLongestListedPrefix && n < q.completions.size() &&
                         !q.completions[n].empty() && last == reading.back().back();
  if (completed) {
    for (const auto& word : q.completions[n])
      if (safe_term(word)) out.push_back(column + "\"" + head + word + "\"");
  } else {
    out.push_back(column + "\"" + head + std::string(last) + "\"" + (prefix ? "*" : ""));
  }
  return out;
}

// Forms joined by OR, bracketed when more than one.
std::string either_of(const std::vector<std::string>& forms) {
  if (forms.size() == 1) return forms.front();
  std::string out = "(" + forms.front();
  for (std::size_t i = 1; i < forms.size(); ++i) out += " OR " + forms[i];
  return out + ")";
}

// The FTS5 MATCH expression for a query: a group as one phrase (phrase_forms(), the last one
// maybe a prefix or its completions: "toa" AND ("nha" OR "nhac" OR …)), groups side by side
// (AND), readings joined by OR. `readings` receives headline_phrase()'s and word_pairs()'s
// argument: how many groups each reading has, and past a slash how many phrases its last group
// has when more than one (proximity.hpp); `phrases` each phrase as an expression of its own,
// in order.
std::string fts5_expression(const FullTextQuery& q, std::string* readings = nullptr,
                            std::vector<std::string>* phrases = nullptr) {
  std::string out;
  for (std::size_t n = 0; n < q.readings.size(); ++n) {
    const auto& reading = q.readings[n];
    std::string r;
    int groups = 0;
    std::size_t alternatives = 1;  // of the last group
    for (std::size_t g = 0; g < reading.size(); ++g) {
      std::vector<std::string_view> words;
      for (const auto& term : reading[g])
        if (safe_term(term)) words.push_back(term);
      const auto forms = phrase_forms(q, n, words, q.prefix_last && g + 1 == reading.size());
      if (forms.empty()) continue;
      // FTS5 sets phrases side by side, but a bracket needs its AND written.
      if (!r.empty()) r += forms.size() > 1 || alternatives > 1 ? " AND " : " ";
      r += either_of(forms);
      alternatives = forms.size();
      if (phrases) phrases->insert(phrases->end(), forms.begin(), forms.end());
      ++groups;
    }
    if (r.empty()) continue;
    if (!out.empty()) out += " OR ";
    out += "(" + r + ")";
    if (readings) {
      if (!readings->empty()) readings->push_back(',');
      *readings += std::to_string(groups);
      if (alternatives > 1) *readings += "/" + std::to_string(alternatives);
    }
  }
  return out;
}

// The FTS5 expression, over article_headline, for the headline phrases of a query: each reading
// of two words or more as one phrase (its groups side by side; the last word a prefix or its
// completions as in fts5_expression()), in the title or the lead (the title alone for
// titles_only); empty when no reading has two words. What headline_phrase() flags, found by the
// index instead of by looking at every match.
std::string headline_phrase_expression(const FullTextQuery& q) {
  std::string out;
  for (std::size_t n = 0; n < q.readings.size(); ++n) {
    std::vector<std::string_view> words;
    for (const auto& group : q.readings[n])
      for (const auto& term : group)
        if (safe_term(term)) words.push_back(term);
    if (words.size() < 2) continue;
    if (!out.empty()) out += " OR ";
    out += either_of(phrase_forms(q, n, words, q.prefix_last));
  }
  return out;
}

}  // namespace

Status index_document(Connection& c, const IndexedDocument& d) {
  // A re-import of an unchanged article, or a desk's write that leaves its text as it was:
  // the index holds it already, and taking it out to put it back would only add pieces.
  if (d.indexed && d.next && *d.indexed == *d.next) return ok_status();
  if (d.indexed) {
    TOASOAN_SQLITE_STATEMENT(
        remove, c, "INSERT INTO article_search (article_search, rowid, title, lead, body) VALUES ('delete', ?, ?, ?, ?)");
    remove.bind(d.id, d.indexed->title, d.indexed->lead, d.indexed->body);
    if (remove.step() != SQLITE_DONE) return step_error(c);
    TOASOAN_SQLITE_STATEMENT(
        remove_headline, c,
        "INSERT INTO article_headline (article_headline, rowid, title, lead) VALUES ('delete', ?, ?, ?)");
    remove_headline.bind(d.id, d.indexed->title, d.indexed->lead);
    if (remove_headline.step() != SQLITE_DONE) return step_error(c);
  }
  if (!d.next) return ok_status();
  {
    TOASOAN_SQLITE_STATEMENT(add, c, "INSERT INTO article_search (rowid, title, lead, body) VALUES (?, ?, ?, ?)");
    add.bind(d.id, d.next->title, d.next->lead, d.next->body);
    if (add.step() != SQLITE_DONE) return step_error(c);
  }
  TOASOAN_SQLITE_STATEMENT(add, c, "INSERT INTO article_headline (rowid, title, lead) VALUES (?, ?, ?)");
  add.bind(d.id, d.next->title, d.next->lead);
  if (add.step() != SQLITE_DONE) return step_error(c);
  return ok_status();
}

Status index_documents(Connection& c, const std::vector<IndexedDocument>& documents) {
  const bool bulk = documents.size() >= kBulkDocuments;
  if (bulk)
    if (auto s = merge_at(c, kBulkMergeAt); !s) return s;
  for (const auto& d : documents)
    if (auto s = index_document(c, d); !s) return s;
  return bulk ? merge_at(c, kMergeAt) : ok_status();
}

Status SqliteSearchIndex::reindex() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  Transaction tx(c);
  if (auto s = tx.begin(); !s) return s;
  // The index is made again empty, as its migration made it, rather than emptied row by row: it
  // keeps no text to take a row out by, what it holds may be just what disagrees with the
  // articles (the reason to reindex), and each removal would weigh on every later merge.
  for (const char* table : kTables) {
    std::string definition;
    {
      TOASOAN_SQLITE_STATEMENT(schema, c, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
      schema.bind(table);
      if (schema.step() != SQLITE_ROW) return step_error(c);
      definition = schema.text(0);
    }
    if (auto s = c.exec("DROP TABLE " + std::string(table)); !s) return s;
    if (auto s = c.exec(definition); !s) return s;
  }
  if (auto s = merge_at(c, kBulkMergeAt); !s) return s;
  TOASOAN_SQLITE_STATEMENT(all, c, "SELECT id, title, lead, blocks FROM articles WHERE status = 'published'");
  int rc;
  while ((rc = all.step()) == SQLITE_ROW) {
    IndexedDocument d{all.int64(0), std::nullopt,
                      search_document(all.text(1), all.text(2), blocks_from_column(all.text(3)))};
    if (auto s = index_document(c, d); !s) return s;
  }
  if (rc != SQLITE_DONE) return step_error(c);
  if (auto s = merge_at(c, kMergeAt); !s) return s;
  if (auto s = tx.commit(); !s) return s;
  // The index is rebuilt and right; packing only makes it faster, so a failure there is told,
  // not returned.
  for (const char* table : kTables)
    if (auto s = c.exec(optimize_command(table)); !s)
      log::warn("SQLite: đã dựng lại chỉ mục tìm kiếm nhưng chưa sắp xếp gọn được: " + s.error().message);
  return ok_status();
}

Status SqliteSearchIndex::optimize() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  for (const char* table : kTables)
    if (auto s = (*lease)->exec(optimize_command(table)); !s) return s;
  return ok_status();
}

namespace {

// The statements over one of the two tables (kTables): `t` its name, `weights` bm25's weights
// of its columns.
SearchStatements build_search_statements(const std::string& t, const char* weights, std::int64_t window) {
  // The matches, as (id, relevance, headline phrase). Relevance is bm25, weighing a word in
  // the title ten times one in the body and in the lead four, raised by up to twice for the
  // query's neighbouring words found side by side (proximity.hpp: "nghị quyết" held
  // together is the word). Without filters the index alone answers (it holds published
  // articles only), less the few scheduled for later, found by the articles_newest index once
  // per query, not per match; with filters, CROSS JOIN fixes the order: the full-text match first, or the
  // planner may walk the articles and run the match once per row.
  const std::string columns = t + ".rowid AS id, -bm25_counted(" + t + ", ?12, " + weights + ") * (1 + word_pairs(" + t +
                              ", ?2)) AS relevance, CASE WHEN ?8 IS NULL THEN 0 ELSE headline_phrase(" + t +
                              ", ?2) END AS phrase";
  // The scheduled articles (published, their time not come) and the filters, as both forms of
  // the match and the count read them.
  const std::string not_scheduled =
      t + ".rowid NOT IN (SELECT id FROM articles WHERE status = 'published' AND published_at > ?9)";
  const std::string filters =
      "a.status = 'published' AND (?3 IS NULL OR a.category_id = ?3) AND (?4 IS NULL OR a.published_at >= ?4) "
      "AND (?5 IS NULL OR a.published_at < ?5) AND a.published_at <= ?9";
  const std::string from_filtered = " FROM " + t + " CROSS JOIN articles a ON a.id = " + t + ".rowid WHERE " + t +
                                    " MATCH ?1 AND " + filters;
  const std::string from_all = " FROM " + t + " WHERE " + t + " MATCH ?1 AND " + not_scheduled;
  // A query matching more than `window` articles ranks only the newest `window` of
  // them (by id: the order the paper wrote them in; ?10 is the lowest id among them) and, from
  // the older ones, the newest `window` holding the query as a headline phrase (?11: the
  // phrases, looked up in article_headline, whose lists are short, then ranked in the whole index
  // by id): ranking costs a few microseconds a match, so a common word over a million articles
  // would otherwise take seconds. FTS5 reads a range of ids, or one id, itself. Given ids as keys
  // FTS5 runs the match once an id, which costs little because bm25_counted() is handed the
  // phrases' counts: FTS5's bm25 counted them again for every id (5.8 s for 138 ids at a
  // million articles), and a pass over every match instead took 0.1 s.
  // The older phrases are read newest first when they are many, so that the read stops at the
  // window's worth; when they are few it reads them all, and oldest first ("+ 0" keeps the
  // order from FTS5, and SQLite sorts the few itself): FTS5 walks a list backwards at about
  // half the speed (a five-word phrase at a million articles: 15 against 10 ms).
  auto matches = [&](bool filtered, int cut) -> std::string {
    auto select = [&](const std::string& ids) {
      return "SELECT " + columns + (filtered ? ", a.published_at" + from_filtered : from_all) + ids;
    };
    if (cut == kAll) return select("");
    std::string newest = select(" AND " + t + ".rowid >= ?10");
    if (cut == kWindow) return newest;
    return newest + " UNION ALL " +
           select(" AND " + t + ".rowid IN (SELECT rowid FROM article_headline WHERE article_headline MATCH ?11 AND "
                  "rowid < ?10 ORDER BY rowid" + (cut == kFewOlderPhrases ? " + 0" : "") + " DESC LIMIT " +
                  std::to_string(window) + ")");
  };
  SearchStatements out;
  out.window = window;
  // Without filters, one pass over the newest matches gives their count, stopping past ?10 (the
  // cap: their lowest id tells how densely the query matches, for the estimate of the rest),
  // and the lowest id of the window; each pass over an AND of common syllables costs tens of
  // milliseconds at a million articles. With filters, the count is exact and the window's lowest
  // id a second question.
  const std::string last_ranked = std::to_string(window);
  out.counts = {"SELECT count(*), min(id), min(CASE WHEN n <= " + last_ranked + " THEN id END) FROM (SELECT id, "
                    "row_number() OVER (ORDER BY id DESC) AS n FROM (SELECT " + t + ".rowid AS id" + from_all +
                    " ORDER BY " + t + ".rowid DESC LIMIT ?10))",
                "SELECT count(*), 0, 0" + from_filtered};
  out.window_end = "SELECT " + t + ".rowid" + from_filtered + " ORDER BY " + t + ".rowid DESC LIMIT 1 OFFSET ?10";
  // Each end by itself: min() and max() in one SELECT read every row (66 ms at a million).
  out.id_range = "SELECT (SELECT min(id) FROM " + t + "_docsize), (SELECT max(id) FROM " + t + "_docsize)";
  out.phrase_count = "SELECT count(*) FROM " + t + " WHERE " + t + " MATCH ?1 AND rowid > ?2";
  // Each kind of answer over those matches carries their count, so a query ranking every match
  // reads the index once (one cut to a window is counted first). Ties in relevance go to the
  // higher id, the same way on every page. Summaries are read for the answer's rows only.
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
  out.newest = with_summaries(
      "SELECT id, relevance, phrase, published_at, count(*) OVER () AS total FROM (" + matches(true, 0) +
          ") ORDER BY published_at DESC, id DESC LIMIT ?6 OFFSET ?7",
      "m.published_at DESC, m.id DESC");
  for (int filtered = 0; filtered < 2; ++filtered)
    for (int cut = 0; cut < kCuts; ++cut) {
      out.ranked[filtered][0][cut] = ranked(matches(filtered, cut));
      out.ranked[filtered][1][cut] = ranked_with_phrases(matches(filtered, cut));
    }
  return out;
}

}  // namespace

// The windows: 500 newest matches rank as well as 2,000 did on the sample queries, at 12,500
// articles and at a million (recall@1 0.965 and 0.690, as before), where walking an AND of
// common syllables back to its 2,000th match took 40 ms of a search's 50.
const SearchStatements& search_statements(Searched over) {
  static const SearchStatements articles = build_search_statements(kTables[0], "10.0, 4.0, 1.0", 500);
  static const SearchStatements headlines = build_search_statements(kTables[1], "10.0, 4.0", 200);
  return over == Searched::headlines ? headlines : articles;
}

std::vector<std::string> SearchStatements::all() const {
  std::vector<std::string> out(counts.begin(), counts.end());
  out.push_back(phrase_count);
  out.push_back(window_end);
  out.push_back(newest);
  for (const auto& by_filter : ranked)
    for (const auto& by_phrases : by_filter) out.insert(out.end(), by_phrases.begin(), by_phrases.end());
  return out;
}

namespace {

// The lowest and highest id the full-text table holds.
struct IdRange {
  std::int64_t lowest = 0, highest = 0;
  std::int64_t span() const { return highest - lowest + 1; }
};

// How many articles hold `phrase` (an FTS5 expression) in the table `st` reads: counted among
// the newest kCountedIds ids and scaled to the whole range of ids (exact in a smaller archive),
// so that the cost does not grow with the archive.
Result<std::int64_t> articles_holding(Connection& c, const SearchStatements& st, const IdRange& ids,
                                      const std::string& phrase) {
  const bool scaled = ids.span() > kCountedIds;
  TOASOAN_SQLITE_STATEMENT(count, c, st.phrase_count);
  count.bind(phrase, scaled ? ids.highest - kCountedIds : ids.lowest - 1);
  if (count.step() != SQLITE_ROW) return step_error(c);
  return scaled ? count.int64(0) * ids.span() / kCountedIds : count.int64(0);
}

// bm25_counted()'s COUNTS: each phrase's number of articles (articles_holding()), where bm25
// walks every phrase's whole list. An IDF read from the recent archive weighs words as the
// paper writes them now.
Result<std::string> phrase_counts(Connection& c, const SearchStatements& st, const IdRange& ids,
                                  const std::vector<std::string>& phrases) {
  std::string out;
  std::map<std::string_view, std::int64_t> known;  // a phrase of several readings is counted once
  for (const auto& phrase : phrases) {
    auto [at, fresh] = known.try_emplace(phrase, 0);
    if (fresh) {
      auto n = articles_holding(c, st, ids, phrase);
      if (!n) return n.error();
      at->second = *n;
    }
    if (!out.empty()) out.push_back(',');
    out += std::to_string(at->second);
  }
  return out;
}

}  // namespace

Result<FullTextAnswer> SqliteSearchIndex::full_text(const FullTextQuery& q) {
  FullTextAnswer answer;
  std::string readings;
  std::vector<std::string> phrase_list;
  std::string match = fts5_expression(q, &readings, &phrase_list);
  if (match.empty()) return answer;
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  // Suggestions look in the titles only: the headline table answers them alone.
  const SearchStatements& st = search_statements(q.titles_only ? Searched::headlines : Searched::articles);
  IdRange ids;
  {
    TOASOAN_SQLITE_STATEMENT(range, c, st.id_range);
    if (range.step() != SQLITE_ROW) return step_error(c);
    ids = {range.int64(0), range.int64(1)};
  }
  auto counts = phrase_counts(c, st, ids, phrase_list);
  if (!counts) return counts.error();
  const bool by_date = q.sort == FullTextQuery::Sort::newest;
  const bool phrases = q.headline_phrases && !by_date;
  const bool filtered = q.category_id || q.from || q.to;
  // How many articles match, when ranking them all would cost more than the window, and the
  // lowest id of the window.
  std::optional<std::int64_t> matched;
  std::int64_t lowest = 0;
  if (!by_date) {
    TOASOAN_SQLITE_STATEMENT(count, c, st.counts[filtered]);
    count.bind(match);
    count.bind_at(3, q.category_id);
    count.bind_at(4, q.from);
    count.bind_at(5, q.to);
    count.bind_at(9, q.now);
    const std::int64_t cap = std::max(q.exact_count, st.window);
    if (!filtered) count.bind_at(10, cap + 1);
    if (count.step() != SQLITE_ROW) return step_error(c);
    const std::int64_t counted = count.int64(0);
    if (counted > st.window) matched = counted;
    lowest = count.int64(2);
    // Past the cap, the rest are supposed as dense among the older ids as among the newest;
    // a filter (a category, a time) would break that, so a filtered count is always exact.
    if (!filtered && counted > cap) {
      const std::int64_t newest_span = std::max<std::int64_t>(ids.highest - count.int64(1) + 1, 1);
      matched = std::max(counted, static_cast<std::int64_t>(static_cast<double>(counted) *
                                                            static_cast<double>(ids.span()) /
                                                            static_cast<double>(newest_span)));
      answer.estimated = true;
    }
  }
  if (matched && filtered) {
    TOASOAN_SQLITE_STATEMENT(end, c, st.window_end);
    end.bind(match);
    end.bind_at(3, q.category_id);
    end.bind_at(4, q.from);
    end.bind_at(5, q.to);
    end.bind_at(9, q.now);
    end.bind_at(10, st.window - 1);
    if (end.step() != SQLITE_ROW) return step_error(c);
    lowest = end.int64(0);
  }
  // A headline phrase holds every group of its reading, so it matches the query too.
  const std::string headline = matched && phrases ? headline_phrase_expression(q) : std::string();
  int cut = !matched ? kAll : headline.empty() ? kWindow : kOlderPhrases;
  const int offset = phrases ? 0 : std::max(q.offset, 0);
  auto run = [&](int limit, int at) -> Status {
    TOASOAN_SQLITE_STATEMENT(s, c, by_date ? st.newest : st.ranked[filtered][phrases][cut]);
    s.bind(match, readings, q.category_id, q.from, q.to, limit, at);
    if (phrases) s.bind_at(8, 1);
    s.bind_at(9, q.now);
    if (cut != kAll) s.bind_at(10, lowest);
    if (cut == kOlderPhrases || cut == kFewOlderPhrases) s.bind_at(11, headline);
    s.bind_at(12, *counts);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      answer.hits.push_back({summary_from(s), s.real(kSummaryWidth), s.int64(kSummaryWidth + 1) != 0});
      answer.total = s.int64(kSummaryWidth + 2);
    }
    if (rc != SQLITE_DONE) return step_error(c);
    return ok_status();
  };
  // Suggestions look for older title phrases only when the window holds fewer than a page of
  // them: the first letters of a common phrase ("công an kh") have plenty among the newest,
  // and looking past them walks the lists of twenty years (15 ms a keystroke at a million).
  if (cut == kOlderPhrases && q.titles_only) {
    cut = kWindow;
    if (auto r = run(std::max(q.limit, 1), offset); !r) return r.error();
    if (std::count_if(answer.hits.begin(), answer.hits.end(), [](const FullTextHit& h) { return h.headline_phrase; }) >=
        q.limit) {
      answer.total = *matched;
      return answer;
    }
    answer.hits.clear();
    cut = kOlderPhrases;
  }
  if (cut == kOlderPhrases) {
    // How densely the headline phrases stand among the newest ids tells whether the older
    // ones are many (more than twice the window: read newest first) or few.
    auto expected = articles_holding(c, search_statements(Searched::headlines), ids, headline);
    if (!expected) return expected.error();
    if (*expected < 2 * st.window) cut = kFewOlderPhrases;
  }
  if (auto r = run(std::max(q.limit, 1), offset); !r) return r.error();
  // A page past the last match has no row to carry the count: ask for the first alone.
  if (answer.hits.empty() && offset > 0) {
    if (auto r = run(1, 0); !r) return r.error();
    answer.hits.clear();
  }
  if (q.limit <= 0) answer.hits.clear();
  if (matched) answer.total = *matched;
  return answer;
}

}  // namespace toasoan::store::sqlite
