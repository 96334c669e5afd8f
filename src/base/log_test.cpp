#include "base/log.hpp"

#include <gtest/gtest.h>

#include <string>

namespace toasoan::log {
namespace {

std::string escaped(std::string_view s) {
  std::string out;
  append_escaped(out, s);
  return out;
}

TEST(LogEscape, PlainAsciiIsUnchanged) { EXPECT_EQ(escaped("/thoi-su/?page=2&q=a+b"), "/thoi-su/?page=2&q=a+b"); }

// A target such as `/" 200 0 1us\n... access 10.0.0.1 "GET /admin` must not end the field
// or the line early and pass for a second request.
TEST(LogEscape, QuotesBackslashesAndControlsCannotForgeFieldsOrLines) {
  EXPECT_EQ(escaped("/a\" 200 1 1us"), "/a\\\" 200 1 1us");
  EXPECT_EQ(escaped("/a\\\"b"), "/a\\\\\\\"b");
  EXPECT_EQ(escaped("/a\r\nb"), "/a\\x0D\\x0Ab");
  EXPECT_EQ(escaped(std::string("/\0x", 3)), "/\\x00x");
  EXPECT_EQ(escaped("\x1b[31m\x7f"), "\\x1B[31m\\x7F");
}

TEST(LogEscape, ValidUtf8StaysReadable) { EXPECT_EQ(escaped("/thời-sự/Đà-Nẵng"), "/thời-sự/Đà-Nẵng"); }

TEST(LogEscape, BytesThatAreNotValidUtf8AreWrittenInHex) {
  EXPECT_EQ(escaped("/\xff\xfe"), "/\\xFF\\xFE");
  EXPECT_EQ(escaped("/\xc3"), "/\\xC3");             // cut short
  EXPECT_EQ(escaped("/\xc3("), "/\\xC3(");           // bad continuation
  EXPECT_EQ(escaped("/\xc0\xaf"), "/\\xC0\\xAF");    // overlong '/'
  EXPECT_EQ(escaped("/\xed\xa0\x80"), "/\\xED\\xA0\\x80");  // a surrogate
  EXPECT_EQ(escaped("/\xf4\x90\x80\x80"), "/\\xF4\\x90\\x80\\x80");  // beyond U+10FFFF
  EXPECT_EQ(escaped("\x80"), "\\x80");
}

TEST(LogEscape, C1ControlsAreWrittenInHex) { EXPECT_EQ(escaped("/\xc2\x9b" "31m"), "/\\xC2\\x9B31m"); }

}  // namespace
}  // namespace toasoan::log
