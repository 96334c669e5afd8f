#include "importer/importer.hpp"

#include <vector>

#include "articles/import_line.hpp"
#include "base/clock.hpp"

namespace toasoan::importer {
namespace {

// The longest corpus line is ~80 KB; a line of this size is a broken file, not an article.
constexpr std::size_t kMaxLineBytes = 16u << 20;

}  // namespace

Result<Report> import_lines(std::istream& in, store::ArticleWriter& writer, const Options& options) {
  Report report;
  std::vector<articles::Incoming> batch;
  batch.reserve(options.batch_size);
  std::uint64_t bytes = 0;
  // One time for the whole file, so a date near the scheduling limit is judged alike on every line.
  const std::int64_t started = unix_now();

  auto flush = [&]() -> Status {
    if (batch.empty()) return ok_status();
    auto written = writer.upsert(batch, unix_now());
    if (!written) return written.error();
    for (auto w : *written) (w == store::Upserted::inserted ? report.imported : report.updated)++;
    batch.clear();
    if (options.on_progress) options.on_progress(report, bytes);
    return ok_status();
  };

  std::string line;
  std::int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    bytes += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines are allowed
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a BOM some editors add
    if (line.size() > kMaxLineBytes) {
      ++report.rejected;
      if (options.on_reject) options.on_reject(number, "dòng quá dài");
      continue;
    }
    auto parsed = articles::parse_import_line(line, started);
    if (!parsed) {
      ++report.rejected;
      if (options.on_reject) options.on_reject(number, parsed.error().message);
      continue;
    }
    batch.push_back(std::move(*parsed));
    if (batch.size() >= options.batch_size)
      if (auto s = flush(); !s) return s.error();
  }
  if (in.bad()) return internal("lỗi đọc dữ liệu vào ở dòng " + std::to_string(number + 1));
  if (auto s = flush(); !s) return s.error();
  return report;
}

}  // namespace toasoan::importer
