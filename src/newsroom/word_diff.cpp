// Words are compared without the whitespace after them, so "nghị" at the end of one text and
// "nghị " before a new word in the other are the same word; the whitespace is then compared on
// its own, which keeps both texts exactly reproducible from the runs.
#include "newsroom/word_diff.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace toasoan::newsroom {
namespace {

// Past this many differing words the middle of the texts is shown as one deletion and one
// insertion: Myers' search costs O((n + m) · d) time and O(d²) memory, and a diff that large
// says "rewritten" better than a word-by-word list would.
constexpr int kMaxDifferences = 1000;

struct Token {
  std::string_view word;   // empty only for the first token, which carries leading whitespace
  std::string_view space;  // the whitespace after it
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<Token> tokenise(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  out.push_back({text.substr(0, 0), text.substr(0, i)});
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    std::size_t word_end = i;
    while (i < text.size() && is_space(text[i])) ++i;
    out.push_back({text.substr(start, word_end - start), text.substr(word_end, i - word_end)});
  }
  return out;
}

class Runs {
 public:
  void add(DiffRun::Kind kind, std::string_view text) {
    if (text.empty()) return;
    if (!runs_.empty() && runs_.back().kind == kind) {
      runs_.back().text += text;
    } else {
      runs_.push_back({kind, std::string(text)});
    }
  }
  void whole(DiffRun::Kind kind, const Token& t) {
    add(kind, t.word);
    add(kind, t.space);
  }
  // Two tokens with the same word; their whitespace may still differ.
  void matched(const Token& before, const Token& after) {
    add(DiffRun::Kind::equal, before.word);
    if (before.space == after.space) {
      add(DiffRun::Kind::equal, before.space);
    } else {
      add(DiffRun::Kind::deleted, before.space);
      add(DiffRun::Kind::inserted, after.space);
    }
  }
  std::vector<DiffRun> take() { return std::move(runs_); }

 private:
  std::vector<DiffRun> runs_;
};

// Myers' greedy search for the shortest edit script between a[0, n) and b[0, m) (words as ids).
// Returns the matched pairs in order, or false when more than kMaxDifferences edits are needed.
bool myers(const std::vector<int>& a, const std::vector<int>& b, std::vector<std::pair<int, int>>& matches) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int max_d = std::min(n + m, kMaxDifferences);
  const int offset = max_d + 1;
  std::vector<int> v(2 * static_cast<std::size_t>(max_d) + 3, 0);
  std::vector<std::vector<int>> trace;  // v before each step d, for walking back
  int found_d = -1;
  for (int d = 0; d <= max_d && found_d < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                               : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  if (found_d < 0) return false;

  // Walk back from (n, m), collecting the diagonal moves.
  int x = n, y = m;
  for (int d = found_d; d > 0; --d) {
    const std::vector<int>& prev = trace[static_cast<std::size_t>(d)];  // v as it was at step d-1's end
    auto at = [&](int k) { return prev[static_cast<std::size_t>(k + d)]; };
    int k = x - y;
    int prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    int prev_x = at(prev_k);
    int prev_y = prev_x - prev_k;
    int start_x = prev_k == k + 1 ? prev_x : prev_x + 1;  // where this step's snake began
    int start_y = start_x - k;
    while (x > start_x && y > start_y) matches.emplace_back(--x, --y);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) matches.emplace_back(--x, --y);
  std::reverse(matches.begin(), matches.end());
  return true;
}

}  // namespace

std::vector<DiffRun> word_diff(std::string_view before, std::string_view after) {
  const std::vector<Token> a = tokenise(before), b = tokenise(after);
  Runs runs;

  // The common beginning and end need no search; the first tokens (leading whitespace, empty
  // word) always match.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head].word == b[head].word) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail].word == b[b.size() - 1 - tail].word)
    ++tail;
  for (std::size_t i = 0; i < head; ++i) runs.matched(a[i], b[i]);

  // The middle, words as small integers so the search compares ints.
  std::unordered_map<std::string_view, int> ids;
  auto ids_of = [&](const std::vector<Token>& ts) {
    std::vector<int> out;
    for (std::size_t i = head; i < ts.size() - tail; ++i)
      out.push_back(ids.try_emplace(ts[i].word, static_cast<int>(ids.size())).first->second);
    return out;
  };
  const std::vector<int> ma = ids_of(a), mb = ids_of(b);
  std::vector<std::pair<int, int>> matches;
  if (!myers(ma, mb, matches)) matches.clear();  // too different: all of it goes, all of it comes
  std::size_t i = 0, j = 0;
  auto gap_until = [&](std::size_t ai, std::size_t bj) {
    for (; i < ai; ++i) runs.whole(DiffRun::Kind::deleted, a[head + i]);
    for (; j < bj; ++j) runs.whole(DiffRun::Kind::inserted, b[head + j]);
  };
  for (auto [x, y] : matches) {
    gap_until(static_cast<std::size_t>(x), static_cast<std::size_t>(y));
    runs.matched(a[head + i], b[head + j]);
    ++i, ++j;
  }
  gap_until(ma.size(), mb.size());

  for (std::size_t t = tail; t > 0; --t) runs.matched(a[a.size() - t], b[b.size() - t]);
  return runs.take();
}

const char* diff_kind_name(DiffRun::Kind k) {
  switch (k) {
    case DiffRun::Kind::equal: return "equal";
    case DiffRun::Kind::inserted: return "inserted";
    case DiffRun::Kind::deleted: return "deleted";
  }
  return "?";
}

}  // namespace toasoan::newsroom
