#include "search/rank.hpp"

#include <string>
#include <vector>

#include "search/input_method.hpp"
#include "search/words.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace toasoan::search {

namespace {

struct Marked {
  std::string folded;
  std::string key;  // detail::mark_key
};

void add_marked(std::vector<Marked>& out, const std::vector<std::vector<Term>>& groups) {
  for (const auto& group : groups) {
    for (const Term& t : group) {
      if (t.accented.empty()) continue;
      Marked m{t.folded, detail::mark_key(t.accented)};
      bool seen = false;
      for (const Marked& o : out) seen = seen || o.key == m.key;
      if (!seen) out.push_back(std::move(m));
    }
  }
}

// For each of `marked`, whether `text` has a word with its fold and its marks.
std::vector<char> found_in(std::string_view original, const std::vector<Marked>& marked) {
  std::vector<char> found(marked.size(), 0);
  const std::string text = text::nfc(original);
  std::vector<detail::WordSpan> words;
  detail::split_words(text, words);
  for (const auto& span : words) {
    const std::string_view word = std::string_view(text).substr(span.begin, span.end - span.begin);
    const std::string folded = text::fold(word);
    std::string key;  // computed once per word, only when some fold matches
    for (std::size_t i = 0; i < marked.size(); ++i) {
      if (found[i] || marked[i].folded != folded) continue;
      if (key.empty()) key = detail::mark_key(word);
      if (key == marked[i].key) found[i] = 1;
    }
  }
  return found;
}

}  // namespace

double exact_mark_score(const Query& q, std::string_view title, std::string_view lead) {
  std::vector<Marked> marked;
  add_marked(marked, q.groups);
  add_marked(marked, decoded_groups(q));
  if (marked.empty()) return 0.0;
  double score = 0.0;
  for (const char f : found_in(title, marked)) score += f ? kExactTitleMatch : 0.0;
  for (const char f : found_in(lead, marked)) score += f ? kExactLeadMatch : 0.0;
  return score;
}

}  // namespace toasoan::search
