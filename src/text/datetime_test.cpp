#include "text/datetime.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace toasoan::text {
namespace {

// 2022-12-08 07:30 in Vietnam, 00:30 UTC: the model article's publication time.
constexpr std::int64_t kPublished = 1670459400;

struct ParseCase {
  std::string_view text;
  std::int64_t expected;
};

TEST(ParseIso8601, RefusesTimesWhoseYearCannotBeWrittenBack) {
  EXPECT_FALSE(parse_iso8601("9999-12-31T23:59:59-23:59"));
  EXPECT_FALSE(parse_iso8601("0000-01-01T00:00:00+23:59"));
  EXPECT_FALSE(parse_iso8601("0000-01-01"));
  EXPECT_TRUE(parse_iso8601("9999-12-31T16:59:59Z"));
}

TEST(VietnamMonthStart, IsMidnightOfTheFirstAtPlusSeven) {
  EXPECT_EQ(vietnam_month_start(2022, 12), *parse_iso8601("2022-12-01T00:00:00+07:00"));
  EXPECT_EQ(vietnam_month_start(2017, 1), *parse_iso8601("2016-12-31T17:00:00Z"));
}

TEST(ParseIso8601, AcceptsTheFormsNewsroomsAndFeedsUse) {
  const ParseCase cases[] = {
      {"2022-12-08T07:30:00+07:00", kPublished},
      {"2022-12-08T00:30:00Z", kPublished},
      {"2022-12-08T07:30:00", kPublished},  // no offset: Vietnam time
      {"2022-12-08 07:30:00", kPublished},
      {"2022-12-08 07:30", kPublished},
      {"2022-12-08T07:30", kPublished},
      {"2022-12-08T07:30:00.999+07:00", kPublished},  // fraction ignored, not rounded
      {"2022-12-08T07:30:00.123456789Z", kPublished + 7 * 3600},
      {"2022-12-07T19:30:00-05:00", kPublished},
      {"2022-12-08T05:00:00+04:30", kPublished},
      {"2022-12-08T00:30:00-00:00", kPublished},
      {"2022-12-08", kPublished - 7 * 3600 - 30 * 60},  // 00:00 Vietnam time
      {"1970-01-01T00:00:00Z", 0},
      {"1970-01-01", -7 * 3600},
      {"1969-12-31T23:59:59Z", -1},
      {"2024-02-29T12:00:00Z", 1709208000},
      {"2000-02-29T00:00:00Z", 951782400},
      {"1975-04-30T11:30:00", 168064200},
      {"2038-01-19T03:14:08Z", 2147483648},
      {"9999-12-31T16:59:59Z", 253402275599},  // the last second whose Vietnam time is still 9999
  };
  for (const auto& c : cases) {
    const std::optional<std::int64_t> got = parse_iso8601(c.text);
    ASSERT_TRUE(got.has_value()) << c.text;
    EXPECT_EQ(*got, c.expected) << c.text;
  }
}

TEST(ParseIso8601, RejectsOtherFormsAndOutOfRangeFields) {
  const std::string_view cases[] = {
      "",
      "2022",
      "2022-12",
      "2022-13-08",
      "2022-00-08",
      "2022-12-00",
      "2022-12-32",
      "2022-02-29",  // not a leap year
      "2022-02-30",
      "1900-02-29",  // century, not a leap year
      "2022-04-31",
      "2022-12-08T24:00:00",
      "2022-12-08T07:60:00",
      "2022-12-08T07:30:60",  // no leap seconds on the site
      "2022-12-08T07:30:00+24:00",
      "2022-12-08T07:30:00+07:60",
      "2022-12-08T07:30:00+0700",
      "2022-12-08T07:30:00+07",
      "2022-12-08T07:30:00.",
      "2022-12-08T07:30:00.Z",
      "2022-12-08T07:30:00ZZ",
      "2022-12-08T07:30:00 +07:00",
      "2022-12-08T7:30:00",
      "2022-12-08T07",
      "2022-12-08T",
      "2022-12-08 ",
      " 2022-12-08",
      "2022-12-8",
      "22-12-08",
      "2022/12/08",
      "08/12/2022",
      "2022-12-08t07:30:00z",
      "2022-12-08T07:30:00+07:00\n",
      "+2022-12-08",
      "2022-12-08T07:30:00+07:00 extra",
      "２０２２-１２-０８",
      std::string_view("2022-12-08\0", 11),
  };
  for (const auto text : cases) EXPECT_EQ(parse_iso8601(text), std::nullopt) << text;
}

// The archive reaches back to 1945 (articles/limits.hpp): negative Unix times, where a
// division or remainder that rounds toward zero would show the wrong day or month.
TEST(FormatDatetime, ShowsArchiveDatesBefore1970) {
  const std::int64_t liberation = *parse_iso8601("1945-09-02T14:00:00+07:00");
  EXPECT_LT(liberation, 0);
  EXPECT_EQ(format_vi_datetime(liberation), "Chủ Nhật, 02/09/1945 14:00");
  EXPECT_EQ(format_vi_date(liberation), "02/09/1945");
  EXPECT_EQ(format_iso8601_vn(liberation), "1945-09-02T14:00:00+07:00");
  EXPECT_EQ(format_http_date(liberation), "Sun, 02 Sep 1945 07:00:00 GMT");
  EXPECT_EQ(format_rfc822_vn(liberation), "Sun, 02 Sep 1945 14:00:00 +0700");
  // Vietnam's midnight is 17:00 UTC the day before: the first of the month in Vietnam.
  const std::int64_t new_year = *parse_iso8601("1969-01-01T00:00:00+07:00");
  EXPECT_EQ(format_vi_datetime(new_year), "Thứ Tư, 01/01/1969 00:00");
  EXPECT_EQ(format_vi_datetime(new_year - 1), "Thứ Ba, 31/12/1968 23:59");
  EXPECT_EQ(format_iso8601_vn(*parse_iso8601("1969-12-31T23:59:59+07:00")), "1969-12-31T23:59:59+07:00");
}

TEST(VietnamMonthStart, IsRightForArchiveMonthsBefore1970) {
  EXPECT_EQ(vietnam_month_start(1945, 1), *parse_iso8601("1945-01-01T00:00:00+07:00"));
  EXPECT_EQ(vietnam_month_start(1945, 1), -788943600);
  EXPECT_EQ(vietnam_month_start(1950, 3), *parse_iso8601("1950-03-01T00:00:00+07:00"));
  EXPECT_EQ(vietnam_month_start(1969, 12), *parse_iso8601("1969-12-01T00:00:00+07:00"));
  EXPECT_EQ(vietnam_month_start(1970, 1), -7 * 3600);
  for (int m = 1; m <= 12; ++m)
    EXPECT_EQ(format_vi_date(vietnam_month_start(1950, m)), std::string("01/") + (m < 10 ? "0" : "") +
                                                                std::to_string(m) + "/1950");
}

TEST(FormatDatetime, ShowsThePublicationTimeInEveryFormat) {
  EXPECT_EQ(format_vi_datetime(kPublished), "Thứ Năm, 08/12/2022 07:30");
  EXPECT_EQ(format_vi_date(kPublished), "08/12/2022");
  EXPECT_EQ(format_iso8601_vn(kPublished), "2022-12-08T07:30:00+07:00");
  EXPECT_EQ(format_http_date(kPublished), "Thu, 08 Dec 2022 00:30:00 GMT");
  EXPECT_EQ(format_rfc822_vn(kPublished), "Thu, 08 Dec 2022 07:30:00 +0700");
}

TEST(FormatDatetime, NamesEveryWeekdayInVietnamese) {
  // 2022-12-04 was a Sunday; noon Vietnam time each day.
  const std::int64_t sunday_noon = *parse_iso8601("2022-12-04T12:00:00+07:00");
  const std::string_view names[] = {"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                    "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
  for (int d = 0; d < 7; ++d) {
    const std::string shown = format_vi_datetime(sunday_noon + d * 86400);
    EXPECT_EQ(shown.substr(0, names[d].size()), names[d]) << shown;
    char rest[32];
    std::snprintf(rest, sizeof rest, ", %02d/12/2022 12:00", 4 + d);
    EXPECT_EQ(shown.substr(names[d].size()), rest);
  }
}

TEST(FormatDatetime, ShowsTheVietnameseDateAcrossUtcMidnight) {
  // 17:00 UTC is already the next day in Vietnam.
  EXPECT_EQ(format_vi_datetime(*parse_iso8601("2022-12-31T17:00:00Z")), "Chủ Nhật, 01/01/2023 00:00");
  EXPECT_EQ(format_vi_datetime(*parse_iso8601("2022-12-31T16:59:59Z")), "Thứ Bảy, 31/12/2022 23:59");
  EXPECT_EQ(format_http_date(*parse_iso8601("2023-01-01T06:59:59+07:00")),
            "Sat, 31 Dec 2022 23:59:59 GMT");
  EXPECT_EQ(format_rfc822_vn(-1), "Thu, 01 Jan 1970 06:59:59 +0700");
  EXPECT_EQ(format_http_date(-1), "Wed, 31 Dec 1969 23:59:59 GMT");
}

// std::chrono's calendar (C++20) is an independent implementation of the same arithmetic.
TEST(FormatDatetime, AgreesWithStdChronoOverFourCenturies) {
  using namespace std::chrono;
  const std::int64_t first = *parse_iso8601("1800-01-01T00:00:00Z");
  const std::int64_t last = *parse_iso8601("2200-12-31T00:00:00Z");
  constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  // 86400 * 7 + 3601: steps through every weekday and hour over the years.
  for (std::int64_t t = first; t <= last; t += 608401) {
    const sys_seconds tp{seconds{t}};
    const sys_days day = floor<days>(tp);
    const year_month_day ymd{day};
    const hh_mm_ss hms{tp - day};
    char expected[64];
    std::snprintf(expected, sizeof expected, "%s, %02u %s %04d %02d:%02d:%02d GMT",
                  kDays[weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
                  kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    ASSERT_EQ(format_http_date(t), expected) << t;
    ASSERT_EQ(parse_iso8601(format_iso8601_vn(t)), t) << format_iso8601_vn(t);
  }
}

TEST(FormatDatetime, DoesNotOverflowAtTheEndsOfInt64) {
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  // 2^63 seconds is about 292 billion years either way.
  EXPECT_EQ(format_iso8601_vn(kMax), "292277026596-12-04T22:30:07+07:00");
  EXPECT_EQ(format_http_date(kMin), "Sun, 27 Jan -292277022657 08:29:52 GMT");
}

}  // namespace
}  // namespace toasoan::text
