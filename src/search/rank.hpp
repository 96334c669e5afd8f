// The part of relevance that full-text search cannot see: the index holds folded text, so to
// it "đường", "dương" and "đương" are one word. When the reader did type marks, an article
// whose words carry exactly those marks is the better answer; ExactMarks::score() is that
// preference as a number to add to the text score.
//
// Thread-safety: an ExactMarks is read-only once made: safe from any thread. It throws
// std::runtime_error only when ICU cannot load its data (a broken install).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "search/query.hpp"

namespace toasoan::search {

// What one marked query word is worth when the title (lead) has a word with exactly its marks.
//
// Scale: as first measured, added to a relevance score where larger is better, i.e.
// score = -bm25(...) + bonus with SQLite FTS5 (whose bm25() is negative, better more so); the
// searcher now scales relevance to 0..10 and weighs this score by 7 (searcher.cpp says why). One BM25 term contributes at
// most about 2.2·idf (FTS5's k1 = 1.2), idf running from about 1 for a word in a quarter of the
// corpus to about 9 for a word in one article; so an exact title word is worth about one more
// occurrence of a common word: enough to put "đường" above "dương" among articles whose folded
// text scores alike — the case the bonus exists for, since their folded words are the same —
// and little against an article that lacks the query's other words.
//
// Measured when it was chosen (12,500-article test corpus, its 100 accented known-item sample
// queries, AND of the folded words, top 200 by FTS5 bm25 with
// column weights title 10, lead 5, body 1, re-sorted with the bonus):
//   no bonus:            recall@1 0.47, @3 0.67, MRR 0.585
//   these values (1, ½): recall@1 0.69, @3 0.81, MRR 0.759
// Title weights 0.5 to 8 (lead half of it) all land within 0.02 MRR of that, and with column
// weights 1,1,1 or 4,2,1 the optimum is in the same range: the value is not delicate.
//
// Why this simple form: each marked word counts once per field (repeating it cannot inflate
// the score), the title counts twice the lead (a headline is what a known-item search names),
// and the body is left out (long enough that some word with the marks is there in most
// candidates, and reading it would cost a fetch per candidate).
inline constexpr double kExactTitleMatch = 1.0;
inline constexpr double kExactLeadMatch = 0.5;

// The exact-marks score of one query for many articles: the query's marked words (and their
// Telex/VNI readings) are worked out once, not once per article.
class ExactMarks {
 public:
  explicit ExactMarks(const Query& q);

  // Sum over the distinct marked words of the query — words typed with marks, and the words of
  // its Telex/VNI reading (input_method.hpp) — of kExactTitleMatch if `title` has a word with
  // the same fold and exactly the same marks, plus kExactLeadMatch if `lead` has one. "Same
  // marks" ignores case, normalisation and which vowel of oa/oe/uy carries the tone (hòa =
  // hoà). 0 when the query carried no marks. At most 1.5 · kMaxQueryTerms.
  double score(std::string_view title, std::string_view lead) const;

 private:
  struct Marked {
    std::string folded;
    std::string key;  // detail::mark_key
  };
  std::vector<char> found_in(std::string_view original) const;
  std::vector<Marked> marked_;
};

}  // namespace toasoan::search
