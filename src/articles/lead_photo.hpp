// The photo that stands for an article wherever it is not read whole: the picture its page
// shares (og:image, JSON-LD), its RSS enclosure, its picture in lists and in the API. One rule
// for all of them, so a reader sees the same photo in a feed, on the home page and in a shared
// link. The store keeps this figure's image and size in each Summary it writes, so lists read
// Summary::image.
//
// Thread-safety: a pure function; safe from any thread.
#pragma once

#include <vector>

#include "articles/article.hpp"

namespace toasoan::articles {

// The first figure that has an image (a caption-only figure has none); null when no figure
// has one. Points into `blocks`.
const Block* lead_photo(const std::vector<Block>& blocks);

}  // namespace toasoan::articles
