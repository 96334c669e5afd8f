// An article body as the newsroom's editor sends it (the admin API's "blocks"), checked
// strictly: the editor is our own client, so anything it sends that the format does not name
// is a defect to report, not something to guess at. blocks_from_json (block_json.hpp) stays
// lenient for import files written by other systems.
//
// The form is the block JSON of docs/import-format.md: paragraph, heading and quote with
// "text" or "runs" (both when they agree, as blocks_to_json writes them), quote's "cite",
// figure's "image", "caption", "credit", "alt", "width", "height", and list's "ordered" and "items".
// Every error is ErrorKind::invalid with Error::field set to the JSON path of the offending
// value ("blocks[3].runs[1].link", "blocks[0].type", "blocks[2].items[0][1].text") and a
// Vietnamese message an editor can act on.
//
// Thread-safety: a pure function; safe from any thread.
#pragma once

#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "articles/article.hpp"
#include "base/result.hpp"

namespace toasoan::articles {

// Refuses: a value that is not an array, more than kMaxBlocks blocks, a block or run that is not
// an object, an unknown type, an unknown field in a block or run, a value of the wrong type
// (null included), invalid UTF-8 or U+0000 in a string, a text, cite, caption, alt or image over
// its limit (articles/limits.hpp), a link allowed_link() refuses (runs.hpp), a heading or quote
// with no text, a figure with neither image nor caption, "text" that disagrees with "runs",
// runs that split a letter from its mark. Blank paragraphs, blank list items and lists left
// with none are dropped, as an editor's empty lines. Text is cleaned as every stored text is
// (control characters out, NFC); markup in it stays text. The result is in the one form
// blocks take (article.hpp), so blocks_from_json(blocks_to_json(result)) == result.
Result<std::vector<Block>> blocks_from_editor_json(const nlohmann::json& value);

}  // namespace toasoan::articles
