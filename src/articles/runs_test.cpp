#include "articles/runs.hpp"

#include <gtest/gtest.h>

#include "articles/limits.hpp"

namespace toasoan::articles {
namespace {

TEST(AllowedLink, TakesWebAndMailAddressesInAnyCase) {
  for (const char* ok : {"https://baodoimay.vn/thoi-su/", "http://example.com/a?b=c&d=e", "HTTPS://EXAMPLE.COM",
                         "mailto:toasoan@baodoimay.vn", "https://vi.wikipedia.org/wiki/Hà_Nội"})
    EXPECT_TRUE(allowed_link(ok)) << ok;
}

TEST(AllowedLink, RefusesSchemesThatRunCodeAndAddressesThatHideThings) {
  for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "vbscript:msgbox",
                          " javascript:alert(1)", " https://example.com", "https://exa mple.com", "https://a\tb",
                          "https://a\nb", "/thoi-su/", "example.com", "https://", "mailto:", "",
                          "https://a\xC2\xA0" "b", "https://a\xE2\x80\xAE" "b", "https://a\xC2\x85", "https://\xFF"})
    EXPECT_FALSE(allowed_link(bad)) << bad;
  EXPECT_TRUE(allowed_link("https://a.vn/" + std::string(limits::kLinkBytes - 13, 'x')));
  EXPECT_FALSE(allowed_link("https://a.vn/" + std::string(limits::kLinkBytes - 12, 'x')));
}

TEST(CanonicaliseRuns, JoinsNeighboursWithTheSameMarksAndDropsEmptyOnes) {
  std::vector<articles::Run> runs{{"Một ", false, false, ""}, {"", true, false, ""}, {"hai ", false, false, ""},
                        {"ba", true, false, ""}, {" bốn", true, false, ""}};
  ASSERT_TRUE(canonicalise_runs(runs, true));
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0], (articles::Run{"Một hai ", false, false, ""}));
  EXPECT_EQ(runs[1], (articles::Run{"ba bốn", true, false, ""}));
}

TEST(CanonicaliseRuns, RefusesARunThatSplitsALetterFromItsMark) {
  // "Nghi" in italics, then the combining dot below in bold: no browser can draw that letter.
  std::vector<articles::Run> runs{{"Nghi", false, true, ""}, {"\xCC\xA3", true, false, ""}};
  EXPECT_FALSE(canonicalise_runs(runs, true));
}

}  // namespace
}  // namespace toasoan::articles
