// A revision's content as stored (a JSON object in revisions.content, the same on both
// engines), and the folded text the desk's text filter searches (articles.desk_text). Pure
// functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/desk.hpp"

namespace toasoan::store {

// {"title","lead","blocks":[…],"authors":[…],"category":"…","published":N} ("published" left
// out when none).
std::string content_to_json(const PieceContent& content);
// The same from columns already in their stored form (blocks and authors as JSON), so an import
// writes its revision without parsing what it has just serialised.
// REQUIRES: blocks_json and authors_json are JSON arrays the store wrote.
std::string content_json_from_columns(std::string_view title, std::string_view lead, std::string_view blocks_json,
                                      std::string_view authors_json, std::string_view category,
                                      std::optional<std::int64_t> published);
// Reads what content_to_json wrote; fields it cannot read are left empty (every write goes
// through the two functions above, so that does not happen).
PieceContent content_from_json(std::string_view json);

// What the desk's text filter searches: text::fold of the title and the lead.
std::string desk_text(std::string_view title, std::string_view lead);

}  // namespace toasoan::store
