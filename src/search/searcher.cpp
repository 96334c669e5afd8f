#include "search/searcher.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "search/input_method.hpp"
#include "search/rank.hpp"

namespace toasoan::search {
namespace {

constexpr double kPhraseBonus = 10.0;
constexpr double kRelevanceScale = 10.0;
// Heavy enough that the marks decide between articles whose folded words are alike
// ("đường", "dương") on both engines, light enough not to overrule a phrase or a clearly
// better text match. On the corpus sample queries (SQLite) 7 keeps recall@3 at 100 % for both
// kinds, and it outweighs PostgreSQL's proximity ranking between such articles.
constexpr double kExactMarkWeight = 7.0;
constexpr double kFreshnessHalfLifeDays = 30.0;

std::vector<store::FullTextQuery::Group> to_groups(const std::vector<std::vector<Term>>& groups) {
  std::vector<store::FullTextQuery::Group> out;
  for (const auto& g : groups) {
    store::FullTextQuery::Group words;
    for (const auto& t : g) words.push_back(t.folded);
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

// Every reading with all its words in one phrase, for readings of more than one word.
std::vector<std::vector<store::FullTextQuery::Group>> as_phrases(
    const std::vector<std::vector<store::FullTextQuery::Group>>& rs) {
  std::vector<std::vector<store::FullTextQuery::Group>> out;
  for (const auto& r : rs) {
    store::FullTextQuery::Group all;
    for (const auto& g : r) all.insert(all.end(), g.begin(), g.end());
    if (all.size() > 1) out.push_back({all});
  }
  return out;
}

}  // namespace

std::vector<std::vector<store::FullTextQuery::Group>> readings(const Query& q) {
  std::vector<std::vector<store::FullTextQuery::Group>> out;
  if (q.empty()) return out;
  out.push_back(to_groups(q.groups));
  auto decoded = decoded_groups(q);
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
  const int offset = (request.page - 1) * request.per_page;

  if (request.newest_first) {
    base.sort = store::FullTextQuery::Sort::newest;
    base.limit = request.per_page;
    base.offset = offset;
    auto page = store_.full_text(base);
    if (!page) return page.error();
    response.total = page->total;
    for (auto& h : page->hits) response.results.push_back(std::move(h.summary));
    return response;
  }

  base.limit = options_.candidates;
  auto all = store_.full_text(base);
  if (!all) return all.error();
  response.total = all->total;
  if (all->hits.empty()) return response;

  struct Scored {
    articles::Summary* summary;
    double score;
  };
  // Phrase matches join the candidates even when common words kept them out of the best
  // `candidates` by word relevance: they are the likeliest answers.
  std::unordered_map<std::int64_t, double> phrase_relevance;
  double phrase_max = 0;
  store::FullTextAnswer phrase_hits;
  if (auto phrases = as_phrases(base.readings); !phrases.empty()) {
    store::FullTextQuery pq = base;
    pq.readings = std::move(phrases);
    auto p = store_.full_text(pq);
    if (!p) return p.error();
    phrase_hits = std::move(*p);
    for (const auto& h : phrase_hits.hits) {
      phrase_relevance[h.summary.id] = h.relevance;
      phrase_max = std::max(phrase_max, h.relevance);
    }
  }
  double max = 0;
  for (const auto& h : all->hits) max = std::max(max, h.relevance);
  // Whether the store has matches beyond the window ranked here.
  const bool more = all->hits.size() == static_cast<std::size_t>(options_.candidates);
  std::unordered_set<std::int64_t> pulled_in;  // phrase matches from beyond the window
  {
    std::unordered_set<std::int64_t> seen;
    for (const auto& h : all->hits) seen.insert(h.summary.id);
    for (auto& h : phrase_hits.hits)
      if (!seen.contains(h.summary.id)) {
        h.relevance = 0;  // beyond the best by word relevance: rank it by the phrase alone
        pulled_in.insert(h.summary.id);
        all->hits.push_back(std::move(h));
      }
  }
  std::vector<Scored> scored;
  for (auto& h : all->hits) {
    double s = max > 0 ? kRelevanceScale * h.relevance / max : 0;
    if (auto it = phrase_relevance.find(h.summary.id); it != phrase_relevance.end())
      s += kPhraseBonus + (phrase_max > 0 ? kRelevanceScale * it->second / phrase_max : 0);
    s += kExactMarkWeight * exact_mark_score(response.query, h.summary.title, h.summary.lead);
    double age_days = std::max<double>(0, static_cast<double>(now - h.summary.published_at) / 86400.0);
    s += options_.freshness_boost * std::exp2(-age_days / kFreshnessHalfLifeDays);
    scored.push_back({&h.summary, s});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
  const std::size_t per_page = static_cast<std::size_t>(request.per_page);
  for (std::size_t i = static_cast<std::size_t>(offset); i < scored.size() && response.results.size() < per_page; ++i)
    response.results.push_back(std::move(*scored[i].summary));

  // Past the ranked window the store's order goes on, without the phrase matches already
  // ranked above: every match shows once, on one page.
  if (more && response.results.size() < per_page) {
    const std::size_t start = std::max<std::size_t>(static_cast<std::size_t>(offset), scored.size());
    std::size_t skip = start - scored.size();
    const std::size_t need = per_page - response.results.size();
    store::FullTextQuery tail = base;
    tail.offset = options_.candidates;
    tail.limit = static_cast<int>(skip + need + pulled_in.size());
    auto t = store_.full_text(tail);
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

Result<std::vector<articles::Summary>> Searcher::suggest(std::string_view text, int limit) const {
  std::vector<articles::Summary> out;
  Query q = parse_query(text);
  if (q.empty()) return out;
  store::FullTextQuery fq;
  fq.readings = readings(q);
  fq.prefix_last = true;
  fq.titles_only = true;
  fq.limit = limit;
  auto r = store_.full_text(fq);
  if (!r) return r.error();
  for (auto& h : r->hits) out.push_back(std::move(h.summary));
  return out;
}

}  // namespace toasoan::search
