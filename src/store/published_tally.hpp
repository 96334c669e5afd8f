// The published tally (migrations 0011): how many published articles each category has in each
// month, kept by triggers beside every write to articles. It answers, without reading the
// archive, what a million-article site asks on every uncached list page and sitemap: how many
// articles a list has, which months the sitemaps have, and where a deep page of a list starts.
//
// The tally counts every published article, including those scheduled for later; the few whose
// time has not come (published_at > now, read through the articles_newest index) are taken off
// here, so every answer is "published and published_at <= now", as the lists are.
//
// Written once for both engines over sql::Session. Thread-compatible: pure functions, and
// reads on the caller's session.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"
#include "store/reading.hpp"
#include "store/sql_session.hpp"

namespace toasoan::store::tally {

// One row of the tally.
struct Cell {
  std::int64_t category_id = 0;
  int month = 0;  // yyyymm, Vietnam time
  std::int64_t articles = 0;
  std::int64_t last_modified = 0;
};

// A published article whose time has not come: (category_id, published_at).
using Later = std::pair<std::int64_t, std::int64_t>;

// The statements, in $N form; the plan tests (store/listing_plans_test.cpp) check each reads
// its index. kScheduled is a range of articles_newest after now.
inline constexpr const char* kCells =
    "SELECT category_id, month, articles, last_modified FROM published_tally WHERE articles > 0";
inline constexpr const char* kCellsOfCategory =
    "SELECT category_id, month, articles, last_modified FROM published_tally WHERE category_id = $1 AND articles > 0";
inline constexpr const char* kScheduled =
    "SELECT category_id, published_at FROM articles WHERE status = 'published' AND published_at > $1";

// yyyymm of a Unix time in Vietnam time (+07:00), as the triggers file it.
int month_of(std::int64_t unix_seconds);

// The months of `category_id`'s list (every category's when empty), newest first: the cells
// summed per month, less the `later` articles in them; months left with none are dropped.
std::vector<articles::ArchiveMonth> months(const std::vector<Cell>& cells, const std::vector<Later>& later,
                                           std::optional<std::int64_t> category_id);

// Reads the cells and the later articles on `session` and returns months() of them.
Result<std::vector<articles::ArchiveMonth>> read_months(sql::Session& session, std::optional<std::int64_t> category_id,
                                                        std::int64_t now);

std::int64_t total(const std::vector<articles::ArchiveMonth>& months);

// Where entry number `offset` (0: the newest) of a list newest first lies: the same entry is
// entry `offset` of the list cut at `until` (published_at <= until), which starts at the
// beginning of that entry's month, so a deep page skips at most a month's articles instead of
// every newer article. nullopt when the list has no such entry.
struct Seek {
  std::int64_t until = 0;
  std::int64_t offset = 0;
};
std::optional<Seek> seek(const std::vector<articles::ArchiveMonth>& months, std::int64_t offset, std::int64_t now);

// Lists skipping fewer entries than this read them through their index as they are: cheaper
// than reading the tally first.
inline constexpr int kSeekFrom = 200;

// `query` as the list statements should run it: as it is when it skips fewer than kSeekFrom
// entries, else cut at its entry's month (seek()). nullopt when the list has no entry there.
Result<std::optional<ListQuery>> narrow(sql::Session& session, const ListQuery& query);

}  // namespace toasoan::store::tally
