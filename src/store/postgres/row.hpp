// One row of a PostgreSQL result as store/row_codec's readers take it. Thread-compatible: a
// view of rows its caller holds.
#pragma once

#include "store/postgres/connection.hpp"

namespace toasoan::store::postgres {

struct RowAt {
  const Rows& rows;
  int row;
  std::int64_t int64(int col) const { return rows.int64(row, col); }
  std::string_view text(int col) const { return rows.text(row, col); }
};

}  // namespace toasoan::store::postgres
