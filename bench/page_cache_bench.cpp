// PageCache::get() on a warm cache, from 1, 2 and 4 threads, against the two obvious ways to
// keep a page cache, in one run:
//   reference_plain_lookup  a shared lock and a hash lookup, no recency at all (what a FIFO
//                           cache costs; the floor)
//   reference_locked_lru    an exact LRU list moved to the front under an exclusive lock on
//                           every read (what a textbook LRU costs)
// Every read is a hit on one of 1,000 pages, spread the way readers spread over a paper: a
// few hot pages and a long tail.
#include <benchmark/benchmark.h>

#include <list>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "site/page_cache.hpp"

namespace {

using toasoan::site::CachedPage;
using toasoan::site::CacheClass;
using toasoan::site::PageCache;

constexpr int kPages = 1000;

const std::vector<std::string>& keys() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> out;
    for (int i = 0; i < kPages; ++i) out.push_back("/thoi-su/bai-viet-so-" + std::to_string(i) + ".html");
    return out;
  }();
  return k;
}

// Skewed: half the reads go to the first ten pages.
const std::string& key_for(std::uint64_t i) {
  std::uint64_t x = i * 2654435761u;
  return keys()[(x & 1) ? x % 10 : x % kPages];
}

std::shared_ptr<const CachedPage> a_page() {
  static auto p = CachedPage::make(200, "text/html; charset=utf-8", std::string(4000, 'x'), "no-cache");
  return p;
}

PageCache& cache() {
  static PageCache* c = [] {
    auto* c = new PageCache(64u << 20, 8u << 20);
    for (const auto& k : keys()) c->put(k, a_page(), {"listing:all"}, CacheClass::page, c->ticket());
    return c;
  }();
  return *c;
}

void BM_get(benchmark::State& state) {
  PageCache& c = cache();
  std::uint64_t i = static_cast<std::uint64_t>(state.thread_index()) * 7919;
  for (auto _ : state) benchmark::DoNotOptimize(c.get(key_for(i++)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_get)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

struct PlainLookup {
  std::shared_mutex mutex;
  std::unordered_map<std::string, std::shared_ptr<const CachedPage>> pages;
  std::shared_ptr<const CachedPage> get(const std::string& k) {
    std::shared_lock lock(mutex);
    auto it = pages.find(k);
    return it == pages.end() ? nullptr : it->second;
  }
};

PlainLookup& plain() {
  static PlainLookup* p = [] {
    auto* p = new PlainLookup;
    for (const auto& k : keys()) p->pages.emplace(k, a_page());
    return p;
  }();
  return *p;
}

void BM_get_reference_plain_lookup(benchmark::State& state) {
  PlainLookup& p = plain();
  std::uint64_t i = static_cast<std::uint64_t>(state.thread_index()) * 7919;
  for (auto _ : state) benchmark::DoNotOptimize(p.get(key_for(i++)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_get_reference_plain_lookup)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

struct LockedLru {
  using Order = std::list<std::string>;
  std::mutex mutex;
  Order order;
  std::unordered_map<std::string, std::pair<std::shared_ptr<const CachedPage>, Order::iterator>> pages;
  std::shared_ptr<const CachedPage> get(const std::string& k) {
    std::lock_guard lock(mutex);
    auto it = pages.find(k);
    if (it == pages.end()) return nullptr;
    order.splice(order.begin(), order, it->second.second);
    return it->second.first;
  }
};

LockedLru& locked() {
  static LockedLru* l = [] {
    auto* l = new LockedLru;
    for (const auto& k : keys()) {
      l->order.push_front(k);
      l->pages.emplace(k, std::pair{a_page(), l->order.begin()});
    }
    return l;
  }();
  return *l;
}

void BM_get_reference_locked_lru(benchmark::State& state) {
  LockedLru& l = locked();
  std::uint64_t i = static_cast<std::uint64_t>(state.thread_index()) * 7919;
  for (auto _ : state) benchmark::DoNotOptimize(l.get(key_for(i++)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_get_reference_locked_lru)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
