// How long an article's body is, as the newsroom's editor shows it beside the text: its words
// and characters (text/count.hpp), over what a reader reads in the body. Counted: each
// paragraph's, heading's and quote's text (its runs' texts joined), each list item's text, and
// each figure's caption. Not counted: a quote's cite, a figure's alt text and image, and
// anything outside the body (title, lead). The newsroom app counts the same from its editor's
// document, so the number the server sends and the one the editor shows agree.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <vector>

#include "articles/article.hpp"

namespace toasoan::articles {

struct BodyCounts {
  std::size_t words = 0;  // text::count_words, summed over the texts above
  std::size_t chars = 0;  // text::count_chars (code points after NFC), summed likewise

  bool operator==(const BodyCounts&) const = default;
};

BodyCounts body_counts(const std::vector<Block>& blocks);

}  // namespace toasoan::articles
