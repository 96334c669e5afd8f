#include "site/page_cache.hpp"

#include <algorithm>
#include <bit>
#include <functional>
#include <mutex>

namespace toasoan::site {
namespace {

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Both sorted.
bool share_one(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    if (*i < *j) ++i;
    else ++j;
  }
  return false;
}

}  // namespace

PageCache::Counters& PageCache::counters() {
  static std::atomic<std::size_t> next{0};
  thread_local const std::size_t stripe = next.fetch_add(1, std::memory_order_relaxed) % kStripes;
  return counters_[stripe];
}

PageCache::PageCache(std::size_t page_budget_bytes, std::size_t query_budget_bytes) {
  page_.budget = page_budget_bytes;
  query_.budget = query_budget_bytes;
  // Twice the pages of 16 KB (an article page) the budgets hold: 4,096 slots for the default 32
  // MiB (28 for pages, 4 for queries).
  const std::size_t slots = std::clamp<std::size_t>((page_budget_bytes + query_budget_bytes) / 8192, 256, 1 << 20);
  offered_.assign(std::bit_floor(slots), 0);
}

bool PageCache::offered_before(const std::string& key) {
  const std::uint64_t h = std::hash<std::string>{}(key) | 1;  // never 0, the empty slot
  std::uint64_t& slot = offered_[h & (offered_.size() - 1)];
  if (slot == h) return true;
  slot = h;
  return false;
}

std::shared_ptr<const CachedPage> PageCache::get(const std::string& key) {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    counters().misses.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
  }
  Entry& e = *it->second;
  // A hot page read again before the next put keeps its cache line clean: no store at all.
  if (e.last_used.load(std::memory_order_relaxed) != tick_) e.last_used.store(tick_, std::memory_order_relaxed);
  counters().hits.fetch_add(1, std::memory_order_relaxed);
  return e.page;
}

bool PageCache::stale(const std::vector<std::string>& tags, std::uint64_t ticket) const {
  std::uint64_t now = purge_seq_.load(std::memory_order_relaxed);
  if (ticket == now) return false;
  if (ticket > now) return true;  // not a ticket this cache gave
  // The purges after the ticket are seq ticket+1 … now; the first of them must still be known.
  if (purges_.empty() || purges_.front().seq > ticket + 1) return true;
  for (auto it = purges_.rbegin(); it != purges_.rend() && it->seq > ticket; ++it)
    if (it->all || share_one(it->tags, tags)) return true;
  return false;
}

void PageCache::put(const std::string& key, std::shared_ptr<const CachedPage> page, std::vector<std::string> tags,
                    CacheClass cls, std::uint64_t ticket) {
  if (!page) return;
  sort_unique(tags);
  std::size_t bytes = page->bytes() + key.size();
  for (const auto& t : tags) bytes += t.size();
  std::unique_lock lock(mutex_);
  Class& c = class_of(cls);
  if (bytes > c.budget / 4) return;
  if (stale(tags, ticket)) {
    ++refused_stale_;
    return;
  }
  const bool again = offered_before(key);
  const auto old = entries_.find(key);
  const bool held = old != entries_.end();
  if (held) remove(old->second.get());
  if (!held && !again && c.bytes + bytes > c.budget) {
    ++declined_;
    return;
  }

  auto owned = std::make_unique<Entry>();
  Entry* e = owned.get();
  e->key = key;
  e->page = std::move(page);
  e->tags = std::move(tags);
  e->cls = cls;
  e->bytes = bytes;
  e->last_used.store(tick_ + 1, std::memory_order_relaxed);
  e->queued_at = tick_ + 1;
  tick_ += 2;
  entries_.emplace(key, std::move(owned));
  for (const auto& t : e->tags) by_tag_[t].insert(e);
  c.by_use.emplace(e->queued_at, e);
  c.bytes += bytes;
  ++c.entries;
  ++inserts_;
  evict_over_budget(c);
}

void PageCache::evict_over_budget(Class& c) {
  while (c.bytes > c.budget && !c.by_use.empty()) {
    auto first = c.by_use.begin();
    Entry* e = first->second;
    std::uint64_t used = e->last_used.load(std::memory_order_relaxed);
    if (used != e->queued_at) {
      // Read since it was queued: back in line at the place of its last read. Each entry is
      // re-queued at most once per eviction pass, since reads wait for the lock.
      c.by_use.erase(first);
      e->queued_at = used;
      c.by_use.emplace(used, e);
      continue;
    }
    remove(e);
    ++evicted_;
  }
}

void PageCache::remove(Entry* e) {
  for (const auto& t : e->tags) {
    auto it = by_tag_.find(t);
    if (it == by_tag_.end()) continue;
    it->second.erase(e);
    if (it->second.empty()) by_tag_.erase(it);
  }
  Class& c = class_of(e->cls);
  c.by_use.erase({e->queued_at, e});
  c.bytes -= e->bytes;
  --c.entries;
  entries_.erase(entries_.find(e->key));  // by iterator: the key lives in *e, which this destroys
}

void PageCache::record_purge(bool all, std::vector<std::string> tags) {
  std::uint64_t seq = purge_seq_.load(std::memory_order_relaxed) + 1;
  purges_.push_back({seq, all, std::move(tags)});
  if (purges_.size() > kPurgeHistory) purges_.pop_front();
  purge_seq_.store(seq, std::memory_order_release);
}

std::size_t PageCache::purge(const std::vector<std::string>& tags) {
  std::vector<std::string> sorted = tags;
  sort_unique(sorted);
  std::unique_lock lock(mutex_);
  std::unordered_set<Entry*> doomed;
  for (const auto& t : sorted)
    if (auto it = by_tag_.find(t); it != by_tag_.end()) doomed.insert(it->second.begin(), it->second.end());
  for (Entry* e : doomed) remove(e);
  purged_ += doomed.size();
  // Recorded even when nothing was held: a render under way may be about to put a page that
  // carries one of these tags.
  record_purge(false, std::move(sorted));
  return doomed.size();
}

void PageCache::clear() {
  std::unique_lock lock(mutex_);
  purged_ += entries_.size();
  entries_.clear();
  by_tag_.clear();
  for (Class* c : {&page_, &query_}) {
    c->by_use.clear();
    c->bytes = 0;
    c->entries = 0;
  }
  record_purge(true, {});
}

CacheStats PageCache::stats() const {
  std::shared_lock lock(mutex_);
  CacheStats s;
  for (const auto& c : counters_) {
    s.hits += c.hits.load(std::memory_order_relaxed);
    s.misses += c.misses.load(std::memory_order_relaxed);
  }
  s.inserts = inserts_;
  s.purged = purged_;
  s.evicted = evicted_;
  s.refused_stale = refused_stale_;
  s.declined = declined_;
  s.entries = page_.entries + query_.entries;
  s.bytes = page_.bytes + query_.bytes;
  s.query_entries = query_.entries;
  s.query_bytes = query_.bytes;
  return s;
}

}  // namespace toasoan::site
