// One line of an import file (JSON Lines, the format of the shared corpus and of
// sample/articles.jsonl) turned into an Incoming article, or the reason it cannot be.
//
// Fields: id, title (required); lead, body (paragraphs split at blank lines) or blocks,
// authors (array) or author (string), category, published (ISO 8601), status ("published" or
// "unpublished"). Other fields are ignored. Thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "articles/article.hpp"
#include "base/result.hpp"

namespace toasoan::articles {

// Rejects: broken JSON, a line that is not an object, invalid UTF-8 anywhere, a missing or
// empty id or title, a field over its limit (articles/limits.hpp), a blocks value that does
// not parse, an unknown status, a published time that is not ISO 8601 or lies before
// limits::kEarliestPublished or more than limits::kLatestPublishedAhead after `now` (Unix
// seconds, the import time). Fields the line does not carry stay nullopt (article.hpp).
Result<Incoming> parse_import_line(std::string_view line, std::int64_t now);

// The same with the clock's time as `now`.
Result<Incoming> parse_import_line(std::string_view line);

}  // namespace toasoan::articles
