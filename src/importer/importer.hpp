// Import: JSON Lines of articles (one per line, see articles/import_line.hpp) into the store.
//
// A bad line is reported with its number and skipped; the good lines around it are kept.
// Lines are written in batches, each batch in one transaction, so an interrupted import
// leaves whole batches and a re-run (idempotent on id) completes it. An article edited in the
// newsroom since the import last wrote it is left as the newsroom made it (reported, counted)
// unless the import is told to overwrite it. Figures' photos are taken into the photo library
// (figure_photos.hpp) before their line's batch is written, when the import is given one.
// Lines are read and parsed on a thread of the import's own, a few hundred ahead of the writes;
// the store, the photo library and every callback are used from the calling thread, in the
// file's order. When the store fails, the reading thread stops at its next run of lines.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>

#include "base/result.hpp"
#include "importer/figure_photos.hpp"
#include "store/article_writer.hpp"

namespace toasoan::importer {

struct Report {
  std::int64_t imported = 0;  // new articles
  std::int64_t updated = 0;   // ids seen before, rewritten
  std::int64_t rejected = 0;  // lines skipped
  std::int64_t skipped = 0;   // edited in the newsroom since the last import, left as they were
};

// Why an article was skipped, as the import reports it.
inline constexpr const char* kSkippedEdited =
    "đã sửa trong tòa soạn sau lần nhập trước; dùng --overwrite để ghi đè";

struct Options {
  // Called for each rejected line: its 1-based number and why.
  std::function<void(std::int64_t line, const std::string& reason)> on_reject;
  // Called for each article skipped because the newsroom edited it: its line and its id.
  std::function<void(std::int64_t line, const std::string& id)> on_skip;
  // Write over articles edited in the newsroom too.
  bool overwrite = false;
  // Called now and then with the report so far and the input bytes consumed.
  std::function<void(const Report& so_far, std::uint64_t bytes_read)> on_progress;
  std::size_t batch_size = 2000;
  // Takes in the photos figures name; null: figures are stored as the lines give them.
  FigurePhotos* photos = nullptr;
};

// Reads `in` to the end, each batch in a unit of work of its own. Fails only when the store
// does; what was committed stays.
Result<Report> import_lines(std::istream& in, store::ArticleWriter& writer, const Options& options);

}  // namespace toasoan::importer
