// How article fields that have no column type of their own (blocks, authors) are written to
// and read from a text column. Shared by every store implementation so the stored form is the
// same on SQLite and PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"

namespace toasoan::store {

std::string authors_to_json(const std::vector<std::string>& authors);
std::vector<std::string> authors_from_json(std::string_view json);

// Blocks as stored; a row that no longer parses (it should not happen: every write goes
// through blocks_to_json) reads as no blocks rather than failing the page.
std::vector<articles::Block> blocks_from_column(std::string_view json);

// The first figure with an image: the article's lead photo in lists.
const articles::Block* lead_figure(const std::vector<articles::Block>& blocks);

// Refuses an article no engine can store as given, so that both refuse the same ones:
// PostgreSQL text cannot hold U+0000 (and libpq would cut a parameter at it without a word),
// so neither store takes it in a text column, SQLite included. (Blocks and authors are JSON,
// where it is escaped, and pass.) Returns invalid naming the article, or nullopt.
std::optional<Error> unstorable(const articles::Incoming& a);

// An article as the full-text index holds it: each part folded by text::fold, with every
// character but [a-z0-9] made a space. The body is every paragraph, heading, quote and
// caption, in order.
struct SearchDocument {
  std::string title, lead, body;
};
SearchDocument search_document(std::string_view title, std::string_view lead,
                               const std::vector<articles::Block>& blocks);

// The terms of a FullTextQuery that an engine may put in its query syntax: [a-z0-9]+ only.
// Anything else is dropped (fold() never yields it; this keeps the guarantee local).
bool safe_term(std::string_view term);

const char* status_name(articles::Status s);
articles::Status status_from_name(std::string_view s);

}  // namespace toasoan::store
