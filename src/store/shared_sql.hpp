// Statements both engines accept word for word, written once so they cannot drift apart.
// They are written with PostgreSQL's $1, $2… placeholders; sqlite_form() turns those into
// SQLite's ?1, ?2… (the same numbers, so the binding order is the same on both). Thread-safe:
// constants and a pure function.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace toasoan::store::sql {

// `statement` with each $N made ?N.
// REQUIRES: no '$' inside a string literal or an identifier of `statement`.
inline std::string sqlite_form(std::string_view statement) {
  std::string out(statement);
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == '$' && std::isdigit(static_cast<unsigned char>(out[i + 1]))) out[i] = '?';
  return out;
}

// A LIKE pattern that finds `needle` anywhere, its own % and _ taken literally: compare with
// `LIKE $n ESCAPE '\\'` (as a C++ literal; one backslash in the SQL), which both engines read alike.
inline std::string contains_pattern(std::string_view needle) {
  std::string out = "%";
  for (char c : needle) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

// The earliest publication still to come: the change follower sleeps until then. Served by
// the articles_newest index (status, published_at): one probe.
inline constexpr const char* kNextPublication =
    "SELECT MIN(published_at) FROM articles WHERE status = 'published' AND published_at > $1";

inline constexpr const char* kCategories = "SELECT id, name, slug, position FROM categories ORDER BY position, id";

// The change log. An empty log reads as 0: sequence numbers start at 1.
inline constexpr const char* kLastSeq = "SELECT COALESCE(MAX(seq), 0) FROM change_log";
// The entries after $1, with the oldest entry kept (for since()'s gap) on every row.
inline constexpr const char* kSince =
    "SELECT seq, topic, key, at, (SELECT MIN(seq) FROM change_log) FROM change_log WHERE seq > $1 ORDER BY seq "
    "LIMIT $2";
// The newest entry always stays, so MAX(seq) + 1 (PostgreSQL) and AUTOINCREMENT (SQLite)
// never hand out a number already given.
inline constexpr const char* kPurge =
    "DELETE FROM change_log WHERE at < $1 AND seq < (SELECT MAX(seq) FROM change_log)";

}  // namespace toasoan::store::sql
