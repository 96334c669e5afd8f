#include "search/query.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
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
}

// ---- speed ---------------------------------------------------------------------------------

// parse_query (which also works out the Telex/VNI reading) for typical three-word queries.
TEST(QuerySpeed, TypicalQueryTakesUnderTwentyMicroseconds) {
  const std::string_view queries[] = {"nghi quyet hoi", "Nghị quyết Hội", "nghij quyeets hooij",
                                      "nghi5 quye61t ho65i"};
  for (const std::string_view raw : queries) {
    std::vector<double> batches;
    std::size_t sink = 0;
    for (int b = 0; b < 21; ++b) {
      const auto start = std::chrono::steady_clock::now();
      for (int i = 0; i < 500; ++i) {
        const Query q = parse_query(raw);
        sink += q.groups.size() + q.decoded.size();
      }
      const std::chrono::duration<double, std::micro> spent = std::chrono::steady_clock::now() - start;
      batches.push_back(spent.count() / 500);
    }
    std::sort(batches.begin(), batches.end());
    const double median = batches[batches.size() / 2];
    std::cout << "[ timing   ] \"" << raw << "\": " << median << " us per query (median of 21 x 500)\n";
    RecordProperty(std::string(raw), std::to_string(median));
    EXPECT_GT(sink, 0u);
#if defined(NDEBUG) && !defined(TOASOAN_SANITIZED)
    EXPECT_LT(median, 20.0) << raw;  // optimised builds only; sanitizers and -O0 are slower
#endif
  }
}

}  // namespace
}  // namespace toasoan::search
