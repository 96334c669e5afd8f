#include "text/datetime.hpp"

#include <array>

#include "text/civil_date.hpp"

namespace toasoan::text {

namespace {

constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;

// The formatters spell the offset out ("+07:00", "+0700") rather than computing it.
static_assert(kVietnamUtcOffsetSeconds == 7 * 60 * 60);

// ---- parsing ------------------------------------------------------------------------------

// A cursor over the text; every reader consumes exactly what it accepts or fails.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  bool literal(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // Exactly `width` ASCII digits.
  bool digits(int width, int& value) {
    if (text_.size() - pos_ < static_cast<std::size_t>(width)) return false;
    int v = 0;
    for (int k = 0; k < width; ++k) {
      const char c = text_[pos_ + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    pos_ += width;
    value = v;
    return true;
  }

  // One or more digits, whose value is not needed.
  bool skip_digits() {
    const std::size_t start = pos_;
    while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    return pos_ > start;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

struct Fields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::int64_t offset_seconds = kVietnamUtcOffsetSeconds;
};

bool read_time_and_offset(Reader& r, Fields& f) {
  if (!r.digits(2, f.hour) || !r.literal(':') || !r.digits(2, f.minute)) return false;
  if (r.literal(':')) {
    if (!r.digits(2, f.second)) return false;
    if (r.literal('.') && !r.skip_digits()) return false;
  }
  if (r.literal('Z')) {
    f.offset_seconds = 0;
  } else if (r.peek() == '+' || r.peek() == '-') {
    const int sign = r.peek() == '-' ? -1 : 1;
    r.literal(r.peek());
    int oh = 0, om = 0;
    if (!r.digits(2, oh) || !r.literal(':') || !r.digits(2, om)) return false;
    if (oh > 23 || om > 59) return false;
    f.offset_seconds = sign * (oh * 3600 + om * 60);
  }
  return f.hour <= 23 && f.minute <= 59 && f.second <= 59;
}

// ---- formatting ---------------------------------------------------------------------------

struct Broken {
  detail::CivilDate date;
  unsigned weekday;  // 0 = Sunday
  unsigned hour, minute, second;
};

// Splits into days and second-of-day before adding the offset, so that no int64 value, however
// close to the limits, overflows.
Broken break_down(std::int64_t unix_seconds, std::int64_t offset_seconds) {
  std::int64_t days = unix_seconds / kSecondsPerDay;
  std::int64_t second_of_day = unix_seconds % kSecondsPerDay;
  if (second_of_day < 0) {
    second_of_day += kSecondsPerDay;
    --days;
  }
  second_of_day += offset_seconds;
  if (second_of_day >= kSecondsPerDay) {
    second_of_day -= kSecondsPerDay;
    ++days;
  } else if (second_of_day < 0) {
    second_of_day += kSecondsPerDay;
    --days;
  }
  const auto sod = static_cast<unsigned>(second_of_day);
  return {detail::civil_from_days(days), detail::weekday_from_days(days), sod / 3600,
          sod / 60 % 60, sod % 60};
}

void append_2(std::string& out, unsigned v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

// Four digits for years 0..9999, which is all a news site will meet; others in full.
void append_year(std::string& out, std::int64_t y) {
  if (y < 0 || y > 9999) {
    out += std::to_string(y);
    return;
  }
  const auto v = static_cast<unsigned>(y);
  append_2(out, v / 100);
  append_2(out, v % 100);
}

void append_hms(std::string& out, const Broken& b) {
  append_2(out, b.hour);
  out.push_back(':');
  append_2(out, b.minute);
  out.push_back(':');
  append_2(out, b.second);
}

constexpr std::array<const char*, 7> kEnglishWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                         "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kEnglishMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 7> kVietnameseWeekdays = {
    "Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"};

// "Thu, 08 Dec 2022 07:30:00 " — the part IMF-fixdate and RFC 822 share.
void append_rfc_date_time(std::string& out, const Broken& b) {
  out += kEnglishWeekdays[b.weekday];
  out += ", ";
  append_2(out, b.date.day);
  out.push_back(' ');
  out += kEnglishMonths[b.date.month - 1];
  out.push_back(' ');
  append_year(out, b.date.year);
  out.push_back(' ');
  append_hms(out, b);
  out.push_back(' ');
}

void append_vi_date(std::string& out, const Broken& b) {
  append_2(out, b.date.day);
  out.push_back('/');
  append_2(out, b.date.month);
  out.push_back('/');
  append_year(out, b.date.year);
}

}  // namespace

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  Reader r(text);
  Fields f;
  if (!r.digits(4, f.year) || !r.literal('-') || !r.digits(2, f.month) || !r.literal('-') ||
      !r.digits(2, f.day)) {
    return std::nullopt;
  }
  if (f.month < 1 || f.month > 12 || f.day < 1 ||
      static_cast<unsigned>(f.day) > detail::days_in_month(f.year, static_cast<unsigned>(f.month))) {
    return std::nullopt;
  }
  if (!r.at_end()) {
    if (!r.literal('T') && !r.literal(' ')) return std::nullopt;
    if (!read_time_and_offset(r, f)) return std::nullopt;
  }
  if (!r.at_end()) return std::nullopt;

  const std::int64_t days = detail::days_from_civil(f.year, static_cast<unsigned>(f.month),
                                                    static_cast<unsigned>(f.day));
  const std::int64_t t = days * kSecondsPerDay + f.hour * 3600 + f.minute * 60 + f.second - f.offset_seconds;
  // Every format must be able to write the time back with a four-digit year, in UTC and in
  // Vietnam time; an offset can push a date at either end of 0000-9999 outside it.
  constexpr std::int64_t kFirst = detail::days_from_civil(0, 1, 1) * kSecondsPerDay;
  constexpr std::int64_t kLast = detail::days_from_civil(9999, 12, 31) * kSecondsPerDay + kSecondsPerDay - 1 -
                                 kVietnamUtcOffsetSeconds;
  if (t < kFirst || t > kLast) return std::nullopt;
  return t;
}

std::string format_vi_datetime(std::int64_t unix_seconds) {
  const Broken b = break_down(unix_seconds, kVietnamUtcOffsetSeconds);
  std::string out = kVietnameseWeekdays[b.weekday];
  out += ", ";
  append_vi_date(out, b);
  out.push_back(' ');
  append_2(out, b.hour);
  out.push_back(':');
  append_2(out, b.minute);
  return out;
}

std::string format_vi_date(std::int64_t unix_seconds) {
  std::string out;
  append_vi_date(out, break_down(unix_seconds, kVietnamUtcOffsetSeconds));
  return out;
}

std::string format_iso8601_vn(std::int64_t unix_seconds) {
  const Broken b = break_down(unix_seconds, kVietnamUtcOffsetSeconds);
  std::string out;
  append_year(out, b.date.year);
  out.push_back('-');
  append_2(out, b.date.month);
  out.push_back('-');
  append_2(out, b.date.day);
  out.push_back('T');
  append_hms(out, b);
  out += "+07:00";
  return out;
}

std::string format_http_date(std::int64_t unix_seconds) {
  std::string out;
  append_rfc_date_time(out, break_down(unix_seconds, 0));
  out += "GMT";
  return out;
}

std::string format_rfc822_vn(std::int64_t unix_seconds) {
  std::string out;
  append_rfc_date_time(out, break_down(unix_seconds, kVietnamUtcOffsetSeconds));
  out += "+0700";
  return out;
}

std::int64_t vietnam_month_start(int year, int month) {
  return detail::days_from_civil(year, static_cast<unsigned>(month), 1) * 86400 - kVietnamUtcOffsetSeconds;
}

}  // namespace toasoan::text
