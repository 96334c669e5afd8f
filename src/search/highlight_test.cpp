#include "search/highlight.hpp"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "search/test_support.hpp"
#include "text/count.hpp"
#include "text/utf8.hpp"

namespace toasoan::search {
namespace {

std::string highlighted(std::string_view query, std::string_view title) {
  render::Html out;
  highlight(out, title, parse_query(query));
  return out.take();
}

std::string snipped(std::string_view query, std::string_view text, std::size_t max_chars) {
  render::Html out;
  snippet(out, text, parse_query(query), max_chars);
  return out.take();
}

// The text a reader sees: tags dropped, the five entities render::escape writes undone.
std::string visible(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      i = html.find('>', i);
      continue;
    }
    if (html[i] == '&') {
      const std::size_t end = html.find(';', i);
      const std::string_view entity = html.substr(i, end - i + 1);
      out += entity == "&amp;" ? "&" : entity == "&lt;" ? "<" : entity == "&gt;" ? ">"
           : entity == "&quot;" ? "\"" : "'";
      i = end;
      continue;
    }
    out.push_back(html[i]);
  }
  return out;
}

// ---- highlight -----------------------------------------------------------------------------

TEST(Highlight, MatchesEveryCaseInHighlightTsv) {
  const auto rows = testing::load_rows("highlight.tsv", 3);
  ASSERT_GE(rows.size(), 20u) << "highlight.tsv lost its cases";
  for (const auto& row : rows) {
    EXPECT_EQ(highlighted(row.fields[0], row.fields[1]), row.fields[2]) << row.where;
    EXPECT_EQ(highlighted(row.fields[0], testing::nfd(row.fields[1])), row.fields[2]) << row.where << " (NFD)";
  }
}

TEST(Highlight, IllFormedTextIsShownWithReplacementCharacters) {
  // The stray byte splits "Sơn" into "S", U+FFFD, "ơn".
  EXPECT_EQ(highlighted("on", "S\xFFơn s\xC6\xA1n"), "S\uFFFD<mark>ơn</mark> sơn");
}

// ---- snippet -------------------------------------------------------------------------------

TEST(Snippet, ShortTextIsShownWholeWithMarks) {
  EXPECT_EQ(snipped("nghi quyet", "Nghị quyết Hội nghị.", 200),
            "<mark>Nghị</mark> <mark>quyết</mark> Hội <mark>nghị</mark>.");
  EXPECT_EQ(snipped("xyz", "Nghị quyết.", 200), "Nghị quyết.");
}

TEST(Snippet, WhiteSpaceRunsBecomeOneSpace) {
  EXPECT_EQ(snipped("la", "  Sơn\n\nLa\t mưa \u00A0 lũ ", 200), "Sơn <mark>La</mark> mưa lũ");
}

std::string words(const char* word, int count) {
  std::string s;
  for (int i = 0; i < count; ++i) s += (i ? " " : "") + std::string(word);
  return s;
}

TEST(Snippet, CutsAtWordBoundariesWithEllipsesAtCutEnds) {
  const std::string text = words("một", 30) + " Nghị quyết " + words("hai", 30);
  const std::string got = snipped("nghi quyet", text, 40);
  EXPECT_NE(got.find("<mark>Nghị</mark> <mark>quyết</mark>"), std::string::npos) << got;
  EXPECT_EQ(got.rfind("…", 0), 0u) << got;  // starts with …
  EXPECT_EQ(got.substr(got.size() - 3), "…") << got;
  const std::string shown = visible(got);
  EXPECT_LE(text::count_chars(shown), 40u) << shown;
  // Whole words only: between the ellipses, every word is one of the text's.
  const std::string inner = shown.substr(3, shown.size() - 6);
  EXPECT_EQ(inner.front() == ' ' || inner.back() == ' ', false) << shown;
  for (std::size_t i = 0, j; i < inner.size(); i = j + 1) {
    j = std::min(inner.find(' ', i), inner.size());
    const std::string w = inner.substr(i, j - i);
    EXPECT_TRUE(w == "một" || w == "hai" || w == "Nghị" || w == "quyết") << "[" << w << "] in " << shown;
  }
}

TEST(Snippet, LeavesSomeContextBeforeTheFirstMatch) {
  const std::string text = words("một", 40) + " Sơn La " + words("hai", 40);
  const std::string shown = visible(snipped("son la", text, 90));
  const std::size_t at = shown.find("Sơn La");
  ASSERT_NE(at, std::string::npos) << shown;
  EXPECT_GE(text::count_chars(shown.substr(0, at)), 10u) << shown;  // about a third of the room
  EXPECT_GE(text::count_chars(shown.substr(at)), 40u) << shown;
}

TEST(Snippet, PrefersTheWindowWithMoreDistinctQueryWords) {
  // Early: "nghị" five times. Later: "nghị quyết" once, which holds both words.
  const std::string text = "Nghị nghị nghị nghị nghị " + words("một", 40) + " nghị quyết " + words("hai", 40);
  const std::string got = snipped("nghi quyet", text, 60);
  EXPECT_NE(got.find("<mark>nghị</mark> <mark>quyết</mark>"), std::string::npos) << got;
  EXPECT_EQ(got.find("<mark>Nghị</mark>"), std::string::npos) << got;
}

