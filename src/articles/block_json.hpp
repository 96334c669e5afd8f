// Article blocks to and from JSON: the form blocks take in import files, in the database
// column and in the API.
//
// Parsing is strict on what matters to a reader (a known type, the text a block needs) and
// lenient on the rest (unknown extra fields are ignored). Every string is checked as UTF-8 and
// normalised to NFC, so nothing decomposed or broken reaches the store. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "articles/article.hpp"
#include "base/result.hpp"

namespace toasoan::articles {

// The most blocks one article may have: far above anything a newspaper writes, low enough that
// one hostile line cannot cost unbounded memory or time later.
inline constexpr std::size_t kMaxBlocks = 2000;

// Parses a JSON array of block objects.
Result<std::vector<Block>> blocks_from_json(std::string_view json);

// The same, from an already parsed value (import_line.cpp parses each line once).
Result<std::vector<Block>> blocks_from_json(const nlohmann::json& value);

// The same for blocks the store wrote: they were checked and normalised before they were
// written, so their strings are taken as they are (a search page reads ten articles' blocks
// for its snippets; checking them again was a fifth of its time).
Result<std::vector<Block>> blocks_from_stored_json(std::string_view json);

// The inverse of blocks_from_json: blocks_from_json(blocks_to_json(b)) == b.
std::string blocks_to_json(const std::vector<Block>& blocks);

// Splits plain body text into paragraph blocks at blank lines ("\n\n"), trimming each and
// dropping empty ones.
std::vector<Block> paragraphs_from_text(std::string_view body);

const char* block_type_name(Block::Type t);

}  // namespace toasoan::articles
