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
