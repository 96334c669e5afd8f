#include "search/query.hpp"

#include <unicode/utf8.h>

#include "search/input_method.hpp"
#include "search/words.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace toasoan::search {

namespace {

// `s` cut to at most `max` bytes without splitting a UTF-8 sequence. Backs up over at most
// three continuation bytes (the longest tail of a sequence), so stray continuation bytes, each
// a character of its own (U+FFFD), cannot make it drop more.
std::string_view cut_at_character(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  const auto continuation = [&](std::size_t i) {
    return (static_cast<unsigned char>(s[i]) & 0xC0u) == 0x80u;
  };
  std::size_t k = n;
  while (k > 0 && n - k < 3 && continuation(k)) --k;
  // s[k] begins the sequence that s[max] continues, when it is a lead byte long enough to reach.
  const auto lead = static_cast<unsigned char>(s[k]);
  const std::size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (k < n && continuation(n) && k + len > n) n = k;
  return s.substr(0, n);
}

bool is_quote(UChar32 cp) {
  switch (cp) {
    case 0x22:    // "
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x00AB:  // «
    case 0x00BB:  // »
      return true;
    default:
      return false;
  }
}

}  // namespace

Query parse_query(std::string_view raw) {
  const std::string text = text::nfc(cut_at_character(raw, kMaxQueryBytes));

  std::vector<std::size_t> quotes;  // byte offsets of the quotes that pair up
  {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
      const int32_t at = i;
      UChar32 cp;
      U8_NEXT(s, i, n, cp);
      if (is_quote(cp)) quotes.push_back(static_cast<std::size_t>(at));
    }
    if (quotes.size() % 2 != 0) quotes.pop_back();  // rule 4: an odd last quote is ignored
  }

  std::vector<detail::WordSpan> words;
  detail::split_words(text, words);

  Query q;
  std::size_t terms = 0;
  std::size_t next_quote = 0;
  std::size_t open_phrase = SIZE_MAX;  // the quote count that began the current phrase group
  for (const detail::WordSpan& span : words) {
    while (next_quote < quotes.size() && quotes[next_quote] < span.begin) ++next_quote;
    const std::string_view word(text.data() + span.begin, span.end - span.begin);
    Term term{text::fold(word), ""};
    if (term.folded.empty()) continue;
    if (terms == kMaxQueryTerms) break;
    ++terms;
    if (detail::has_vietnamese_marks(word)) term.accented = detail::lower(word);

    const bool in_phrase = next_quote % 2 == 1;
    if (in_phrase && open_phrase == next_quote) {
      q.groups.back().push_back(std::move(term));
    } else {
      q.groups.push_back({std::move(term)});
      open_phrase = in_phrase ? next_quote : SIZE_MAX;
    }
  }
  q.decoded = decoded_groups(q);
  return q;
}

}  // namespace toasoan::search
