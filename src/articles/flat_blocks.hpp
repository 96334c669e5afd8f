// A quick reader for the blocks the store wrote, in their commonest form: an array of flat
// objects (paragraphs, headings and quotes as plain text, figures), each value a string or a
// whole number. Every uncached article page reads its article's blocks, and building them
// through nlohmann's document (a map an object) was a fifth of the render.
//
// It reads exactly what blocks_from_stored_json (block_json.hpp) would read from the same text,
// or nothing: anything else (marks, lists, a value of another kind, anything that would be an
// error there, JSON it does not expect) gives nullopt, and the caller parses the text in full.
// Thread-safe: a pure function.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "articles/article.hpp"

namespace toasoan::articles {

std::optional<std::vector<Block>> read_flat_blocks(std::string_view json);

}  // namespace toasoan::articles
