#include "search/searcher.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "search/input_method.hpp"
#include "search/rank.hpp"
#include "search/syllable.hpp"

namespace toasoan::search {
namespace {

constexpr double kPhraseBonus = 10.0;
// The most whole words a suggestion's last word is completed to: three letters leave at most
// 37 ("chu", syllable_test.cpp); a letter or two may begin hundreds, and stays a prefix.
constexpr std::size_t kMaxCompletions = 40;
constexpr double kRelevanceScale = 10.0;
// Heavy enough that the marks decide between articles whose folded words are alike
// ("đường", "dương") on both engines, light enough not to overrule a phrase or a clearly
// better text match. On the corpus sample queries (SQLite) 7 keeps recall@3 at 100 % for both
// kinds, and it outweighs PostgreSQL's proximity ranking between such articles.
constexpr double kExactMarkWeight = 7.0;

std::vector<store::FullTextQuery::Group> to_groups(const std::vector<std::vector<Term>>& groups) {
  std::vector<store::FullTextQuery::Group> out;
  for (const auto& g : groups) {
    store::FullTextQuery::Group words;
    for (const auto& t : g) words.push_back(t.folded);
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

// The store's count, and an estimate to two figures ("about 62,000"), not a precision it lacks.
void take_total(SearchResponse& response, const store::FullTextAnswer& answer) {
  response.total = answer.total;
  response.total_estimated = answer.estimated;
  if (!answer.estimated) return;
  std::int64_t unit = 1;
  while (response.total / unit >= 100) unit *= 10;
  response.total = (response.total + unit / 2) / unit * unit;
}

}  // namespace

std::vector<std::vector<store::FullTextQuery::Group>> readings(const Query& q) {
  std::vector<std::vector<store::FullTextQuery::Group>> out;
  if (q.empty()) return out;
  out.push_back(to_groups(q.groups));
  const auto& decoded = q.decoded;
  if (!decoded.empty()) {
    auto d = to_groups(decoded);
    if (d != out.front()) out.push_back(std::move(d));
  }
  return out;
}

Result<SearchResponse> Searcher::search(const SearchRequest& request, std::int64_t now) const {
  SearchResponse response;
  response.truncated = request.text.size() > kMaxQueryBytes;
  response.query = parse_query(request.text);
  if (response.query.empty()) return response;

  store::FullTextQuery base;
  base.readings = readings(response.query);
  base.category_id = request.category_id;
  base.from = request.from;
  base.to = request.to;
  base.now = now;
  const int offset = (request.page - 1) * request.per_page;

  if (request.newest_first) {
    base.sort = store::FullTextQuery::Sort::newest;
    base.limit = request.per_page;
    base.offset = offset;
    auto page = index_.full_text(base);
    if (!page) return page.error();
    take_total(response, *page);
    for (auto& h : page->hits) response.results.push_back(std::move(h.summary));
    return response;
  }

  // The best `candidates` by the store's relevance, and the phrase matches beyond them: they
  // are the likeliest answers even when common words kept them out.
  store::FullTextQuery first = base;
  first.limit = options_.candidates;
  first.headline_phrases = true;
  auto all = index_.full_text(first);
  if (!all) return all.error();
  take_total(response, *all);
  // A page past the end is known from the count: ranking (and, deep down, reading tens of
  // thousands of rows for the tail) would only find it empty.
  if (all->hits.empty() || offset >= all->total) return response;

  double max = 0, phrase_max = 0;
  std::size_t window = 0;  // how many hits are the store's first `candidates`
  std::unordered_set<std::int64_t> pulled_in;  // phrase matches from beyond the window
  for (std::size_t i = 0; i < all->hits.size(); ++i) {
    auto& h = all->hits[i];
    if (i < static_cast<std::size_t>(options_.candidates)) {
      max = std::max(max, h.relevance);
      ++window;
    } else {
      pulled_in.insert(h.summary.id);
    }
    if (h.headline_phrase) phrase_max = std::max(phrase_max, h.relevance);
  }
  struct Scored {
    articles::Summary* summary;
    double score;
  };
  std::vector<Scored> scored;
  const ExactMarks marks(response.query);
  for (std::size_t i = 0; i < all->hits.size(); ++i) {
    auto& h = all->hits[i];
    // Beyond the window by word relevance, a phrase match is ranked by the phrase alone.
    double s = i < window && max > 0 ? kRelevanceScale * h.relevance / max : 0;
    if (h.headline_phrase) s += kPhraseBonus + (phrase_max > 0 ? kRelevanceScale * h.relevance / phrase_max : 0);
    s += kExactMarkWeight * marks.score(h.summary.title, h.summary.lead);
    double age_days = std::max<double>(0, static_cast<double>(now - h.summary.published_at) / 86400.0);
    s += options_.freshness_boost * std::exp2(-age_days / options_.freshness_half_life_days);
    scored.push_back({&h.summary, s});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
  const std::size_t per_page = static_cast<std::size_t>(request.per_page);
  for (std::size_t i = static_cast<std::size_t>(offset); i < scored.size() && response.results.size() < per_page; ++i)
    response.results.push_back(std::move(*scored[i].summary));

  // Past the ranked window the store's order goes on, without the phrase matches already
  // ranked above: every match shows once, on one page.
  const bool more = window == static_cast<std::size_t>(options_.candidates);
  if (more && response.results.size() < per_page) {
    const std::size_t start = std::max<std::size_t>(static_cast<std::size_t>(offset), scored.size());
    std::size_t skip = start - scored.size();
    const std::size_t need = per_page - response.results.size();
    store::FullTextQuery tail = base;
    tail.offset = options_.candidates;
    tail.limit = static_cast<int>(skip + need + pulled_in.size());
    auto t = index_.full_text(tail);
    if (!t) return t.error();
    for (auto& h : t->hits) {
      if (pulled_in.contains(h.summary.id)) continue;
      if (skip > 0) {
        --skip;
        continue;
      }
      if (response.results.size() == per_page) break;
      response.results.push_back(std::move(h.summary));
    }
  }
  return response;
}

Result<std::vector<articles::Summary>> Searcher::suggest(std::string_view text, int limit, std::int64_t now) const {
  std::vector<articles::Summary> out;
  Query q = parse_query(text);
  if (q.empty()) return out;
  store::FullTextQuery fq;
  fq.readings = readings(q);
  fq.prefix_last = true;
  for (const auto& reading : fq.readings) {
    auto& words = fq.completions.emplace_back();
    if (reading.empty() || reading.back().empty()) continue;
    const auto ends = detail::unmarked_syllables_beginning(reading.back().back());
    if (ends.size() <= kMaxCompletions) words.assign(ends.begin(), ends.end());
  }
  // The total is not shown: the matches need not be counted past the ones ranked.
  fq.exact_count = 0;
  fq.titles_only = true;
  // A title holding what was typed as it was typed, words side by side, is the likeliest
  // wanted, however old: it goes before titles holding the words apart.
  fq.headline_phrases = true;
  fq.limit = limit;
  fq.now = now;
  auto r = index_.full_text(fq);
  if (!r) return r.error();
  std::stable_partition(r->hits.begin(), r->hits.end(), [](const store::FullTextHit& h) { return h.headline_phrase; });
  for (auto& h : r->hits) {
    if (static_cast<int>(out.size()) == limit) break;
    out.push_back(std::move(h.summary));
  }
  return out;
}

}  // namespace toasoan::search
