#include "store/published_tally.hpp"

#include <algorithm>
#include <map>

#include "text/datetime.hpp"

namespace toasoan::store::tally {

int month_of(std::int64_t unix_seconds) {
  // "YYYY-MM-…" in Vietnam time; only the few articles scheduled for later come through here.
  std::string iso = text::format_iso8601_vn(unix_seconds);
  return std::stoi(iso.substr(0, 4)) * 100 + std::stoi(iso.substr(5, 2));
}

std::vector<articles::ArchiveMonth> months(const std::vector<Cell>& cells, const std::vector<Later>& later,
                                           std::optional<std::int64_t> category_id) {
  std::map<int, articles::ArchiveMonth, std::greater<>> by_month;
  for (const auto& c : cells) {
    if (category_id && c.category_id != *category_id) continue;
    auto& m = by_month[c.month];
    m.year = c.month / 100;
    m.month = c.month % 100;
    m.articles += c.articles;
    m.last_modified = std::max(m.last_modified, c.last_modified);
  }
  for (const auto& [category, published_at] : later) {
    if (category_id && category != *category_id) continue;
    if (auto it = by_month.find(month_of(published_at)); it != by_month.end()) --it->second.articles;
  }
  std::vector<articles::ArchiveMonth> out;
  out.reserve(by_month.size());
  for (auto& [_, m] : by_month)
    if (m.articles > 0) out.push_back(m);
  return out;
}

Result<std::vector<articles::ArchiveMonth>> read_months(sql::Session& session, std::optional<std::int64_t> category_id,
                                                        std::int64_t now) {
  auto rows = category_id ? session.run(kCellsOfCategory, {*category_id}) : session.run(kCells, {});
  if (!rows) return rows.error();
  std::vector<Cell> cells;
  cells.reserve(static_cast<std::size_t>(rows->size()));
  for (int i = 0; i < rows->size(); ++i)
    cells.push_back({rows->int64(i, 0), static_cast<int>(rows->int64(i, 1)), rows->int64(i, 2), rows->int64(i, 3)});
  auto scheduled = session.run(kScheduled, {now});
  if (!scheduled) return scheduled.error();
  std::vector<Later> later;
  for (int i = 0; i < scheduled->size(); ++i) later.emplace_back(scheduled->int64(i, 0), scheduled->int64(i, 1));
  return months(cells, later, category_id);
}

std::int64_t total(const std::vector<articles::ArchiveMonth>& months) {
  std::int64_t n = 0;
  for (const auto& m : months) n += m.articles;
  return n;
}

std::optional<Seek> seek(const std::vector<articles::ArchiveMonth>& months, std::int64_t offset, std::int64_t now) {
  std::int64_t newer = 0;  // entries in the months before this one
  for (const auto& m : months) {
    if (offset < newer + m.articles) {
      int next_year = m.month == 12 ? m.year + 1 : m.year, next_month = m.month == 12 ? 1 : m.month + 1;
      return Seek{std::min(now, text::vietnam_month_start(next_year, next_month) - 1), offset - newer};
    }
    newer += m.articles;
  }
  return std::nullopt;
}

Result<std::optional<ListQuery>> narrow(sql::Session& session, const ListQuery& query) {
  if (query.offset < kSeekFrom) return std::optional<ListQuery>(query);
  auto months = read_months(session, query.category_id, query.now);
  if (!months) return months.error();
  auto at = seek(*months, query.offset, query.now);
  if (!at) return std::optional<ListQuery>();
  ListQuery cut = query;
  cut.now = at->until;
  cut.offset = static_cast<int>(at->offset);
  return std::optional<ListQuery>(cut);
}

}  // namespace toasoan::store::tally
