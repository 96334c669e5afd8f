#include "search/highlight.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <vector>

#include "search/input_method.hpp"
#include "search/words.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace toasoan::search {

namespace {

using namespace render::literals;

// A sequence of folded words to look for, and the query group it stands for: a group and its
// Telex/VNI reading share an id, so finding either counts as finding the group once.
struct Pattern {
  std::vector<std::string> folds;
  std::size_t group;
};

struct Match {
  std::size_t first;  // first word
  std::size_t end;    // one past the last word
  std::size_t group;
};

std::vector<std::string> folds_of(const std::vector<Term>& group) {
  std::vector<std::string> out;
  out.reserve(group.size());
  for (const Term& t : group) out.push_back(t.folded);
  return out;
}

std::vector<Pattern> patterns_of(const Query& q) {
  std::vector<Pattern> out;
  for (std::size_t g = 0; g < q.groups.size(); ++g) out.push_back({folds_of(q.groups[g]), g});
  const std::vector<std::vector<Term>>& decoded = q.decoded;
  for (std::size_t g = 0; g < decoded.size(); ++g) {
    std::vector<std::string> folds = folds_of(decoded[g]);
    if (folds != out[g].folds) out.push_back({std::move(folds), g});
  }
  return out;
}

// The words of a text with their folds, and where the query matched them.
struct Analysed {
  std::string text;
  std::vector<detail::WordSpan> spans;
  std::vector<Match> matches;  // ordered by first word
};

Analysed analyse(std::string text, const Query& q) {
  Analysed a{std::move(text), {}, {}};
  detail::split_words(a.text, a.spans);
  if (q.empty()) return a;
  const std::vector<Pattern> patterns = patterns_of(q);
  std::vector<std::string> folds;
  folds.reserve(a.spans.size());
  for (const auto& s : a.spans) folds.push_back(text::fold(std::string_view(a.text).substr(s.begin, s.end - s.begin)));
  for (std::size_t i = 0; i < folds.size(); ++i) {
    for (const Pattern& p : patterns) {
      if (i + p.folds.size() > folds.size()) continue;
      bool all = true;
      for (std::size_t k = 0; all && k < p.folds.size(); ++k) all = folds[i + k] == p.folds[k];
      if (all) a.matches.push_back({i, i + p.folds.size(), p.group});
    }
  }
  return a;
}

// Writes text[from, to), which holds words [w0, w1), with the words flagged in `marked` marked.
void write_range(render::Html& out, const Analysed& a, const std::vector<char>& marked,
                 std::size_t w0, std::size_t w1, std::size_t from, std::size_t to) {
  const std::string_view text(a.text);
  std::size_t pos = from;
  for (std::size_t w = w0; w < w1; ++w) {
    const auto& s = a.spans[w];
    out << text.substr(pos, s.begin - pos);
    const std::string_view word = text.substr(s.begin, s.end - s.begin);
    if (marked[w]) {
      out << "<mark>"_html << word << "</mark>"_html;
    } else {
      out << word;
    }
    pos = s.end;
  }
  out << text.substr(pos, to - pos);
}

// Flags the words of the matches that lie wholly within words [w0, w1).
std::vector<char> marked_words(const Analysed& a, std::size_t w0, std::size_t w1) {
  std::vector<char> marked(a.spans.size(), 0);
  for (const Match& m : a.matches) {
    if (m.first >= w0 && m.end <= w1) {
      for (std::size_t w = m.first; w < m.end; ++w) marked[w] = 1;
    }
  }
  return marked;
}

// NFC, with each run of white space and control characters made one space, trimmed.
std::string collapse_space(std::string_view original) {
  const std::string normalized = text::nfc(original);
  std::string out;
  out.reserve(normalized.size());
  const auto* s = reinterpret_cast<const uint8_t*>(normalized.data());
  const auto n = static_cast<int32_t>(normalized.size());
  // Runs of text between spaces are copied whole, not character by character.
  int32_t run = 0;  // where the current run of non-space text began
  bool space_before = false;
  const auto flush = [&](int32_t end) {
    if (end <= run) return;
    if (space_before && !out.empty()) out.push_back(' ');
    out.append(normalized, static_cast<std::size_t>(run), static_cast<std::size_t>(end - run));
  };
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    if (cp < 0x20 || cp == 0x7F || cp == 0x20 || (cp >= 0x80 && u_isUWhiteSpace(cp))) {
      flush(at);
      space_before = true;
      run = i;
    }
  }
  flush(n);
  return out;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

// The byte offset `count` code points after `from` (or the end).
std::size_t advance_chars(std::string_view text, std::size_t from, std::size_t count) {
  std::size_t i = from;
  while (i < text.size() && count > 0) {
    ++i;
    while (i < text.size() && is_continuation(text[i])) ++i;
    --count;
  }
  return i;
}

}  // namespace

