#include "search/query.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "search/test_support.hpp"
#include "text/count.hpp"
#include "text/utf8.hpp"

namespace toasoan::search {
namespace {

// "[nghi/nghị quyet/quyết] [son]": groups in brackets, a term as folded or folded/accented.
std::string show(const Query& q) {
  std::string out;
  for (const auto& group : q.groups) {
    if (!out.empty()) out += ' ';
    out += '[';
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (i > 0) out += ' ';
      out += group[i].folded;
      if (!group[i].accented.empty()) out += "/" + group[i].accented;
    }
    out += ']';
  }
  return out;
}

// ---- parse_query: tests/data/search/query.tsv, then one test per rule ----------------------

TEST(ParseQuery, MatchesEveryCaseInQueryTsv) {
  const auto rows = testing::load_rows("query.tsv", 2);
  ASSERT_GE(rows.size(), 25u) << "query.tsv lost its cases";
  for (const auto& row : rows) EXPECT_EQ(show(parse_query(row.fields[0])), row.fields[1]) << row.where;
}

TEST(ParseQuery, DecomposedInputParsesLikePrecomposed) {
  for (const auto& row : testing::load_rows("query.tsv", 2)) {
    EXPECT_EQ(show(parse_query(testing::nfd(row.fields[0]))), row.fields[1]) << row.where << " (NFD)";
  }
}

TEST(ParseQuery, IllFormedUtf8SeparatesWords) {
  EXPECT_EQ(show(parse_query("nghi\xFFquyet")), "[nghi] [quyet]");
  EXPECT_EQ(show(parse_query("\xE1\xBB" "son la")), "[son] [la]");  // truncated sequence
  EXPECT_EQ(show(parse_query("\xC0\xAF\xED\xA0\x80")), "");           // overlong, surrogate
}

TEST(ParseQuery, EverySyntaxCharacterSeparatesWords) {
  for (const char c : std::string_view("*():^-+';{}[],.!?/\\|&<>=~@#$%`")) {
    EXPECT_EQ(show(parse_query(std::string("nghi") + c + "quyet")), "[nghi] [quyet]") << c;
  }
}

TEST(ParseQuery, OperatorWordsAreWords) {
  EXPECT_EQ(show(parse_query("a AND b OR NOT c NEAR d")), "[a] [and] [b] [or] [not] [c] [near] [d]");
  EXPECT_EQ(show(parse_query("NEAR(sơn la, 2)")), "[near] [son/sơn] [la] [2]");
  EXPECT_EQ(show(parse_query("or")), "[or]");
}

TEST(ParseQuery, QuotedWordsFormOnePhraseGroup) {
  EXPECT_EQ(show(parse_query("\"Sơn La\" mưa lũ")), "[son/sơn la] [mua/mưa] [lu/lũ]");
  EXPECT_EQ(show(parse_query("“nghị quyết” ”hội nghị„")), "[nghi/nghị quyet/quyết] [hoi/hội nghi/nghị]");
  EXPECT_EQ(show(parse_query("«Sơn La»")), "[son/sơn la]");
  EXPECT_EQ(show(parse_query("\"one\"")), "[one]");
  EXPECT_EQ(show(parse_query("\"a b\"\"c d\"")), "[a b] [c d]");
  EXPECT_EQ(show(parse_query("\"\" \"  \" \"!!\"")), "");
}

TEST(ParseQuery, AnUnbalancedQuoteIsIgnored) {
  EXPECT_EQ(show(parse_query("\"sơn la")), "[son/sơn] [la]");
  EXPECT_EQ(show(parse_query("sơn la\"")), "[son/sơn] [la]");
  EXPECT_EQ(show(parse_query("\"a b\" \"c d")), "[a b] [c] [d]");
  EXPECT_EQ(show(parse_query("\"a b\" c \"d e\" \"f")), "[a b] [c] [d e] [f]");
  EXPECT_EQ(show(parse_query("\"")), "");
}

TEST(ParseQuery, AccentedKeepsWhatTheReaderTypedInLowerCaseNfc) {
  const auto term = [](std::string_view raw) { return parse_query(raw).groups.at(0).at(0); };
  EXPECT_EQ(term("ĐƯỜNG"), (Term{"duong", "đường"}));
  EXPECT_EQ(term("duong"), (Term{"duong", ""}));
  EXPECT_EQ(term("DUONG"), (Term{"duong", ""}));
  EXPECT_EQ(term("đuong"), (Term{"duong", "đuong"}));
  // Ð (U+00D0, eth) looks like Đ and folds to d like it, but is no Vietnamese mark.
  EXPECT_EQ(term("Ðuong"), (Term{"duong", ""}));
  EXPECT_EQ(term("\u0110u\u031Bo\u031B\u0300ng"), (Term{"duong", "đường"}));  // decomposed
  EXPECT_EQ(term("café"), (Term{"cafe", "café"}));
}

TEST(ParseQuery, EmptyWhenNoWords) {
  for (const std::string_view raw : {"", "   ", "!!! ---", "\"*():^", "\xFF\xFE", "\u0301\u0323"}) {
    EXPECT_TRUE(parse_query(raw).empty()) << raw;
  }
  EXPECT_FALSE(parse_query("a").empty());
}

TEST(ParseQuery, KeepsTheFirstTwelveTerms) {
  std::string raw;
  for (int i = 0; i < 20; ++i) raw += "w" + std::to_string(i) + " ";
  const Query q = parse_query(raw);
  ASSERT_EQ(q.groups.size(), kMaxQueryTerms);
  EXPECT_EQ(q.groups.front()[0].folded, "w0");
  EXPECT_EQ(q.groups.back()[0].folded, "w11");
  // A phrase that crosses the limit is cut with it.
  EXPECT_EQ(show(parse_query("a b c d e f g h i j \"k l m n\"")), "[a] [b] [c] [d] [e] [f] [g] [h] [i] [j] [k l]");
}

TEST(ParseQuery, CutsInputBeyondFiveHundredBytesAtACharacterBoundary) {
  // 'a' then "ệ" (3 bytes) repeated: byte 500 falls inside the 167th ệ, which must go whole.
  std::string raw = "a";
  for (int i = 0; i < 300; ++i) raw += "ệ";
  const Query q = parse_query(raw);
  ASSERT_EQ(q.groups.size(), 1u);
  EXPECT_EQ(q.groups[0][0].accented, "a" + [] { std::string s; for (int i = 0; i < 166; ++i) s += "ệ"; return s; }());
  // A word that starts beyond the cut is gone; one before it stays.
  EXPECT_EQ(show(parse_query(std::string(495, ' ') + "abcd efgh")), "[abcd]");
  EXPECT_EQ(show(parse_query(std::string(496, ' ') + "abcd efgh")), "[abcd]");
  EXPECT_EQ(show(parse_query(std::string(497, ' ') + "abcd efgh")), "[abc]");
  // Stray continuation bytes are characters of their own: the cut does not eat back into text.
  EXPECT_EQ(show(parse_query(std::string(490, ' ') + "xyz" + std::string(100, '\x80'))), "[xyz]");
}

TEST(ParseQuery, TwoThousandCharactersGiveABoundedQuery) {
  std::string raw;
  while (text::count_chars(raw) < 2000) raw += "Nghị quyết \"Hội nghị\" (lần) *thứ* sáu: ^OR NOT ";
  const Query q = parse_query(raw);
  std::size_t terms = 0;
  for (const auto& g : q.groups) terms += g.size();
  EXPECT_EQ(terms, kMaxQueryTerms);
  const std::string expression = fts_match_expression(q, true);
  EXPECT_FALSE(expression.empty());
  EXPECT_LT(expression.size(), 400u);
}

// ---- fts_match_expression ------------------------------------------------------------------

// Checks `e` against the grammar in query.hpp; "" is allowed.
::testing::AssertionResult follows_grammar(const std::string& e, bool prefix_last) {
  std::size_t i = 0;
  const auto fail = [&](const char* why) {
    return ::testing::AssertionFailure() << why << " at " << i << " in [" << e << "]";
  };
  const auto reading = [&](bool& ok) {
    bool first = true;
    while (true) {
      if (!first) {
        if (i >= e.size() || e[i] != ' ') return;
        ++i;
      }
      first = false;
      if (i >= e.size() || e[i] != '"') { ok = false; return; }
      ++i;
      bool token = false;
      while (i < e.size() && e[i] != '"') {
        const char c = e[i];
        if (c == ' ') {
          if (!token || e[i + 1] == '"') { ok = false; return; }  // no empty token
          token = false;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          token = true;
        } else {
          ok = false;
          return;
        }
        ++i;
      }
      if (i >= e.size() || !token) { ok = false; return; }
      ++i;  // closing quote
      if (i < e.size() && e[i] == '*') {
        ++i;
        if (!prefix_last) { ok = false; return; }
        return;  // only the last group may have it
      }
    }
  };
  if (e.empty()) return ::testing::AssertionSuccess();
  bool ok = true;
  if (e[0] == '(') {
    ++i;
    reading(ok);
    const std::string_view middle = ") OR (";
    if (!ok || e.compare(i, middle.size(), middle) != 0) return fail("bad first reading");
    i += middle.size();
    reading(ok);
    if (!ok || i + 1 != e.size() || e[i] != ')') return fail("bad second reading");
  } else {
    reading(ok);
    if (!ok || i != e.size()) return fail("bad reading");
  }
  if (prefix_last && e.back() != '*' && e.find("*)") == std::string::npos) return fail("no prefix");
  return ::testing::AssertionSuccess();
}

TEST(FtsMatchExpression, MatchesEveryCaseInFtsTsv) {
  const auto rows = testing::load_rows("fts.tsv", 3);
  ASSERT_GE(rows.size(), 20u) << "fts.tsv lost its cases";
  for (const auto& row : rows) {
    const bool prefix = row.fields[1] == "prefix";
    EXPECT_TRUE(prefix || row.fields[1] == "-") << row.where;
    const std::string got = fts_match_expression(parse_query(row.fields[0]), prefix);
    EXPECT_EQ(got, row.fields[2]) << row.where;
    EXPECT_TRUE(follows_grammar(got, prefix)) << row.where;
  }
}

TEST(FtsMatchExpression, GrammarCheckerRejectsWhatItMust) {
  for (const char* bad : {"\"a\" OR \"b\"", "a", "\"A\"", "\"a\"\"b\"", "\"a  b\"", "\"\"", "\"a\"* \"b\"",
                          "(\"a\") OR (\"b\"", "(\"a\") AND (\"b\")", "\"a\" NOT \"b\"", "\"a:b\"", "\"a\" "}) {
    EXPECT_FALSE(follows_grammar(bad, true)) << bad;
  }
  EXPECT_FALSE(follows_grammar("\"a\"*", false));
  EXPECT_TRUE(follows_grammar("(\"a b\" \"c\"*) OR (\"d\" \"e\"*)", true));
}

// An in-memory FTS5 table holding index_text() of some articles.
class Fts5 {
 public:
  Fts5() {
    EXPECT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    exec("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'ascii')");
  }
  ~Fts5() { sqlite3_close(db_); }

