#include "text/controls.hpp"

#include <gtest/gtest.h>

#include "text/utf8.hpp"

namespace toasoan::text {
namespace {

TEST(StripControls, TakesOutTheControlsXmlRefuses) {
  EXPECT_EQ(strip_controls("Tin\x01 n\x0bóng\x1f"), "Tin nóng");
  EXPECT_EQ(strip_controls(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(strip_controls("\x7f"), "\x7f");  // DEL is allowed in XML 1.0
}

TEST(StripControls, KeepsTabAndNewline) {
  EXPECT_EQ(strip_controls("Hà Nội\tSài Gòn\nĐà Nẵng"), "Hà Nội\tSài Gòn\nĐà Nẵng");
}

TEST(StripControls, TurnsCrlfIntoLf) {
  EXPECT_EQ(strip_controls("dòng một\r\ndòng hai\r\n"), "dòng một\ndòng hai\n");
  EXPECT_EQ(strip_controls("a\rb"), "ab");
}

TEST(StripControls, TakesOutTheNoncharactersFffeAndFfff) {
  EXPECT_EQ(strip_controls("Đồi\xEF\xBF\xBF Mây\xEF\xBF\xBE"), "Đồi Mây");
  EXPECT_EQ(strip_controls("\xEF\xBF\xBD"), "\xEF\xBF\xBD");  // U+FFFD itself stays
  EXPECT_EQ(strip_controls("\xEF\xBC\x81"), "\xEF\xBC\x81");  // U+FF01, the same lead byte
}

TEST(StripControls, ReplacesIllFormedBytesAsNfcDoes) {
  std::string broken = "a\xC3" "b\xFF";
  EXPECT_EQ(strip_controls(broken), nfc(broken));
  EXPECT_TRUE(valid_utf8(strip_controls(broken)));
}

TEST(StripControls, LeavesCleanTextAsItIs) {
  const std::string s = "Sáng 25/11, UBND tỉnh Đồi Mây tổ chức hội nghị 😀";
  EXPECT_EQ(strip_controls(s), s);
  EXPECT_EQ(strip_controls(""), "");
}

TEST(StripControls, StrippingFirstLetsALetterComposeWithItsMark) {
  // "e", a control, then U+0301 COMBINING ACUTE: stripped first, NFC makes "é" (U+00E9).
  EXPECT_EQ(nfc(strip_controls("e\x01\xCC\x81")), "\xC3\xA9");
}

}  // namespace
}  // namespace toasoan::text
