#include "importer/importer.hpp"

#include <pthread.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "articles/import_line.hpp"
#include "base/clock.hpp"

namespace toasoan::importer {
namespace {

// The longest corpus line is ~80 KB; a line of this size is a broken file, not an article.
constexpr std::size_t kMaxLineBytes = 16u << 20;

// Lines handed from the reading thread to the writing one in runs of this many, at most
// kRunsAhead runs ahead: the hand-off's locking is paid per run, and the memory held between
// the two threads stays about ten megabytes (1,600 parsed corpus lines) whatever the file's size.
constexpr std::size_t kLinesPerRun = 200;
constexpr std::size_t kRunsAhead = 8;

// One line as read and parsed: an article to write, or why it is refused.
struct Parsed {
  std::int64_t number = 0;
  std::uint64_t bytes = 0;  // of the input consumed up to and with this line
  Result<articles::Incoming> article = invalid("");
  store::Prepared prepared;  // of `article`, when it parsed
  bool has_files = false;
  std::vector<FigureFile> files;
};
using Run = std::vector<Parsed>;

// A bounded queue of runs between one reader and one writer. Either side may stop it: the
// reader when the input ends, the writer when the store fails (the reader then stops at its
// next run instead of parsing the rest of the file for nobody).
class Handoff {
 public:
  // False when the writer stopped.
  bool put(Run run) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return runs_.size() < kRunsAhead || stopped_; });
    if (stopped_) return false;
    runs_.push_back(std::move(run));
    ready_.notify_one();
    return true;
  }
  // Empty once the reader finished and every run was taken.
  Run take() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !runs_.empty() || finished_; });
    if (runs_.empty()) return {};
    Run run = std::move(runs_.front());
    runs_.pop_front();
    room_.notify_one();
    return run;
  }
  void finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    ready_.notify_all();
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Run> runs_;        // GUARDED_BY(mutex_)
  bool finished_ = false;       // GUARDED_BY(mutex_)
  bool stopped_ = false;        // GUARDED_BY(mutex_)
};

// Reads and parses every line of `in` into `handoff`, then finishes it, with what the writer
// derives from each article alone (store::prepare). Runs on a thread of its own: parsing and
// deriving cost about a third of writing, so on two cores the import writes while the next
// lines are parsed.
// `number` ends as the last line read.
void read_lines(std::istream& in, Handoff& handoff, bool photos, std::int64_t started, std::int64_t& number) {
  pthread_setname_np(pthread_self(), "import-read");  // as top -H and perf name it
  Run run;
  run.reserve(kLinesPerRun);
  std::string line;
  std::uint64_t bytes = 0;
  while (std::getline(in, line)) {
    ++number;
    bytes += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines are allowed
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a BOM some editors add
    Parsed& p = run.emplace_back();
    p.number = number;
    p.bytes = bytes;
    if (line.size() > kMaxLineBytes) {
      p.article = invalid("dòng quá dài");
    } else {
      std::optional<std::string> with_files;
      if (photos) with_files = with_files_as_images(line, p.files);
      p.has_files = with_files.has_value();
      p.article = articles::parse_import_line(with_files ? *with_files : line, started);
      if (p.article) p.prepared = store::prepare(*p.article);
    }
    if (run.size() >= kLinesPerRun) {
      if (!handoff.put(std::move(run))) return handoff.finish();
      run = Run();
      run.reserve(kLinesPerRun);
    }
  }
  if (!run.empty()) handoff.put(std::move(run));
  handoff.finish();
}

}  // namespace

Result<Report> import_lines(std::istream& in, store::ArticleWriter& writer, const Options& options) {
  Report report;
  std::vector<articles::Incoming> batch;
  std::vector<store::Prepared> prepared;  // each batch entry's
  std::vector<std::int64_t> lines;        // each batch entry's line number, for what is skipped
  batch.reserve(options.batch_size);
  prepared.reserve(options.batch_size);
  store::UpsertOptions upsert;
  upsert.overwrite = options.overwrite;
  std::uint64_t bytes = 0;
  // One time for the whole file, so a date near the scheduling limit is judged alike on every line.
  const std::int64_t started = unix_now();

  auto flush = [&]() -> Status {
    if (batch.empty()) return ok_status();
    auto written = writer.upsert(batch, unix_now(), upsert, prepared);
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
    prepared.clear();
    lines.clear();
    if (options.on_progress) options.on_progress(report, bytes);
    return ok_status();
  };

  // Everything but the reading and parsing stays on this thread: the store, the photo library
  // and the caller's callbacks see the lines in order, as from a loop of their own.
  auto write_lines = [&](Handoff& handoff) -> Status {
    for (Run run = handoff.take(); !run.empty(); run = handoff.take()) {
      for (Parsed& p : run) {
        bytes = p.bytes;
        if (!p.article) {
          ++report.rejected;
          if (options.on_reject) options.on_reject(p.number, p.article.error().message);
          continue;
        }
        if (options.photos) {
          if (!p.has_files) p.files.clear();
          const int taken = options.photos->added() + options.photos->known();
          if (auto s = options.photos->take_in(*p.article, p.files); !s) {
            if (s.error().kind != ErrorKind::invalid) return s.error();
            ++report.rejected;
            if (options.on_reject) options.on_reject(p.number, s.error().message);
            continue;
          }
          // A photo taken in points its figure at the photo's variant: the blocks as stored
          // change (their text, and so the search document, does not).
          if (options.photos->added() + options.photos->known() != taken) p.prepared.blocks_json.reset();
        }
        batch.push_back(std::move(*p.article));
        prepared.push_back(std::move(p.prepared));
        lines.push_back(p.number);
        if (batch.size() >= options.batch_size)
          if (auto s = flush(); !s) return s;
      }
    }
    return flush();
  };

  Handoff handoff;
  std::int64_t read = 0;
  std::thread reader([&] { read_lines(in, handoff, options.photos != nullptr, started, read); });
  Status written = write_lines(handoff);
  handoff.stop();
  reader.join();
  if (!written) return written.error();
  if (in.bad()) return internal("lỗi đọc dữ liệu vào ở dòng " + std::to_string(read + 1));
  return report;
}

}  // namespace toasoan::importer
