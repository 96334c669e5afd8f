// What the areas written once over SQL both engines accept (sql_desk.hpp, sql_comments.hpp)
// need of an engine: a way to run a statement, written in PostgreSQL's $1 form, on one
// connection, and its rows in text form. sqlite/session.hpp and postgres/session.hpp are the
// engines' Sessions.
//
// Thread-compatible: a Session belongs to one call, as its connection does.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.hpp"

namespace toasoan::store::sql {

// A statement's parameter: NULL, a number or text.
using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;

// A statement's rows, each column in text form or NULL (both engines' text form of a number is
// its decimal digits).
class Table {
 public:
  std::vector<std::vector<std::optional<std::string>>> rows;
  int size() const { return static_cast<int>(rows.size()); }
  bool empty() const { return rows.empty(); }
  bool is_null(int row, int col) const { return !rows[row][col]; }
  std::string_view text(int row, int col) const {
    const auto& v = rows[row][col];
    return v ? std::string_view(*v) : std::string_view();
  }
  std::int64_t int64(int row, int col) const {
    std::string_view t = text(row, col);
    std::int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
  }
  std::optional<std::int64_t> maybe(int row, int col) const {
    return is_null(row, col) ? std::nullopt : std::optional<std::int64_t>(int64(row, col));
  }
};

// One connection, inside a unit of work or on its own (each statement then commits by itself).
class Session {
 public:
  virtual ~Session() = default;
  // Runs `statement` (written with $1, $2…) with `params` bound in order.
  virtual Result<Table> run(const std::string& statement, const std::vector<Value>& params) = 0;
};

}  // namespace toasoan::store::sql