  void add(std::int64_t id, std::string_view title, std::string_view body) {
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", -1, &st, nullptr), SQLITE_OK);
    const std::string t = index_text(title), b = index_text(body);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
  }

  // The ids matching `expression`, or nullopt with the error in `error` when FTS5 refuses it.
  std::optional<std::set<std::int64_t>> match(const std::string& expression, std::string* error = nullptr) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT rowid FROM docs WHERE docs MATCH ?", -1, &st, nullptr) != SQLITE_OK) {
      if (error) *error = sqlite3_errmsg(db_);
      return std::nullopt;
    }
    sqlite3_bind_text(st, 1, expression.data(), static_cast<int>(expression.size()), SQLITE_TRANSIENT);
    std::set<std::int64_t> ids;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) ids.insert(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
      if (error) *error = sqlite3_errmsg(db_);
      return std::nullopt;
    }
    return ids;
  }

  std::set<std::int64_t> search(std::string_view raw, bool prefix = false) {
    const std::string e = fts_match_expression(parse_query(raw), prefix);
    if (e.empty()) return {};
    std::string error;
    const auto ids = match(e, &error);
    EXPECT_TRUE(ids) << raw << " → " << e << ": " << error;
    return ids.value_or(std::set<std::int64_t>{});
  }

 private:
  void exec(const char* sql) { EXPECT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_); }
  sqlite3* db_ = nullptr;
};

