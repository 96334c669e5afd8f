#include "store/sqlite/proximity.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <vector>

#include "store/sqlite/relevance.hpp"

namespace toasoan::store::sqlite {
namespace {

constexpr int kTitleColumn = 0;
constexpr int kLeadColumn = 1;
constexpr int kMaxReadings = 8;

struct Instance {
  int phrase, column, offset;
  auto operator<=>(const Instance&) const = default;
};

// One reading of the query: its groups, one FTS5 phrase each but the last, which may be
// either of several phrases (a half-typed word's completions).
struct Reading {
  int groups = 0;
  int last_phrases = 1;
  int width() const { return groups == 0 ? 0 : groups - 1 + last_phrases; }  // its phrases
  // Group g's phrases, from the reading's first phrase `first`: [begin, end).
  int begin(int first, int g) const { return first + g; }
  int end(int first, int g) const { return g + 1 == groups ? first + width() : first + g + 1; }
};

// "3,3" → two readings of three groups; "2/12" → two groups, the last of 12 phrases. Anything
// malformed gives no readings.
int parse_readings(std::string_view text, Reading (&readings)[kMaxReadings]) {
  int n = 0;
  while (!text.empty() && n < kMaxReadings) {
    auto comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    const auto slash = part.find('/');
    Reading r;
    auto number = [](std::string_view digits, int& v) {
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      return ec == std::errc() && end == digits.data() + digits.size() && v >= 0;
    };
    if (!number(part.substr(0, slash), r.groups)) return 0;
    if (slash != std::string_view::npos && (!number(part.substr(slash + 1), r.last_phrases) || r.last_phrases < 1))
      return 0;
    readings[n++] = r;
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return n;
}

// What headline_phrase() reads: the readings and the row's phrase instances, sorted.
struct Row {
  Reading readings[kMaxReadings];
  int count = 0;  // readings
  int phrases = 0;
  std::vector<Instance> instances;

  bool has(int phrase, int column, int offset) const {
    return std::binary_search(instances.begin(), instances.end(), Instance{phrase, column, offset});
  }
};

// Reads the arguments and the instances (only those in the title or lead when `headline`);
// false after reporting an error to SQLite.
bool read_row(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc, sqlite3_value** argv,
              bool headline, Row& row) {
  if (argc != 1) {
    sqlite3_result_error(ctx, "expects (a full-text table, readings)", -1);
    return false;
  }
  const char* raw = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  row.count = parse_readings(raw ? raw : "", row.readings);
  row.phrases = api->xPhraseCount(fts);
  int count = 0;
  if (api->xInstCount(fts, &count) != SQLITE_OK) {
    sqlite3_result_error(ctx, "no word positions (the index needs detail=full)", -1);
    return false;
  }
  row.instances.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    Instance in{};
    if (api->xInst(fts, i, &in.phrase, &in.column, &in.offset) != SQLITE_OK) continue;
    if (!headline || in.column == kTitleColumn || in.column == kLeadColumn) row.instances.push_back(in);
  }
  std::sort(row.instances.begin(), row.instances.end());
  return true;
}

void headline_phrase(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                     sqlite3_value** argv) {
  Row row;
  if (!read_row(api, fts, ctx, argc, argv, /*headline=*/true, row)) return;
  int first = 0;
  for (int r = 0; r < row.count; first += row.readings[r].width(), ++r) {
    const Reading& reading = row.readings[r];
    const int n = reading.groups;
    if (n == 0 || first + reading.width() > row.phrases) continue;
    // A group's phrases are all one length: the same words before the last.
    if (n == 1 && api->xPhraseSize(fts, first) < 2) continue;
    // Each place where the reading's first group starts: do the others follow, each where the
    // one before it ends?
    for (int start = reading.begin(first, 0); start < reading.end(first, 0); ++start)
      for (auto it = std::lower_bound(row.instances.begin(), row.instances.end(), Instance{start, 0, 0});
           it != row.instances.end() && it->phrase == start; ++it) {
        int offset = it->offset + api->xPhraseSize(fts, start);
        bool all = true;
        for (int g = 1; g < n && all; ++g) {
          all = false;
          for (int p = reading.begin(first, g); p < reading.end(first, g) && !all; ++p)
            if (row.has(p, it->column, offset)) {
              all = true;
              offset += api->xPhraseSize(fts, p);
            }
        }
        if (all) {
          sqlite3_result_int(ctx, 1);
          return;
        }
      }
  }
  sqlite3_result_int(ctx, 0);
}

void word_pairs(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                sqlite3_value** argv) {
  if (argc != 1) {
    sqlite3_result_error(ctx, "expects (a full-text table, readings)", -1);
    return;
  }
  const char* raw = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  Reading readings[kMaxReadings];
  const int count_of_readings = parse_readings(raw ? raw : "", readings);
  const int phrases = api->xPhraseCount(fts);
  // For each phrase, the phrase whose words must stand right before it (the one group before
  // it, never one of several: only the last group has several), or -1 for a reading's first
  // group; and the group it belongs to, named by that group's first phrase. At most 12 words a
  // reading, 40 completions, kMaxReadings readings.
  constexpr int kMaxPhrases = 128;
  if (phrases > kMaxPhrases) {
    sqlite3_result_double(ctx, 0);
    return;
  }
  int left[kMaxPhrases], group[kMaxPhrases], size[kMaxPhrases];
  bool joined[kMaxPhrases] = {};  // group found right after the group before it
  for (int p = 0; p < phrases; ++p) {
    size[p] = api->xPhraseSize(fts, p);
    left[p] = -1;
    group[p] = p;
  }
  for (int r = 0, first = 0; r < count_of_readings && first < phrases; first += readings[r].width(), ++r)
    for (int g = 0; g < readings[r].groups; ++g)
      for (int p = readings[r].begin(first, g); p < readings[r].end(first, g) && p < phrases; ++p) {
        group[p] = readings[r].begin(first, g);
        left[p] = g > 0 ? readings[r].begin(first, g - 1) : -1;
      }
  // FTS5 lists a row's instances in the order they stand in the text, so the left neighbour of
  // an instance, if there, is among the few just before it.
  int count = 0;
  if (api->xInstCount(fts, &count) != SQLITE_OK) {
    sqlite3_result_error(ctx, "no word positions (the index needs detail=full)", -1);
    return;
  }
  thread_local std::vector<Instance> seen;
  seen.clear();
  for (int i = 0; i < count; ++i) {
    Instance in{};
    if (api->xInst(fts, i, &in.phrase, &in.column, &in.offset) != SQLITE_OK || in.phrase >= phrases) continue;
    const int p = in.phrase;
    if (left[p] >= 0 && !joined[group[p]]) {
      const int want = in.offset - size[left[p]];
      for (auto j = seen.rbegin(); j != seen.rend() && j->column == in.column && j->offset >= want; ++j)
        if (j->phrase == left[p] && j->offset == want) {
          joined[group[p]] = true;
          break;
        }
    }
    seen.push_back(in);
  }
  double best = 0;
  for (int r = 0, first = 0; r < count_of_readings; first += readings[r].width(), ++r) {
    const int n = readings[r].groups;
    if (n < 2 || first + readings[r].width() > phrases) continue;
    int together = 0;
    for (int g = 1; g < n; ++g) together += joined[readings[r].begin(first, g)];
    best = std::max(best, static_cast<double>(together) / (n - 1));
  }
  sqlite3_result_double(ctx, best);
}

}  // namespace

Status register_search_functions(sqlite3* db) {
  // The documented way to reach the FTS5 API: SELECT fts5(?) with a pointer bound to it.
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr) == SQLITE_OK)
    sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (!api || api->iVersion < 2) return internal("SQLite không có FTS5");
  if (api->xCreateFunction(api, "headline_phrase", nullptr, headline_phrase, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "word_pairs", nullptr, word_pairs, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "bm25_counted", nullptr, bm25_counted, nullptr) != SQLITE_OK)
    return internal("SQLite: không đăng ký được hàm tìm kiếm");
  return ok_status();
}

}  // namespace toasoan::store::sqlite