void highlight(render::Html& out, std::string_view text, const Query& q) {
  const Analysed a = analyse(text::nfc(text), q);
  write_range(out, a, marked_words(a, 0, a.spans.size()), 0, a.spans.size(), 0, a.text.size());
}

bool finds_every_group(std::initializer_list<std::string_view> texts, const Query& q) {
  std::vector<char> found(q.groups.size(), 0);
  for (std::string_view text : texts)
    for (const Match& m : analyse(collapse_space(text), q).matches) found[m.group] = 1;
  return std::find(found.begin(), found.end(), 0) == found.end();
}

bool finds_every_group(std::string_view text, const Query& q) { return finds_every_group({text}, q); }

void snippet(render::Html& out, std::string_view original_text, const Query& q,
             std::size_t max_chars) {
  max_chars = std::max<std::size_t>(max_chars, 3);
  const Analysed a = analyse(collapse_space(original_text), q);
  const std::size_t n = a.spans.size();

  // Code point offsets of each word's start and end, and of the text's end.
  std::vector<std::size_t> cp_begin(n), cp_end(n);
  std::size_t chars = 0, byte = 0;
  const auto chars_before = [&](std::size_t target) {
    for (; byte < target; ++byte) chars += is_continuation(a.text[byte]) ? 0 : 1;
    return chars;
  };
  for (std::size_t w = 0; w < n; ++w) {
    cp_begin[w] = chars_before(a.spans[w].begin);
    cp_end[w] = chars_before(a.spans[w].end);
  }
  const std::size_t total = chars_before(a.text.size());
  if (total <= max_chars) {
    write_range(out, a, marked_words(a, 0, n), 0, n, 0, a.text.size());
    return;
  }

  // Room for the text itself, leaving a character for "…" at each end.
  const std::size_t budget = max_chars - 2;
  // Characters words [s, e) take, counting the text before the first word when s == 0 and
  // after the last when e == n (those ends are shown whole).
  const auto span = [&](std::size_t s, std::size_t e) {
    return (e == n ? total : cp_end[e - 1]) - (s == 0 ? 0 : cp_begin[s]);
  };

  // The best run of matches: most distinct groups, then most matches, then earliest.
  const std::vector<Match>& m = a.matches;
  std::size_t best_a = 0, best_b = 0, best_distinct = 0;
  {
    std::size_t groups = 0;
    for (const Match& x : m) groups = std::max(groups, x.group + 1);
    std::vector<std::size_t> count(groups, 0);
    std::size_t distinct = 0, b = 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
      if (b < i) b = i;
      while (b < m.size() && span(m[i].first, m[b].end) <= budget) {
        if (count[m[b].group]++ == 0) ++distinct;
        ++b;
      }
      if (b > i && (distinct > best_distinct || (distinct == best_distinct && b - i > best_b - best_a))) {
        best_distinct = distinct;
        best_a = i;
        best_b = b;
      }
      if (b > i && --count[m[i].group] == 0) --distinct;
    }
  }

  std::size_t s, e;
  if (best_b > best_a) {
    s = m[best_a].first;
    e = s;
    for (std::size_t i = best_a; i < best_b; ++i) e = std::max(e, m[i].end);
    const std::size_t core = span(s, e);
    const std::size_t lead_room = (budget - core) / 3;
    while (s > 0 && span(s - 1, e) - core <= lead_room) --s;
  } else if (m.empty() && n > 0 && span(0, 1) <= budget) {
    s = 0;
    e = 1;
  } else {
    // Not even one word fits: cut inside the first matched word (or the first word).
    const std::size_t from = m.empty() ? 0 : a.spans[m.front().first].begin;
    const std::size_t to = advance_chars(a.text, from, budget);
    const bool match = !m.empty();
    if (from > 0) out << std::string_view("…");
    if (match) out << "<mark>"_html;
    out << std::string_view(a.text).substr(from, to - from);
    if (match) out << "</mark>"_html;
    if (to < a.text.size()) out << std::string_view("…");
    return;
  }
  while (e < n && span(s, e + 1) <= budget) ++e;
  while (s > 0 && span(s - 1, e) <= budget) --s;

  const std::size_t from = s == 0 ? 0 : a.spans[s].begin;
  const std::size_t to = e == n ? a.text.size() : a.spans[e - 1].end;
  if (s > 0) out << std::string_view("…");
  write_range(out, a, marked_words(a, s, e), s, e, from, to);
  if (e < n) out << std::string_view("…");
}

}  // namespace toasoan::search
