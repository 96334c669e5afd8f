// Search as readers use it: what they typed (with marks, without, or in Telex/VNI) turned
// into full-text questions for the store, and the answers ranked.
//
// Ranking, best first:
//   1. articles holding all the query's words side by side in the title or lead (known-item
//      queries are a run of words from a headline or lead: "nghi quyet hoi nghi lan thu sau"),
//      then the rest;
//   2. within each, the store's text relevance (on SQLite BM25 raised for the query's words
//      found side by side, on PostgreSQL ts_rank_cd: title counts most, then lead, then body),
//      scaled to 0..10 within the answer;
//   3. plus 7 × the exact-marks score (rank.hpp): words typed with marks found with exactly those
//      marks in the title or lead;
//   4. plus a freshness boost that halves every 30 days (both configurable: SearchOptions).
// Only the store's best `candidates` (plus every phrase match) are ranked this way, all asked
// in one question (FullTextQuery::headline_phrases); later pages follow the store's order,
// without the matches already shown: each match once. A page past the end costs one question:
// the first one's count shows there is nothing to rank.
//
// Thread-safe: holds no mutable state; the store is thread-safe.
// REQUIRES: SearchRequest::page and per_page are at least 1 (site/search_params checks them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"
#include "search/query.hpp"
#include "base/clock.hpp"
#include "store/search_index.hpp"

namespace toasoan::search {

struct SearchOptions {
  // What an article published now gains (0 turns freshness off); it halves every
  // `freshness_half_life_days`. For scale: text relevance gives 0..10, a headline phrase 10..20.
  double freshness_boost = 0.5;
  double freshness_half_life_days = 30;
  // How many matches are ranked by the rules above (besides every phrase match). 30 finds the
  // same articles in the first three as 60 or 200 on the corpus sample queries, with half the
  // documents read and scored.
  int candidates = 30;
};

struct SearchRequest {
  std::string text;  // as the reader typed it
  int page = 1;
  int per_page = 10;
  std::optional<std::int64_t> category_id;
  std::optional<std::int64_t> from, to;  // published_at in [from, to)
  bool newest_first = false;
};

struct SearchResponse {
  Query query;
  bool truncated = false;  // the text was longer than kMaxQueryBytes and was cut
  std::int64_t total = 0;
  // total is "about": more than 500 articles matched, and the store estimated the rest from
  // the newest of them (store::FullTextAnswer::estimated); rounded to two figures.
  bool total_estimated = false;
  std::vector<articles::Summary> results;
};

class Searcher {
 public:
  Searcher(store::SearchIndex& index, SearchOptions options = {}) : index_(index), options_(options) {}

  Result<SearchResponse> search(const SearchRequest& request, std::int64_t now) const;

  // Titles that match what the reader has typed so far, the last word as a prefix, among the
  // articles published by `now` (Unix seconds; the clock's time unless a caller sets it). A
  // last word of three letters or more that begins Vietnamese syllables is completed to those
  // syllables alone on SQLite ("tho" finds thơ, thở, thợ…, and "Thomas" once "thoma" is typed):
  // its prefix search would read every word the prefix begins.
  Result<std::vector<articles::Summary>> suggest(std::string_view text, int limit,
                                                 std::int64_t now = unix_now()) const;

 private:
  store::SearchIndex& index_;
  SearchOptions options_;
};

// The readings of a query as the store takes them: the literal one and, when the reader
// seems to have typed Telex or VNI without an input method, the decoded one.
std::vector<std::vector<store::FullTextQuery::Group>> readings(const Query& q);

}  // namespace toasoan::search