TEST(FtsMatchExpression, FindsArticlesInARealFts5Index) {
  Fts5 fts;
  fts.add(1, "Triển khai thực hiện Nghị quyết Hội nghị lần thứ sáu", "BCH TW Đảng khóa XIII.");
  fts.add(2, "Mưa lũ ở Sơn La", "Sơn La mưa lớn, nhiều tuyến đường bị chia cắt.");
  fts.add(3, "Đường phố Hà Nội ngập nước", "Nhiều tuyến phố ngập sâu.");
  fts.add(4, "Đại dương xanh", "Bảo vệ đại dương.");
  fts.add(5, "Quyết định về chương trình nghị sự", "Kỳ họp thứ sáu.");
  fts.add(6, "La Sơn phu tử", "Nguyễn Thiếp.");
  using Ids = std::set<std::int64_t>;
  EXPECT_EQ(fts.search("nghi quyet"), (Ids{1, 5}));
  EXPECT_EQ(fts.search("NGHỊ QUYẾT"), (Ids{1, 5}));
  EXPECT_EQ(fts.search("\"nghị quyết\""), (Ids{1}));
  EXPECT_EQ(fts.search("nghij quyeets"), (Ids{1, 5}));
  EXPECT_EQ(fts.search("\"nghij quyeets\""), (Ids{1}));
  EXPECT_EQ(fts.search("nghi5 quye61t"), (Ids{1, 5}));
  EXPECT_EQ(fts.search("\"sown la\""), (Ids{2}));
  EXPECT_EQ(fts.search("\"la son\""), (Ids{6}));
  EXPECT_EQ(fts.search("dduwowngf"), (Ids{2, 3, 4}));  // đường; dương folds alike (rank.hpp sorts)
  EXPECT_EQ(fts.search("nghi quy", true), (Ids{1, 5}));
  EXPECT_EQ(fts.search("son l", true), (Ids{2, 6}));
  EXPECT_EQ(fts.search("son l"), (Ids{}));
  EXPECT_EQ(fts.search("nghi\" OR \"quyet"), (Ids{}));  // "or" is a word no article has
  EXPECT_EQ(fts.search("NOT nghi"), (Ids{}));
  EXPECT_EQ(fts.search("title:nghi"), (Ids{}));          // no column filters: "title" is a word
  EXPECT_EQ(fts.search("khóa-XIII"), (Ids{1}));
}

