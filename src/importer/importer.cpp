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
  std::vector<std::int64_t> lines;  // each batch entry's line number, for what is skipped
  batch.reserve(options.batch_size);
  store::UpsertOptions upsert;
  upsert.overwrite = options.overwrite;
  std::uint64_t bytes = 0;
  // One time for the whole file, so a date near the scheduling limit is judged alike on every line.
  const std::int64_t started = unix_now();

  auto flush = [&]() -> Status {
    if (batch.empty()) return ok_status();
    auto written = writer.upsert(batch, unix_now(), upsert);
    if (!written) return written.error();
    for (std::size_t i = 0; i < written->size(); ++i) {
      switch ((*written)[i]) {
        case store::Upserted::inserted: ++report.imported; break;
        case store::Upserted::updated: ++report.updated; break;
        case store::Upserted::skipped_edited:
          ++report.skipped;
          if (options.on_skip) options.on_skip(lines[i], batch[i].external_id);
          break;
      }
    }
    batch.clear();
    lines.clear();
    if (options.on_progress) options.on_progress(report, bytes);
    return ok_status();
  };

  std::string line;
  std::int64_t number = 0;
  std::vector<FigureFile> files;
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
    std::optional<std::string> with_files;
    if (options.photos) with_files = with_files_as_images(line, files);
    auto parsed = articles::parse_import_line(with_files ? *with_files : line, started);
    if (!parsed) {
      ++report.rejected;
      if (options.on_reject) options.on_reject(number, parsed.error().message);
      continue;
    }
    if (options.photos) {
      if (!with_files) files.clear();
      if (auto s = options.photos->take_in(*parsed, files); !s) {
        if (s.error().kind != ErrorKind::invalid) return s.error();
        ++report.rejected;
        if (options.on_reject) options.on_reject(number, s.error().message);
        continue;
      }
    }
    batch.push_back(std::move(*parsed));
    lines.push_back(number);
    if (batch.size() >= options.batch_size)
      if (auto s = flush(); !s) return s.error();
  }
  if (in.bad()) return internal("lỗi đọc dữ liệu vào ở dòng " + std::to_string(number + 1));
  if (auto s = flush(); !s) return s.error();
  return report;
}

}  // namespace toasoan::importer
