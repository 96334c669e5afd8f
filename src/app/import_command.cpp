#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/commands.hpp"
#include "base/clock.hpp"
#include "importer/figure_photos.hpp"
#include "importer/importer.hpp"
#include "media/library.hpp"
#include "store/article_writer.hpp"
#include "store/database.hpp"
#include "store/search_index.hpp"

namespace toasoan::app {

// Articles an import must write before it packs the search index at its end.
constexpr std::int64_t kPackAfter = 1000;
namespace {

using Clock = std::chrono::steady_clock;

// Progress for a person watching a terminal: count, rate and, when the input's size is
// known, the time left. Redrawn in place at most four times a second.
class Progress {
 public:
  explicit Progress(std::uint64_t total_bytes) : total_(total_bytes), start_(Clock::now()) {}

  void update(const importer::Report& r, std::uint64_t bytes) {
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::int64_t done = r.imported + r.updated;
    double rate = secs > 0 ? done / secs : 0;
    std::fprintf(stderr, "\r%lld bài · %.0f bài/giây", static_cast<long long>(done), rate);
    if (total_ > 0 && bytes > 0 && bytes < total_) {
      double left = secs * static_cast<double>(total_ - bytes) / static_cast<double>(bytes);
      std::fprintf(stderr, " · còn khoảng %.0f giây   ", left);
    }
    drawn_ = true;
  }
  void finish() {
    if (drawn_) std::fputc('\n', stderr);
  }

 private:
  std::uint64_t total_;
  Clock::time_point start_, last_{};
  bool drawn_ = false;
};

}  // namespace

int import_command(const ImportOptions& o) {
  auto started = Clock::now();
  std::ifstream file;
  std::istream* in = &std::cin;
  std::uint64_t total = 0;
  if (o.file != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(o.file, ec)) {
      std::fprintf(stderr, "toasoan import: %s là một thư mục, không phải tệp\n", o.file.c_str());
      return 2;
    }
    file.open(o.file, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "toasoan import: không mở được tệp %s\n", o.file.c_str());
      return 2;
    }
    total = std::filesystem::file_size(o.file, ec);
    in = &file;
  } else {
    std::ios::sync_with_stdio(false);
  }

  auto opened = store::open(o.db, {.bulk_writes = true});
  if (!opened) {
    std::fprintf(stderr, "toasoan import: %s\n", opened.error().message.c_str());
    return 2;
  }
  auto& database = **opened;
  if (auto m = database.migrate(); !m) {
    std::fprintf(stderr, "toasoan import: %s\n", m.error().message.c_str());
    return 2;
  }

  bool tty = ::isatty(STDERR_FILENO);
  Progress progress(total);
  importer::Options options;
  options.on_reject = [&](std::int64_t line, const std::string& why) {
    if (tty) std::fputc('\r', stderr);
    std::fprintf(stderr, "dòng %lld: bỏ qua: %s\n", static_cast<long long>(line), why.c_str());
  };
  options.overwrite = o.overwrite;
  options.on_skip = [&](std::int64_t line, const std::string& id) {
    if (tty) std::fputc('\r', stderr);
    std::fprintf(stderr, "dòng %lld: bỏ qua bài \"%s\": %s\n", static_cast<long long>(line), id.c_str(),
                 importer::kSkippedEdited);
  };
  if (tty) options.on_progress = [&](const importer::Report& r, std::uint64_t bytes) { progress.update(r, bytes); };

  // Figures' photos as the server would take them; libvips starts only at the first photo.
  media::Library library(database, o.media, media::Limits{}, [] { return unix_now(); });
  std::filesystem::path base_dir = std::filesystem::current_path();
  if (o.file != "-") base_dir = std::filesystem::absolute(o.file).parent_path();
  importer::FigurePhotos photos(library, base_dir);
  options.photos = &photos;

  auto report = importer::import_lines(*in, database.article_writer(), options);
  progress.finish();
  if (!report) {
    std::fprintf(stderr, "toasoan import: dừng vì lỗi cơ sở dữ liệu: %s\n", report.error().message.c_str());
    return 2;
  }
  // Only a bulk write leaves the index in enough pieces to slow searches; packing costs about a
  // second per 10,000 articles of the whole archive, so a feed importing a few articles every
  // minute must not pay it each time (the index's own merging keeps up with small writes).
  if (report->imported + report->updated >= kPackAfter)
    if (auto s = database.search_index().optimize(); !s)  // the articles are in; searches are only slower
      std::fprintf(stderr, "toasoan import: chưa sắp xếp lại được chỉ mục tìm kiếm: %s\n", s.error().message.c_str());
  double secs = std::chrono::duration<double>(Clock::now() - started).count();
  std::printf("Đã nhập %lld bài mới, cập nhật %lld bài, bỏ qua %lld dòng lỗi", static_cast<long long>(report->imported),
              static_cast<long long>(report->updated), static_cast<long long>(report->rejected));
  if (photos.added() + photos.known() > 0)
    std::printf(", %d ảnh mới, %d ảnh đã có", photos.added(), photos.known());
  if (report->skipped > 0)
    std::printf(", bỏ qua %lld bài đã sửa trong tòa soạn (--overwrite để ghi đè)",
                static_cast<long long>(report->skipped));
  std::printf(" (%.1f giây).\n", secs);
  return report->rejected > 0 ? 1 : 0;
}

int reindex_command(const std::string& db) {
  auto started = Clock::now();
  auto opened = store::open(db, {.bulk_writes = true});
  if (!opened) {
    std::fprintf(stderr, "toasoan reindex: %s\n", opened.error().message.c_str());
    return 2;
  }
  auto& database = **opened;
  // migrate() may already rebuild an index that is behind; reindex() then rebuilds it anyway,
  // which is what the operator asked for.
  if (auto m = database.migrate(); !m) {
    std::fprintf(stderr, "toasoan reindex: %s\n", m.error().message.c_str());
    return 2;
  }
  if (auto s = database.search_index().reindex(); !s) {
    std::fprintf(stderr, "toasoan reindex: %s\n", s.error().message.c_str());
    return 2;
  }

  double secs = std::chrono::duration<double>(Clock::now() - started).count();
  std::printf("Đã dựng lại chỉ mục tìm kiếm (%.1f giây).\n", secs);
  return 0;
}

}  // namespace toasoan::app
