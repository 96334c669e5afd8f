#include "http/errors.hpp"

#include <gtest/gtest.h>

namespace toasoan::http {
namespace {

TEST(StatusFor, MapsEveryKindToItsStatusAndCode) {
  struct Case {
    ErrorKind kind;
    int status;
    std::string_view code;
  };
  const Case cases[] = {
      {ErrorKind::invalid, 400, "invalid"},           {ErrorKind::unauthorized, 401, "unauthorized"},
      {ErrorKind::forbidden, 403, "forbidden"},       {ErrorKind::not_found, 404, "not_found"},
      {ErrorKind::conflict, 409, "conflict"},         {ErrorKind::too_large, 413, "too_large"},
      {ErrorKind::unprocessable, 422, "unprocessable"}, {ErrorKind::rate_limited, 429, "rate_limited"},
      {ErrorKind::internal, 500, "internal"},         {ErrorKind::unavailable, 503, "unavailable"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(status_for(c.kind), c.status) << c.code;
    EXPECT_EQ(code_for(c.kind), c.code);
  }
}

TEST(JsonError, CarriesCodeMessageAndField) {
  Response res;
  json_error(res, invalid_field("title", "Tiêu đề \"trống\""));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.content_type, "application/json");
  EXPECT_EQ(res.body, R"({"error": {"code": "invalid", "message": "Tiêu đề \"trống\"", "field": "title"}})");
}

TEST(JsonError, OmitsFieldWhenThereIsNone) {
  Response res;
  json_error(res, not_found("Không có bài này"));
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body, R"({"error": {"code": "not_found", "message": "Không có bài này"}})");
}

TEST(JsonError, ServerFailuresHideTheirCauseFromTheClient) {
  Response res;
  json_error(res, internal("pq: relation \"articles\" does not exist"));
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("relation"), std::string::npos);
  Response busy;
  json_error(busy, unavailable("database down"));
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.body.find("database"), std::string::npos);
  ASSERT_EQ(busy.headers.size(), 1u);
  EXPECT_EQ(busy.headers[0].first, "Retry-After");
}

TEST(JsonError, EscapesControlCharacters) {
  Response res;
  json_error(res, invalid("a\nb\x01"));
  EXPECT_NE(res.body.find(R"(a\nb\u0001)"), std::string::npos);
}

}  // namespace
}  // namespace toasoan::http
