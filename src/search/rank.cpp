#include "search/rank.hpp"

#include <string>
#include <vector>

#include "search/input_method.hpp"
#include "search/words.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace toasoan::search {

ExactMarks::ExactMarks(const Query& q) {
  auto add = [&](const std::vector<std::vector<Term>>& groups) {
    for (const auto& group : groups)
      for (const Term& t : group) {
        if (t.accented.empty()) continue;
        Marked m{t.folded, detail::mark_key(t.accented)};
        bool seen = false;
        for (const Marked& o : marked_) seen = seen || o.key == m.key;
        if (!seen) marked_.push_back(std::move(m));
      }
  };
  add(q.groups);
  add(q.decoded);
}

// For each marked word of the query, whether `original` has a word with its fold and marks.
std::vector<char> ExactMarks::found_in(std::string_view original) const {
  std::vector<char> found(marked_.size(), 0);
  const std::string text = text::nfc(original);
  std::vector<detail::WordSpan> words;
  detail::split_words(text, words);
  for (const auto& span : words) {
    const std::string_view word = std::string_view(text).substr(span.begin, span.end - span.begin);
    const std::string folded = text::fold(word);
    std::string key;  // computed once per word, only when some fold matches
    for (std::size_t i = 0; i < marked_.size(); ++i) {
      if (found[i] || marked_[i].folded != folded) continue;
      if (key.empty()) key = detail::mark_key(word);
      if (key == marked_[i].key) found[i] = 1;
    }
  }
  return found;
}

double ExactMarks::score(std::string_view title, std::string_view lead) const {
  if (marked_.empty()) return 0.0;
  double score = 0.0;
  for (const char f : found_in(title)) score += f ? kExactTitleMatch : 0.0;
  for (const char f : found_in(lead)) score += f ? kExactLeadMatch : 0.0;
  return score;
}

}  // namespace toasoan::search
