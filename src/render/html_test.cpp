#include "render/html.hpp"

#include <gtest/gtest.h>

namespace toasoan::render {
namespace {

using namespace literals;

TEST(Html, EscapesTextByDefault) {
  Html h;
  std::string title = "<script>alert('x')</script> & \"Đảng\"";
  h << "<h1>"_html << title << "</h1>"_html;
  EXPECT_EQ(h.str(), "<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Đảng&quot;</h1>");
}

TEST(Html, EscapesPlainCStringsToo) {
  Html h;
  h << "<b>";  // not a _html literal, so it is text
  EXPECT_EQ(h.str(), "&lt;b&gt;");
}

TEST(Html, KeepsVietnameseBytesIntact) {
  Html h;
  h << std::string_view("Bạn còn 500/500 ký tự");
  EXPECT_EQ(h.str(), "Bạn còn 500/500 ký tự");
}

// Text is passed over eight bytes at a time: a character to escape is caught wherever it
// stands in such a step, side by side with another, or in the short tail.
TEST(Html, EscapesEachSpecialCharacterWhereverItStandsInALongText) {
  const std::string base = "Đà Nẵng mưa lớn, sông Hàn dâng cao";  // 43 bytes, ASCII and not
  for (std::string_view special : {"&", "<", ">", "\"", "'", "<>"}) {
    for (std::size_t at = 0; at <= base.size(); ++at) {
      std::string text = base;
      text.insert(at, special);
      std::string expected;
      for (char c : text) {
        switch (c) {
          case '&': expected += "&amp;"; break;
          case '<': expected += "&lt;"; break;
          case '>': expected += "&gt;"; break;
          case '"': expected += "&quot;"; break;
          case '\'': expected += "&#39;"; break;
          default: expected += c;
        }
      }
      Html h;
      h << text;
      EXPECT_EQ(h.str(), expected) << "\"" << special << "\" at byte " << at;
    }
  }
}

TEST(Html, JsonScriptReplacesEveryAngleBracketAndAmpersandOfALongDocument) {
  Html h;
  h.json_script(R"({"name":"Báo Đồi Mây & bạn đọc","x":"a<b>c","y":"&&<<>>"})");
  EXPECT_EQ(h.str(), R"({"name":"Báo Đồi Mây \u0026 bạn đọc","x":"a\u003cb\u003ec","y":"\u0026\u0026\u003c\u003c\u003e\u003e"})");
}

TEST(Xml, EscapesLikeHtmlAndDropsWhatXmlHasNoPlaceFor) {
  Xml x;
  x << "<title>"_html << std::string_view("Tin\x01 \"nóng\"\x0b & mới\r\n\tĐà\xEF\xBF\xBF Nẵng\xEF\xBF\xBE") << "</title>"_html;
  EXPECT_EQ(x.str(), "<title>Tin &quot;nóng&quot; &amp; mới\n\tĐà Nẵng</title>");
}

TEST(Xml, DropsEveryByteOfIllFormedUtf8AndKeepsTheRest) {
  Xml x;
  // A lone continuation byte, a truncated sequence, an overlong "/", a surrogate, and a
  // four-byte emoji that is fine.
  x << std::string_view("a\x80" "b\xE1\xBA" "c\xC0\xAF" "d\xED\xA0\x80" "e\xF0\x9F\x98\x80");
  EXPECT_EQ(x.str(), "abcde\xF0\x9F\x98\x80");
}

TEST(Xml, KeepsCharactersNearTheDroppedOnes) {
  Xml x;
  x << std::string_view("\xEF\xBF\xBD\xEF\xBC\x81\x7f");  // U+FFFD, U+FF01, DEL: all allowed
  EXPECT_EQ(x.str(), "\xEF\xBF\xBD\xEF\xBC\x81\x7f");
}

TEST(Html, AppendsAnotherBuildersOutputAsMarkup) {
  Html inner;
  inner << "<p>"_html << "a<b" << "</p>"_html;
  Html outer;
  outer << "<div>"_html << inner << "</div>"_html;
  EXPECT_EQ(outer.str(), "<div><p>a&lt;b</p></div>");
}

TEST(Html, JsonScriptCannotCloseItsElement) {
  Html h;
  h.json_script(R"({"headline":"</script><script>alert(1)</script> & co"})");
  EXPECT_EQ(h.str().find("</script>"), std::string::npos);
  EXPECT_EQ(h.str(), R"({"headline":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 co"})");
}

TEST(Html, WritesNumbers) {
  Html h;
  h << 42 << std::int64_t{-7};
  EXPECT_EQ(h.str(), "42-7");
}

}  // namespace
}  // namespace toasoan::render
