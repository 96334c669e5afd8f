// Rendered pages kept in memory by URL, so a reader's request costs a hash lookup, not a
// database query and a render.
//
// Invariants:
//   1. Every page in the cache was rendered from the content as of the current generation;
//      clear() (called when the store reports a change) starts a new generation.
//   2. A page rendered during generation G is not inserted after the generation moved on,
//      so a slow render cannot put stale content back after a clear.
//   3. Total bytes stay under the budget: the oldest entries go first.
// Thread-safe: lookups share a lock, inserts and clears take it alone.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "site/cached_page.hpp"

namespace toasoan::site {

class PageCache {
 public:
  explicit PageCache(std::size_t budget_bytes) : budget_(budget_bytes) {}

  std::shared_ptr<const CachedPage> get(const std::string& key) const;

  // The generation to pass to put() for a page about to be rendered.
  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  void put(const std::string& key, std::shared_ptr<const CachedPage> page, std::uint64_t rendered_in);

  void clear();
  std::size_t bytes() const;

 private:
  const std::size_t budget_;
  std::atomic<std::uint64_t> generation_{0};
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const CachedPage>> pages_;  // GUARDED_BY(mutex_)
  std::deque<std::string> order_;                                            // GUARDED_BY(mutex_)
  std::size_t bytes_ = 0;                                                    // GUARDED_BY(mutex_)
};

}  // namespace toasoan::site
