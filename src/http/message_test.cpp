#include "http/message.hpp"

#include <gtest/gtest.h>

namespace toasoan::http {
namespace {

TEST(QueryParam, DecodesPercentAndPlus) {
  EXPECT_EQ(query_param("q=ngh%E1%BB%8B+quy%E1%BA%BFt&page=2", "q"), "nghị quyết");
  EXPECT_EQ(query_param("q=a&page=2", "page"), "2");
  EXPECT_EQ(query_param("q=a", "page"), "");
  EXPECT_EQ(query_param("flag&q=x", "flag"), "");
  EXPECT_EQ(query_param("q=%zz", "q"), "%zz");
}

TEST(PercentDecode, RejectsBrokenEscapesAndNul) {
  std::string out;
  EXPECT_TRUE(percent_decode("th%E1%BB%9Di", out, false));
  EXPECT_EQ(out, "thời");
  EXPECT_FALSE(percent_decode("%", out, false));
  EXPECT_FALSE(percent_decode("%4", out, false));
  EXPECT_FALSE(percent_decode("a%00b", out, false));
  EXPECT_TRUE(percent_decode("a+b", out, false));
  EXPECT_EQ(out, "a+b");
}

TEST(EtagMatches, ComparesWeaklyAcrossAList) {
  EXPECT_TRUE(etag_matches("\"abc\"", "\"abc\""));
  EXPECT_TRUE(etag_matches("W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(etag_matches("\"x\", \"abc\"", "\"abc\""));
  EXPECT_TRUE(etag_matches("*", "\"abc\""));
  EXPECT_FALSE(etag_matches("\"abd\"", "\"abc\""));
  EXPECT_FALSE(etag_matches("", "\"abc\""));
}

TEST(PreferredEncoding, PicksBrotliThenGzipAndHonoursQZero) {
  EXPECT_EQ(preferred_encoding("gzip, deflate, br"), Encoding::brotli);
  EXPECT_EQ(preferred_encoding("gzip"), Encoding::gzip);
  EXPECT_EQ(preferred_encoding("br;q=0, gzip;q=0.5"), Encoding::gzip);
  EXPECT_EQ(preferred_encoding(""), Encoding::identity);
  EXPECT_EQ(preferred_encoding("identity"), Encoding::identity);
}

TEST(RequestHeader, LooksUpCaseInsensitively) {
  Request r;
  r.headers = {{"Accept-Encoding", "gzip"}, {"Host", "x"}};
  EXPECT_EQ(r.header("accept-encoding"), "gzip");
  EXPECT_EQ(r.header("If-None-Match"), "");
}

}  // namespace
}  // namespace toasoan::http
