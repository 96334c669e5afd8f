// Times as the site reads and shows them. A time is std::int64_t seconds since the Unix epoch
// (UTC). Pages show Vietnam time the Vietnamese way ("Thứ Năm, 08/12/2022 07:30"); feeds, HTTP
// headers and APIs get the formats their standards fix.
//
// Thread-safety: free functions with no shared mutable state; safe from any thread. Nothing
// here reads the process locale, TZ or the tz database, so results never depend on the host.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace toasoan::text {

// Vietnam has kept one zone, UTC+07:00 without daylight saving, since the country reunified in
// 1975, so a fixed offset converts every time this site publishes or accepts; a tz database
// would add a dependency and change nothing. (Times before mid-1975 are still shown at +07:00.)
inline constexpr std::int64_t kVietnamUtcOffsetSeconds = 7 * 60 * 60;

// Parses exactly these forms (fractional seconds are read and ignored):
//   2022-12-08T07:30:00+07:00   2022-12-08T07:30:00.123-05:00   2022-12-08T07:30:00Z
//   2022-12-08T07:30:00         2022-12-08 07:30:00             2022-12-08 07:30
//   2022-12-08T07:30            2022-12-08
// i.e. YYYY-MM-DD [ ('T' | ' ') hh:mm [:ss [.fraction]] [ 'Z' | ±hh:mm ] ].
// Without an offset the time is Vietnam time; a date alone is 00:00 Vietnam time.
// Returns nullopt for anything else, including out-of-range fields (month 13, 30 February,
// hour 24, second 60, offset ±24:00) and surrounding whitespace, and times that fall outside
// the years 0000-9999 in UTC or in Vietnam time (the formats write four-digit years).
std::optional<std::int64_t> parse_iso8601(std::string_view text);

// "Thứ Năm, 08/12/2022 07:30" in Vietnam time: weekday, day/month/year, 24-hour clock.
std::string format_vi_datetime(std::int64_t unix_seconds);

// The first second of a month in Vietnam: 00:00 on day 1 at +07:00 (archives are by month).
std::int64_t vietnam_month_start(int year, int month);

// "08/12/2022" in Vietnam time.
std::string format_vi_date(std::int64_t unix_seconds);

// "2022-12-08T07:30:00+07:00": RFC 3339 in Vietnam time, for JSON, sitemaps and <time>.
std::string format_iso8601_vn(std::int64_t unix_seconds);

// "Thu, 08 Dec 2022 00:30:00 GMT": RFC 9110 IMF-fixdate, for Date, Last-Modified, Expires.
std::string format_http_date(std::int64_t unix_seconds);

// "Thu, 08 Dec 2022 07:30:00 +0700": RFC 822/2822 date in Vietnam time, for RSS pubDate.
std::string format_rfc822_vn(std::int64_t unix_seconds);

}  // namespace toasoan::text
