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

TEST(QueryParam, ReplacesInvalidUtf8WithReplacementCharacters) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(query_param("q=%FF", "q"), fffd);
  EXPECT_EQ(query_param("q=a%C3", "q"), "a" + fffd);
  EXPECT_EQ(query_param("q=%C3b", "q"), fffd + "b");
  // A truncated three-byte sequence is one subpart; each stray continuation is its own.
  EXPECT_EQ(query_param("q=%E1%BB", "q"), fffd);
  EXPECT_EQ(query_param("q=%80%80", "q"), fffd + fffd);
  // Overlong forms and surrogates are ill-formed too.
  EXPECT_EQ(query_param("q=%C0%AF", "q"), fffd + fffd);
  EXPECT_EQ(query_param("q=%ED%A0%80", "q"), fffd + fffd + fffd);
  // Raw bytes, and a value whose escape is broken, are checked as well.
  EXPECT_EQ(query_param("q=\xFF%zz", "q"), fffd + "%zz");
  EXPECT_EQ(find_query_param("q=%F0%9F%98%80", "q"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(query_param("q=ngh%E1%BB%8B", "q"), "nghị");
}

TEST(IntParam, GivesTheFallbackOnlyWhenTheParameterIsAbsent) {
  EXPECT_EQ(int_param("q=a", "page", 1, 1, 1000), 1);
  EXPECT_EQ(int_param("", "per_page", 20, 1, 100), 20);
  EXPECT_EQ(int_param("pages=3", "page", 1, 1, 1000), 1);  // another name
  EXPECT_EQ(int_param("page=", "page", 1, 1, 1000), std::nullopt);
  EXPECT_EQ(int_param("page", "page", 1, 1, 1000), std::nullopt);
}

TEST(IntParam, ReadsDigitsWithinTheBounds) {
  EXPECT_EQ(int_param("q=a&page=7", "page", 1, 1, 1000), 7);
  EXPECT_EQ(int_param("page=1", "page", 5, 1, 1000), 1);
  EXPECT_EQ(int_param("page=1000", "page", 1, 1, 1000), 1000);
  EXPECT_EQ(int_param("page=%32", "page", 1, 1, 1000), 2);  // percent-encoded like any value
  EXPECT_EQ(int_param("page=0", "page", 1, 0, 10), 0);
}

TEST(IntParam, RefusesEverythingElse) {
  EXPECT_EQ(int_param("page=007", "page", 1, 1, 1000), std::nullopt) << "one number, one spelling: one cached page";
  for (const char* q : {"page=0", "page=1001", "page=-1", "page=+2", "page=2x", "page=abc", "page=%202",
                        "page=2%20", "page=1.5", "page=99999999999999999999", "page=%zz"})
    EXPECT_EQ(int_param(q, "page", 1, 1, 1000), std::nullopt) << q;
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

TEST(Qvalue, ReadsOnlyTheFormsRfc9110Allows) {
  EXPECT_EQ(parse_qvalue("0"), 0);
  EXPECT_EQ(parse_qvalue("0."), 0);
  EXPECT_EQ(parse_qvalue("0.5"), 500);
  EXPECT_EQ(parse_qvalue("0.125"), 125);
  EXPECT_EQ(parse_qvalue("1"), 1000);
  EXPECT_EQ(parse_qvalue("1.000"), 1000);
  for (std::string_view bad : {"", "nan", "NaN", "inf", "-1", "-0", "1.5", "1.001", "0.0001", "2", ".5", " 0.5",
                               "0.5 ", "0,5", "+1", "1e0", "0x1"})
    EXPECT_EQ(parse_qvalue(bad), std::nullopt) << bad;
}

TEST(PreferredEncoding, MalformedWeightMeansTheCodingIsNotAccepted) {
  EXPECT_EQ(preferred_encoding("br;q=nan"), Encoding::identity);
  EXPECT_EQ(preferred_encoding("br;q=nan, gzip"), Encoding::gzip);
  EXPECT_EQ(preferred_encoding("br;q=inf, gzip;q=0.5"), Encoding::gzip);
  EXPECT_EQ(preferred_encoding("br;q=-1"), Encoding::identity);
  EXPECT_EQ(preferred_encoding("br;q=1.5"), Encoding::identity);
  EXPECT_EQ(preferred_encoding("br;q=0.0001"), Encoding::identity);
  EXPECT_EQ(preferred_encoding("br;q="), Encoding::identity);
  EXPECT_EQ(preferred_encoding("br;q= 0.5"), Encoding::identity);
  EXPECT_EQ(preferred_encoding("gzip;q=0.0"), Encoding::identity);
}

TEST(PreferredEncoding, WellFormedWeightsWithSpacesAroundTheSemicolonAreHonoured) {
  EXPECT_EQ(preferred_encoding("br ; q=0.5"), Encoding::brotli);
  EXPECT_EQ(preferred_encoding("gzip;Q=1.0"), Encoding::gzip);
  EXPECT_EQ(preferred_encoding("br;q=0.001"), Encoding::brotli);
  EXPECT_EQ(preferred_encoding(" gzip ;q=1 , br;q=0"), Encoding::gzip);
}

TEST(RequestHeader, LooksUpCaseInsensitively) {
  Request r;
  r.headers = {{"Accept-Encoding", "gzip"}, {"Host", "x"}};
  EXPECT_EQ(r.header("accept-encoding"), "gzip");
  EXPECT_EQ(r.header("If-None-Match"), "");
}

}  // namespace
}  // namespace toasoan::http