// The list of bad input, one by one: each gives an expression of the grammar (or
// none), and FTS5 runs it without complaint.
TEST(FtsMatchExpression, SyntaxOperatorsAndOversizedInputNeverReachFts5) {
  std::string long_input;
  while (long_input.size() < 2000 * 3) long_input += "Đường \"Sơn La\" *(): ^NEAR ";
  const std::string inputs[] = {
      "\"*():^", "nghi*", "^nghi", "title:nghi", "{title body}: nghi", "NEAR(sơn la, 2)",
      "sơn OR la", "sơn AND NOT la", "sơn + la", "-sơn", "sơn -la", "\"unbalanced", "\"\"\"",
      "'; DROP TABLE docs; --", "1 OR 1=1", "a\\b", std::string("nul\0byte", 8), "\xFF\xFE",
      "*", "(", ")", "\"", "OR", "AND", "NOT", "NEAR", long_input};
  Fts5 fts;
  fts.add(1, "Đường lên Sơn La", "nghi");
  for (const std::string& raw : inputs) {
    for (const bool prefix : {false, true}) {
      const std::string e = fts_match_expression(parse_query(raw), prefix);
      EXPECT_TRUE(follows_grammar(e, prefix)) << raw;
      if (e.empty()) continue;
      std::string error;
      EXPECT_TRUE(fts.match(e, &error)) << raw << " → " << e << ": " << error;
    }
  }
}

// Checks what parse_query and fts_match_expression make of `raw`; returns the expression.
std::string check_harmless(const std::string& raw, bool prefix) {
  const Query q = parse_query(raw);
  std::size_t terms = 0;
  for (const auto& group : q.groups) {
    EXPECT_FALSE(group.empty());
    terms += group.size();
    for (const Term& t : group) {
      EXPECT_FALSE(t.folded.empty());
      EXPECT_TRUE(text::valid_utf8(t.folded) && text::valid_utf8(t.accented));
    }
  }
  EXPECT_LE(terms, kMaxQueryTerms);
  const std::string e = fts_match_expression(q, prefix);
  EXPECT_TRUE(follows_grammar(e, prefix)) << "input: " << raw;
  return e;
}

// 20,000 strings of random bytes, then 20,000 random mixtures of syntax, operators, quotes,
// Vietnamese, Telex and ill-formed UTF-8: the query is well-formed, the expression follows the
// grammar (so it holds only [a-z0-9 "()*] and the word OR), and FTS5 accepts every tenth.
TEST(FtsMatchExpression, RandomInputGivesHarmlessExpressions) {
  const std::vector<std::string> pieces = {
      "\"", "“", "”", "«", "*", "(", ")", ":", "^", "-", "+", "'", ";", "{", "}", "[", "]", ",", ".",
      "NEAR", "AND", "OR", "NOT", "near/3", "col:", "--", "/*", "*/", "\\", "%", "_", "NULL", "\n",
      " ", " ", " ", "\t", "a", "Z", "7", "Đường", "nghị", "quyết", "Sơn", "nghij", "quyeets", "sown",
      "d9u7o7ng2", "hoaf", "u23", "Ελλάδα", "東京", "straße", "\u0301", "\u0323", "\xFF", "\x80",
      "\xE1\xBB", "\xC0\xAF", "\xED\xA0\x80", std::string(1, '\0')};
  std::mt19937 rng(20240501);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 40), bytes(0, 700), byte(0, 255);
  Fts5 fts;
  fts.add(1, "Nghị quyết", "đường Sơn La");
  int expressions = 0, ors = 0;
  for (int round = 0; round < 40000; ++round) {
    std::string raw;
    if (round < 20000) {
      for (int n = bytes(rng); n > 0; --n) raw.push_back(static_cast<char>(byte(rng)));
    } else {
      for (int n = length(rng); n > 0; --n) raw += pieces[pick(rng)];
    }
    const bool prefix = round % 2 == 0;
    const std::string e = check_harmless(raw, prefix);
    if (::testing::Test::HasFailure()) return;  // one input's report is enough
    if (e.empty()) continue;
    ++expressions;
    ors += e[0] == '(';
    if (round % 10 == 0) {
      std::string error;
      ASSERT_TRUE(fts.match(e, &error)) << e << ": " << error;
    }
  }
  EXPECT_GT(expressions, 30000);
  EXPECT_GT(ors, 500);  // the decoded alternative is exercised too
}

