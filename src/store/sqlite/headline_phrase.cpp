#include "store/sqlite/headline_phrase.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <vector>

namespace toasoan::store::sqlite {
namespace {

constexpr int kTitleColumn = 0;
constexpr int kLeadColumn = 1;
constexpr int kMaxReadings = 8;

struct Instance {
  int phrase, column, offset;
  auto operator<=>(const Instance&) const = default;
};

// "3,3" → {3, 3}; anything malformed gives no readings (and so no phrase matches).
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

void headline_phrase(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                     sqlite3_value** argv) {
  if (argc != 1) {
    sqlite3_result_error(ctx, "headline_phrase(article_search, readings)", -1);
    return;
  }
  const char* raw = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  int sizes[kMaxReadings];
  int readings = parse_readings(raw ? raw : "", sizes);

  int count = 0;
  if (api->xInstCount(fts, &count) != SQLITE_OK) {
    sqlite3_result_error(ctx, "headline_phrase: no instances", -1);
    return;
  }
  std::vector<Instance> head;  // instances in the title or the lead, sorted
  for (int i = 0; i < count; ++i) {
    Instance in{};
    if (api->xInst(fts, i, &in.phrase, &in.column, &in.offset) != SQLITE_OK) continue;
    if (in.column == kTitleColumn || in.column == kLeadColumn) head.push_back(in);
  }
  std::sort(head.begin(), head.end());
  auto has = [&](int phrase, int column, int offset) {
    return std::binary_search(head.begin(), head.end(), Instance{phrase, column, offset});
  };

  const int phrases = api->xPhraseCount(fts);
  int first = 0;
  for (int r = 0; r < readings; first += sizes[r], ++r) {
    const int n = sizes[r];
    if (n == 0 || first + n > phrases) continue;
    if (n == 1 && api->xPhraseSize(fts, first) < 2) continue;
    // Each place where the reading's first group starts: do the others follow, each where the
    // one before it ends?
    for (auto it = std::lower_bound(head.begin(), head.end(), Instance{first, 0, 0});
         it != head.end() && it->phrase == first; ++it) {
      int offset = it->offset + api->xPhraseSize(fts, first);
      bool all = true;
      for (int g = 1; g < n && all; ++g) {
        all = has(first + g, it->column, offset);
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

}  // namespace

Status register_headline_phrase(sqlite3* db) {
  // The documented way to reach the FTS5 API: SELECT fts5(?) with a pointer bound to it.
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  if (!api || api->iVersion < 2) return internal("SQLite không có FTS5");
  if (api->xCreateFunction(api, "headline_phrase", nullptr, headline_phrase, nullptr) != SQLITE_OK)
    return internal("SQLite: không đăng ký được headline_phrase");
  return ok_status();
}

}  // namespace toasoan::store::sqlite