TEST(Snippet, AmongEquallyDistinctWindowsPrefersMoreMatchesThenTheEarliest) {
  const std::string text = "quyết " + words("một", 40) + " quyết quyết " + words("hai", 40) + " quyết quyết";
  const std::string got = snipped("quyet", text, 50);
  EXPECT_NE(got.find("<mark>quyết</mark> <mark>quyết</mark> hai"), std::string::npos) << got;
}

TEST(Snippet, PhrasesCountOnlyWhenWhole) {
  // The window must show "Sơn La" together, not the lone "Sơn" that comes first.
  const std::string text = "Sơn " + words("một", 40) + " Sơn La " + words("hai", 40);
  const std::string got = snipped("\"son la\"", text, 50);
  EXPECT_NE(got.find("<mark>Sơn</mark> <mark>La</mark>"), std::string::npos) << got;
  EXPECT_EQ(got.find("Sơn một"), std::string::npos) << got;
}

TEST(Snippet, WithoutMatchesShowsTheStart) {
  const std::string text = words("một", 100);
  const std::string got = snipped("xyz", text, 30);
  EXPECT_EQ(got.rfind("một một", 0), 0u) << got;
  EXPECT_EQ(got.substr(got.size() - 3), "…") << got;
  EXPECT_LE(text::count_chars(visible(got)), 30u);
  EXPECT_EQ(snipped("", text, 30), got);
}

TEST(Snippet, AWordLongerThanTheRoomIsCutInside) {
  const std::string text = "Mở đầu " + std::string(300, 'x') + " kết";
  const std::string got = snipped(std::string(300, 'x'), text, 20);
  EXPECT_EQ(got, "…<mark>" + std::string(18, 'x') + "</mark>…");
  EXPECT_EQ(snipped("abc", std::string(300, 'y'), 10), std::string(8, 'y') + "…");
}

TEST(Snippet, EscapesTheArticleText) {
  const std::string text = words("một", 30) + " <script>alert('Sơn La')</script> & " + words("hai", 30);
  const std::string got = snipped("son", text, 60);
  EXPECT_EQ(got.find("<script"), std::string::npos) << got;
  EXPECT_NE(got.find("script&gt;alert(&#39;<mark>Sơn</mark> La&#39;)&lt;/script&gt; &amp;"), std::string::npos) << got;
}

TEST(Snippet, DecomposedTextComesOutNfcWithMarks) {
  EXPECT_EQ(snipped("nghi quyet", "Nghi\u0323 quye\u0302\u0301t", 200), "<mark>Nghị</mark> <mark>quyết</mark>");
}

TEST(Snippet, TelexQueriesMarkTheDecodedWords) {
  const std::string text = words("một", 30) + " Nghị quyết " + words("hai", 30);
  EXPECT_NE(snipped("nghij quyeets", text, 50).find("<mark>Nghị</mark> <mark>quyết</mark>"), std::string::npos);
}

// Any text and query: the visible snippet fits in max(max_chars, 3) characters, is NFC, is a
// run of the (space-collapsed) text apart from the ellipses, and marks are balanced.
TEST(Snippet, RandomTextsStayWithinTheLimit) {
  const std::vector<std::string> pieces = {
      "Nghị", "quyết", "Sơn", "La", "đường", "dương", " ", " ", " ", ", ", ".", "\n\n", "<", "&", "'",
      "\"", "x", "2017", "\u0301", "\xFF", "東京", "Ελλάδα", std::string(40, 'z'), "—", "…"};
  const std::vector<std::string> queries = {"nghi quyet", "\"sơn la\"", "duong", "zzzz", "", "nghij",
                                            std::string(40, 'z'), "x 2017"};
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), query(0, queries.size() - 1);
  std::uniform_int_distribution<int> length(0, 120), limit(0, 120);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    const std::size_t max_chars = static_cast<std::size_t>(limit(rng));
    const std::string html = snipped(queries[query(rng)], text, max_chars);
    const std::string shown = visible(html);
    ASSERT_LE(text::count_chars(shown), std::max<std::size_t>(max_chars, 3)) << text << " | " << html;
    ASSERT_TRUE(text::valid_utf8(html));
    ASSERT_EQ(text::nfc(html), html);
    // The only markup is balanced <mark>…</mark>.
    std::size_t opened = 0, closed = 0;
    for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
      if (html.compare(i, 6, "<mark>") == 0) {
        ++opened;
      } else if (html.compare(i, 7, "</mark>") == 0) {
        ++closed;
      } else {
        FAIL() << "markup other than <mark> in " << html;
      }
      ASSERT_LE(closed, opened) << html;
      ASSERT_LE(opened, closed + 1) << html;
    }
    ASSERT_EQ(opened, closed) << html;
  }
}

TEST(FindsEveryGroup, AsksForEveryWordOrPhraseInAnyOfItsReadings) {
  const std::string lead = "Tỉnh ủy quán triệt Nghị quyết Hội nghị lần thứ sáu.";
  EXPECT_TRUE(finds_every_group(lead, parse_query("nghi quyet hoi nghi")));
  EXPECT_TRUE(finds_every_group(lead, parse_query("\"hoi nghi lan thu sau\"")));
  EXPECT_TRUE(finds_every_group(lead, parse_query("nghij quyeets")));  // Telex, decoded
  EXPECT_FALSE(finds_every_group(lead, parse_query("nghi quyet son la")));
  EXPECT_FALSE(finds_every_group(lead, parse_query("\"nghi quyet lan\"")));  // not side by side
  EXPECT_FALSE(finds_every_group("", parse_query("nghi")));
}

}  // namespace
}  // namespace toasoan::search
