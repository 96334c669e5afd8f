#include "http/request_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace toasoan::http {
namespace {

RequestHead plain_get() {
  RequestHead h;
  h.target = "/thoi-su/";
  h.fields = 2;
  h.hosts = 1;
  return h;
}

TEST(JudgeHead, AnOrdinaryRequestGoesOn) {
  HeadVerdict v = judge_head(plain_get(), Limits{}, RouteOptions{});
  EXPECT_EQ(v.refuse, 0);
  EXPECT_FALSE(v.send_continue);
}

TEST(JudgeHead, TooManyFieldsIs431) {
  RequestHead h = plain_get();
  h.fields = Limits{}.header_fields + 1;
  EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{}).refuse, 431);
}

TEST(JudgeHead, ATargetOverTheLimitIs414) {
  std::string target = "/" + std::string(Limits{}.target_bytes, 'a');
  RequestHead h = plain_get();
  h.target = target;
  EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{}).refuse, 414);
  h.target = std::string_view(target).substr(0, Limits{}.target_bytes);
  EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{}).refuse, 0);
}

TEST(JudgeHead, Http11NeedsExactlyOneHost) {
  RequestHead h = plain_get();
  h.hosts = 0;
  EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{}).refuse, 400);
  h.hosts = 2;
  EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{}).refuse, 400);
  h.version = 10;
  h.hosts = 0;
  EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{}).refuse, 0);
}

TEST(JudgeHead, OnlyOriginFormTargetsAreServed) {
  RequestHead h = plain_get();
  for (std::string_view t : {"http://example.com/", "example.com:80", "*", ""}) {
    h.target = t;
    EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{}).refuse, 400) << t;
  }
}

TEST(JudgeHead, ContentLengthOverTheRouteLimitIs413) {
  RequestHead h = plain_get();
  h.content_length = 1001;
  h.body_follows = true;
  EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{.body_limit = 1000}).refuse, 413);
  EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{.body_limit = 1001}).refuse, 0);
}

TEST(JudgeHead, ContinueIsSentOnlyWhenABodyIsAwaitedFromAnHttp11Client) {
  RequestHead h = plain_get();
  h.expects = 1;
  h.content_length = 5;
  h.body_follows = true;
  EXPECT_TRUE(judge_head(h, Limits{}, RouteOptions{}).send_continue);
  h.body_follows = false;  // Content-Length: 0, or no body at all
  EXPECT_FALSE(judge_head(h, Limits{}, RouteOptions{}).send_continue);
  h.body_follows = true;
  h.version = 10;
  EXPECT_FALSE(judge_head(h, Limits{}, RouteOptions{}).send_continue);
}

TEST(JudgeHead, AnUnknownExpectationIs417) {
  RequestHead h = plain_get();
  h.expects = 1;
  h.expects_only_continue = false;
  EXPECT_EQ(judge_head(h, Limits{}, RouteOptions{}).refuse, 417);
}

TEST(RefusalForHead, ALongRequestLineIs414AndLongHeadersAre431) {
  Limits lim;
  std::string long_line = "GET /" + std::string(lim.target_bytes, 'a') + " HTTP/1.1\r\nHost: t\r\n";
  EXPECT_EQ(refusal_for_head(HeadFailure::too_large, "", long_line, lim), 414);
  // Still arriving: no end of line yet.
  EXPECT_EQ(refusal_for_head(HeadFailure::too_large, "", std::string_view(long_line).substr(0, lim.target_bytes + 1), lim),
            414);
  std::string long_header = "GET / HTTP/1.1\r\nCookie: " + std::string(lim.header_bytes, 'c');
  EXPECT_EQ(refusal_for_head(HeadFailure::too_large, "", long_header, lim), 431);
  // The parser got past the request line: the buffer holds only header fields.
  std::string cookie = "Cookie: " + std::string(lim.header_bytes, 'c');
  EXPECT_EQ(refusal_for_head(HeadFailure::too_large, "/", cookie, lim), 431);
  std::string long_target = "/" + std::string(lim.target_bytes, 'a');
  EXPECT_EQ(refusal_for_head(HeadFailure::too_large, long_target, cookie, lim), 414);
  EXPECT_EQ(refusal_for_head(HeadFailure::malformed, "", "GARBAGE\r\n\r\n", lim), 400);
}

}  // namespace
}  // namespace toasoan::http