namespace toasoan::http {
namespace {

using Kind = RangeRequest::Kind;

TEST(ParseRange, ReadsTheThreeSingleRangeForms) {
  auto r = parse_range("bytes=0-99", 1000);
  EXPECT_EQ(r.kind, Kind::partial);
  EXPECT_EQ(r.range, (ByteRange{0, 99}));
  EXPECT_EQ(r.range.length(), 100u);
  EXPECT_EQ(parse_range("bytes=900-", 1000).range, (ByteRange{900, 999}));
  EXPECT_EQ(parse_range("bytes=-100", 1000).range, (ByteRange{900, 999}));
  EXPECT_EQ(parse_range("bytes=-5000", 1000).range, (ByteRange{0, 999}));  // more than there is: all of it
  EXPECT_EQ(parse_range("bytes=990-5000", 1000).range, (ByteRange{990, 999}));
  EXPECT_EQ(parse_range("Bytes=1-1", 1000).range, (ByteRange{1, 1}));
}

TEST(ParseRange, StartPastTheEndIsUnsatisfiable) {
  EXPECT_EQ(parse_range("bytes=1000-", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=2000-3000", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=-0", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=0-", 0).kind, Kind::unsatisfiable);
}

TEST(ParseRange, IgnoresWhatItDoesNotServe) {
  EXPECT_EQ(parse_range("", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("items=0-1", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=0-1,5-9", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=9-1", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=a-b", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=-", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=99999999999999999999-", 1000).kind, Kind::whole);
}

TEST(Stream, RefusesWritesAfterClose) {
  Stream s;
  EXPECT_TRUE(s.write("data: 1\n\n"));
  s.close();
  EXPECT_TRUE(s.closed());
  EXPECT_FALSE(s.write("data: 2\n\n"));
}

TEST(Stream, AReaderTooSlowClosesTheStream) {
  Stream s;
  std::string piece(64 * 1024, 'x');
  int accepted = 0;
  while (s.write(piece)) ++accepted;
  EXPECT_EQ(accepted, static_cast<int>(Stream::kMaxQueuedBytes / piece.size()));
  EXPECT_TRUE(s.closed());
}

TEST(Deferred, OnlyTheFirstFinishCounts) {
  Deferred d;
  EXPECT_FALSE(d.done());
  Response first;
  first.body = "first";
  EXPECT_TRUE(d.finish(std::move(first)));
  EXPECT_TRUE(d.done());
  EXPECT_FALSE(d.finish(Response{}));
}

TEST(Stream, QueuedShowsWhatWasWrittenAndNotYetSent) {
  Stream s;
  s.write("data: 1\n\n");
  s.write("data: 2\n\n");
  EXPECT_EQ(s.queued(), "data: 1\n\ndata: 2\n\n");
}

TEST(RequestParam, FindsCapturesByName) {
  Request r;
  r.params = {{"id", "42"}};
  EXPECT_EQ(r.param("id"), "42");
  EXPECT_EQ(r.param("slug"), "");
}

}  // namespace
}  // namespace toasoan::http

namespace toasoan::http {
namespace {

TEST(Cookie, FindsANamedCookieInAnyCookieHeaderAndNothingByAPrefix) {
  Request req;
  req.headers = {{"cookie", "a=1; toasoan_reader_x=no"}, {"Cookie", " toasoan_reader = abc ;b=2"}};
  EXPECT_EQ(cookie(req, "toasoan_reader"), "abc");
  EXPECT_EQ(cookie(req, "b"), "2");
  EXPECT_EQ(cookie(req, "toasoan"), "");
}

}  // namespace
}  // namespace toasoan::http