// ---- index_text ----------------------------------------------------------------------------

TEST(IndexText, FoldsWordsToAsciiTokens) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"Nghị quyết Hội nghị lần thứ 6", "nghi quyet hoi nghi lan thu 6"},
      {"COVID-19: 5.000 ca", "covid 19 5 000 ca"},
      {"  Đường\n\nphố  ", "duong pho"},
      {"\u0110u\u031Bo\u031B\u0300ng", "duong"},
      {"Ελλάδα và Straße 東京", "va stra e"},
      {"\"*():^ NEAR OR", "near or"},
      {"\xFF\xFE", ""},
      {"", ""},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(index_text(input), expected) << input;
}

// What the index holds and what the parser asks for are cut the same way: any text, searched
// as a quoted phrase of itself, finds itself.
TEST(IndexText, EveryTextIsFoundByItsOwnPhrase) {
  const std::vector<std::string> pieces = {
      "Nghị", "quyết", "HỘI", "nghị", "Đường", "sơn", "La", "2017", "U23", "COVID", "19", "5.000",
      "khóa", "XIII", "\u0110o\u0302\u0300ng", "Ελλάδα", "東京", "straße", "ﬁ", "İstanbul", "Ǆ",
      " ", " ", " ", ", ", ". ", " - ", "\n", "(", ")", ":", "*", "'", "\xFF", "nghij", "d9"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 30);
  Fts5 fts;
  std::vector<std::string> texts;
  for (int i = 0; i < 500; ++i) {
    std::string t;
    for (int n = length(rng); n > 0; --n) t += pieces[pick(rng)];
    texts.push_back(t);
    fts.add(i + 1, "", t);
  }
  int searched = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string e = fts_match_expression(parse_query("\"" + texts[i] + "\""), false);
    if (e.empty()) {
      EXPECT_EQ(index_text(texts[i]), "") << texts[i];
      continue;
    }
    ++searched;
    std::string error;
    const auto ids = fts.match(e, &error);
    ASSERT_TRUE(ids) << error;
    EXPECT_TRUE(ids->count(static_cast<std::int64_t>(i + 1))) << texts[i] << " → " << e;
  }
  EXPECT_GT(searched, 400);
}

// ---- speed ---------------------------------------------------------------------------------

// parse_query + fts_match_expression (which decodes Telex/VNI) for typical three-word queries.
TEST(QuerySpeed, TypicalQueryTakesUnderTwentyMicroseconds) {
  const std::string_view queries[] = {"nghi quyet hoi", "Nghị quyết Hội", "nghij quyeets hooij",
                                      "nghi5 quye61t ho65i"};
  for (const std::string_view raw : queries) {
    std::vector<double> batches;
    std::size_t sink = 0;
    for (int b = 0; b < 21; ++b) {
      const auto start = std::chrono::steady_clock::now();
      for (int i = 0; i < 500; ++i) sink += fts_match_expression(parse_query(raw), i % 2 == 0).size();
      const std::chrono::duration<double, std::micro> spent = std::chrono::steady_clock::now() - start;
      batches.push_back(spent.count() / 500);
    }
    std::sort(batches.begin(), batches.end());
    const double median = batches[batches.size() / 2];
    std::cout << "[ timing   ] \"" << raw << "\": " << median << " us per query (median of 21 x 500)\n";
    RecordProperty(std::string(raw), std::to_string(median));
    EXPECT_GT(sink, 0u);
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    EXPECT_LT(median, 20.0) << raw;  // optimised builds only; sanitizers and -O0 are slower
#endif
  }
}

}  // namespace
}  // namespace toasoan::search
