// An article's body blocks as HTML, in order: paragraphs, headings, quotes, lists and figures
// with their captions; bold, italic and links inside text as <strong>, <em> and <a>. A figure
// whose photo is missing (the model article's photos are not in its file) keeps its place as
// a neutral frame above its caption.
//
// Thread-safety: a pure function of its arguments; safe from any thread.
#pragma once

#include <vector>

#include "articles/article.hpp"
#include "render/html.hpp"

namespace toasoan::site {

// Figures after the first `eager_figures` load lazily: they are below the fold on a phone.
void render_blocks(render::Html& h, const std::vector<articles::Block>& blocks, int eager_figures = 1);

}  // namespace toasoan::site
