#include "store/sqlite/relevance.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace toasoan::store::sqlite {
namespace {

// What every row of one match shares: the mean article length and each phrase's IDF, worked
// out on the first row and kept with the cursor (FTS5's auxiliary data).
struct Shared {
  double mean_length = 1;
  std::vector<double> idf;
};

int count_article(const Fts5ExtensionApi*, Fts5Context*, void* hits) {
  ++*static_cast<sqlite3_int64*>(hits);
  return SQLITE_OK;
}

// "812,40213" → {812, 40213}; stops at the first malformed entry.
std::vector<sqlite3_int64> parse_counts(std::string_view text) {
  std::vector<sqlite3_int64> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    sqlite3_int64 v = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || end != part.data() + part.size() || v < 0) break;
    out.push_back(v);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

Shared* shared_of(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_value* counts_arg, int* rc) {
  if (auto* kept = static_cast<Shared*>(api->xGetAuxdata(fts, 0))) return kept;
  auto* s = new Shared;
  sqlite3_int64 rows = 0, tokens = 0;
  *rc = api->xRowCount(fts, &rows);
  if (*rc == SQLITE_OK) *rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (*rc == SQLITE_OK && rows > 0) s->mean_length = static_cast<double>(tokens) / static_cast<double>(rows);
  const char* raw = reinterpret_cast<const char*>(sqlite3_value_text(counts_arg));
  const auto counts = parse_counts(raw ? raw : "");
  const int phrases = api->xPhraseCount(fts);
  for (int p = 0; *rc == SQLITE_OK && p < phrases; ++p) {
    sqlite3_int64 hits = 0;
    if (static_cast<std::size_t>(p) < counts.size()) hits = counts[p];
    else *rc = api->xQueryPhrase(fts, p, &hits, count_article);
    // As bm25: a phrase in more than half the articles would weigh below zero; it weighs nearly nothing.
    const double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    s->idf.push_back(idf > 0 ? idf : 1e-6);
  }
  if (*rc != SQLITE_OK) {
    delete s;
    return nullptr;
  }
  *rc = api->xSetAuxdata(fts, s, [](void* p) { delete static_cast<Shared*>(p); });
  return *rc == SQLITE_OK ? s : nullptr;
}

}  // namespace

void bm25_counted(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                  sqlite3_value** argv) {
  constexpr double k1 = 1.2, b = 0.75;
  if (argc < 1) {
    sqlite3_result_error(ctx, "expects (a full-text table, counts, weights…)", -1);
    return;
  }
  int rc = SQLITE_OK;
  const Shared* s = shared_of(api, fts, argv[0], &rc);
  if (!s) {
    sqlite3_result_error_code(ctx, rc == SQLITE_OK ? SQLITE_NOMEM : rc);
    return;
  }
  thread_local std::vector<double> frequency;
  frequency.assign(s->idf.size(), 0.0);
  int instances = 0;
  rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK && static_cast<std::size_t>(phrase) < frequency.size())
      frequency[phrase] += column + 1 < argc ? sqlite3_value_double(argv[column + 1]) : 1.0;
  }
  int length = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double score = 0;
  const double norm = k1 * (1 - b + b * static_cast<double>(length) / s->mean_length);
  for (std::size_t p = 0; p < frequency.size(); ++p)
    score += s->idf[p] * (frequency[p] * (k1 + 1.0)) / (frequency[p] + norm);
  sqlite3_result_double(ctx, -score);
}

}  // namespace toasoan::store::sqlite
