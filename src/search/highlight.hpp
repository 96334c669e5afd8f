// Showing where a query matched: the search results' snippet (a window of the article's text
// around the matches) and the highlighted title. Matching is on folded words, so "nghi quyet"
// marks "Nghị quyết" in the original accented text, and words a Telex/VNI query decodes to
// ("nghij" → nghị) are marked as well.
//
// A word of the text (words as parse_query cuts them) matches a single-word group when their
// folds are equal; a phrase group matches its words appearing consecutively (punctuation
// between them is skipped, as the index skips it). Every word of every match is written as
// <mark>word</mark>; all text goes through render::Html's escaping, so the article's own text
// can never become markup. Output text is the NFC form of the input.
//
// Thread-safety: free functions with no shared mutable state; safe from any thread (each
// call writes only to its own `out`). Throws std::runtime_error only when ICU cannot load its
// data (a broken install).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "render/html.hpp"
#include "search/query.hpp"

namespace toasoan::search {

// Writes to `out` the part of `original_text` (an article's lead or body) that best shows why
// it matched `q`, with the matched words marked.
//
// The text is read with runs of white space (line breaks included) shown as one space. When
// all of it fits in `max_chars` characters (code points) it is written whole. Otherwise the
// window is chosen, among runs of whole words, as the one with the most distinct query groups
// matched, then the most matched words, then the earliest; it gets about a third of its spare
// room as words before the first match and the rest after the last. An end where text was
// left out shows "…". The output, "…" included, is at most max(max_chars, 3) characters; a
// single word longer than that is cut inside. With no match, the start of the text is shown.
void snippet(render::Html& out, std::string_view original_text, const Query& q,
             std::size_t max_chars = 200);

// Whether every group of `q` (or its Telex/VNI reading) is found in `text`: then a snippet of
// `text` alone shows all the query, and no more of the article need be read for it (a lead).
bool finds_every_group(std::string_view text, const Query& q);
// The same over several texts shown apart (a title and a lead): each group must be found
// whole in one of them, never across the break between two.
bool finds_every_group(std::initializer_list<std::string_view> texts, const Query& q);

// Writes all of `text` (a title) with the words matching `q` marked.
void highlight(render::Html& out, std::string_view text, const Query& q);

}  // namespace toasoan::search
