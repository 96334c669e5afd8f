#include "text/slug.hpp"

#include "text/fold.hpp"

namespace toasoan::text {

namespace {

bool is_slug_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string slugify(std::string_view utf8) {
  const std::string folded = fold(utf8);
  std::string slug;
  slug.reserve(folded.size());
  bool separator_pending = false;
  for (const char c : folded) {
    if (!is_slug_char(c)) {
      separator_pending = true;
      continue;
    }
    if (separator_pending && !slug.empty()) slug.push_back('-');
    separator_pending = false;
    slug.push_back(c);
  }

  if (slug.size() > kMaxSlugLength) {
    // A '-' at index kMaxSlugLength still leaves a prefix of exactly kMaxSlugLength.
    const std::size_t last_separator = slug.rfind('-', kMaxSlugLength);
    slug.resize(last_separator == std::string::npos ? kMaxSlugLength : last_separator);
  }
  return slug;
}

}  // namespace toasoan::text
