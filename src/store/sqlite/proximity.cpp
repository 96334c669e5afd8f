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

// What headline_phrase() reads: the readings' sizes and the row's phrase instances, sorted.
struct Row {
  int sizes[kMaxReadings];
  int readings = 0;
  int phrases = 0;
  std::vector<Instance> instances;

  bool has(int phrase, int column, int offset) const {
    return std::binary_search(instances.begin(), instances.end(), Instance{phrase, column, offset});
  }
};

// "3,3" → {3, 3}; anything malformed gives no readings.
int parse_readings(std::string_view text, int (&sizes)[kMaxReadings]) {
  int n = 0;
  while (!text.empty() && n < kMaxReadings) {
    auto comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    int v = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || end != part.data() + part.size() || v < 0) return 0;
    sizes[n++] = v;
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return n;
}

// Reads the arguments and the instances (only those in the title or lead when `headline`);
// false after reporting an error to SQLite.
bool read_row(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc, sqlite3_value** argv,
              bool headline, Row& row) {
  if (argc != 1) {
    sqlite3_result_error(ctx, "expects (a full-text table, readings)", -1);
    return false;
  }
  const char* raw = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  row.readings = parse_readings(raw ? raw : "", row.sizes);
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
  for (int r = 0; r < row.readings; first += row.sizes[r], ++r) {
    const int n = row.sizes[r];
    if (n == 0 || first + n > row.phrases) continue;
    if (n == 1 && api->xPhraseSize(fts, first) < 2) continue;
    // Each place where the reading's first group starts: do the others follow, each where the
    // one before it ends?
    for (auto it = std::lower_bound(row.instances.begin(), row.instances.end(), Instance{first, 0, 0});
         it != row.instances.end() && it->phrase == first; ++it) {
      int offset = it->offset + api->xPhraseSize(fts, first);
      bool all = true;
      for (int g = 1; g < n && all; ++g) {
        all = row.has(first + g, it->column, offset);
        offset += api->xPhraseSize(fts, first + g);
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
  int sizes[kMaxReadings];
  const int readings = parse_readings(raw ? raw : "", sizes);
  const int phrases = api->xPhraseCount(fts);
  // Which phrases start a reading (they have no left neighbour to look for), and each phrase's
  // length; at most 12 words per reading, kMaxReadings readings.
  constexpr int kMaxPhrases = 128;
  if (phrases > kMaxPhrases) {
    sqlite3_result_double(ctx, 0);
    return;
  }
  bool starts[kMaxPhrases] = {};
  int size[kMaxPhrases];
  bool joined[kMaxPhrases] = {};  // phrase p found right after phrase p - 1
  for (int p = 0; p < phrases; ++p) size[p] = api->xPhraseSize(fts, p);
  for (int r = 0, first = 0; r < readings && first < phrases; first += sizes[r], ++r) starts[first] = true;
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
    if (p > 0 && !starts[p] && !joined[p]) {
      const int want = in.offset - size[p - 1];
      for (auto j = seen.rbegin(); j != seen.rend() && j->column == in.column && j->offset >= want; ++j)
        if (j->phrase == p - 1 && j->offset == want) {
          joined[p] = true;
          break;
        }
    }
    seen.push_back(in);
  }
  double best = 0;
  int first = 0;
  for (int r = 0; r < readings; first += sizes[r], ++r) {
    const int n = sizes[r];
    if (n < 2 || first + n > phrases) continue;
    int together = 0;
    for (int g = first + 1; g < first + n; ++g) together += joined[g];
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
