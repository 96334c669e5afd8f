// libFuzzer target for src/text/: raw bytes, as a reader's comment or an imported article could
// carry them, go through every function that takes outside text, and the properties the rest of
// the tree relies on are checked. A violated property aborts with the property's name, which
// libFuzzer reports as a crash and saves as a reproducer (keep it as a permanent test).
//
// Thread-safety: libFuzzer calls this from one thread.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "text/count.hpp"
#include "text/datetime.hpp"
#include "text/fold.hpp"
#include "text/slug.hpp"
#include "text/utf8.hpp"

namespace {

void require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "text_fuzz: property violated: %s\n", property);
  std::abort();
}

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void check_slug(std::string_view in, const std::string& folded) {
  using namespace toasoan::text;
  const std::string slug = slugify(in);
  require(slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos,
          "slug has only [a-z0-9-]");
  require(slug.empty() || (slug.front() != '-' && slug.back() != '-'), "slug has no edge '-'");
  require(slug.find("--") == std::string::npos, "slug has no empty word");
  require(slug.size() <= kMaxSlugLength, "slug is at most kMaxSlugLength");
  require(slugify(slug) == slug, "slugify is idempotent");
  require(slugify(folded) == slug, "slugify folds first");
}

void check_counting(std::string_view in, const std::string& normalized) {
  using namespace toasoan::text;
  const std::size_t count = count_chars(in);
  require(count == count_chars(normalized), "count_chars(s) == count_chars(nfc(s))");
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{4}, std::size_t{5},
                              count / 2, count, count + 1}) {
    const std::string cut = truncate_chars(in, n);
    require(count_chars(cut) <= n, "count_chars(truncate_chars(s, n)) <= n");
    require(valid_utf8(cut), "truncate_chars gives valid UTF-8");
    require(starts_with(normalized, cut), "truncate_chars gives a prefix of nfc(s)");
    if (n >= count) require(cut == normalized, "truncate_chars(s, n >= count) == nfc(s)");
  }
}

void check_datetime(std::string_view in, const std::uint8_t* data, std::size_t size) {
  using namespace toasoan::text;
  if (const std::optional<std::int64_t> t = parse_iso8601(in)) {
    require(parse_iso8601(format_iso8601_vn(*t)) == *t, "parse(format_iso8601_vn(t)) == t");
    require(format_vi_date(*t).size() == 10, "format_vi_date is dd/mm/yyyy");
    require(format_http_date(*t).size() == 29, "IMF-fixdate is 29 characters");
    require(valid_utf8(format_vi_datetime(*t)), "format_vi_datetime is UTF-8");
    (void)format_rfc822_vn(*t);
  }
  // Any int64, including both ends, must format without overflow (UBSan watches).
  if (size >= 8) {
    std::int64_t t;
    std::memcpy(&t, data, sizeof t);
    require(valid_utf8(format_vi_datetime(t)), "format_vi_datetime(any t) is UTF-8");
    (void)format_vi_date(t);
    (void)format_iso8601_vn(t);
    (void)format_http_date(t);
    (void)format_rfc822_vn(t);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace toasoan::text;
  const std::string_view in(reinterpret_cast<const char*>(data), size);

  const bool valid = valid_utf8(in);
  const std::string normalized = nfc(in);
  require(valid_utf8(normalized), "nfc gives valid UTF-8");
  require(nfc(normalized) == normalized, "nfc is idempotent");
  if (valid && is_ascii(in)) require(normalized == in, "nfc leaves ASCII alone");

  const std::string folded = fold(in);
  require(valid_utf8(folded), "fold gives valid UTF-8");
  require(fold(normalized) == folded, "fold(nfc(s)) == fold(s)");
  if (valid) require(fold(folded) == folded, "fold is idempotent on valid UTF-8");

  check_slug(in, folded);
  check_counting(in, normalized);
  check_datetime(in, data, size);
  return 0;
}
