// Rendered pages kept in memory by URL, so a reader's request costs a hash lookup, not a
// database query and a render. Each page carries the tags of what it was rendered from
// ("article:42", "listing:3", "categories", …: opaque strings here), so a change drops only
// the pages it touches instead of the whole cache.
//
// Invariants:
//   1. Budgets per class: the bytes of the pages of one class (a page's body in every
//      encoding made so far when it was put, its key and its tags) stay within that class's
//      budget after every put(). The query class (pages keyed by a reader's query string) has
//      its own budget, so a flood of unique queries evicts only other query pages.
//   2. No single page over a quarter of its class's budget is kept: one huge page must not
//      flush everything else.
//   3. Least recently used first: when a put() takes a class over its budget, the pages of
//      that class that were put or read longest ago go first. "Ago" is counted in puts: two
//      reads between the same two puts are equally recent.
//   4. The tag index names exactly the pages held: every put, replacement, eviction, purge and
//      clear updates it with the page, so purge() finds every page carrying a tag and no
//      index entry outlives its page.
//   5. A slow render never puts back what a purge removed: put() refuses a page whose ticket
//      is older than a clear(), or older than a purge() that shares one of its tags, or so old
//      that the purges since it are no longer remembered (the last kPurgeHistory are).
//   6. A put() under a key already held replaces the page there (the new render passed (5),
//      so it is at least as fresh).
//   7. A page that would take its class over its budget is kept only if its key was offered to
//      put() before and not forgotten since: offered_ keeps one key hash per slot, each key
//      offered taking its slot, with about twice as many slots as the budgets hold 16 KB pages.
//      A page asked for once (a crawler walking the archive, a reader opening an old article)
//      never evicts the pages readers keep asking for, and a render read at random over more
//      pages than the budget holds is not put in and evicted again each time; a page asked for
//      again is kept at its second render. At a million articles, putting every such render in
//      (and evicting another) was a sixth of the server's time and 2 ms of p99 (bench/README.md).
//
// Thread-safety: every method may be called from any thread. get() takes the lock shared and
// marks recency with a relaxed atomic store in the entry, so reads on every I/O thread never
// wait for one another; put(), purge() and clear() take it alone.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "site/cached_page.hpp"

namespace toasoan::site {

// query: pages keyed by a reader's query string (search, API, suggestions): their own, smaller
// budget, so a flood of unique queries never pushes out the hot pages.
enum class CacheClass { page, query };

struct CacheStats {
  // Counted since the cache was made. purged counts the pages purge() and clear() removed;
  // refused_stale the puts refused by invariant 5, declined those refused by invariant 7.
  std::uint64_t hits = 0, misses = 0, inserts = 0, purged = 0, evicted = 0, refused_stale = 0, declined = 0;
  // Held now: entries and bytes over both classes; query_entries and query_bytes the part of
  // them in the query class.
  std::size_t entries = 0, bytes = 0, query_entries = 0, query_bytes = 0;
};

class PageCache {
 public:
  // How many purges put() remembers when judging a ticket (invariant 5). Far more than can
  // happen during one render; a render slower than this many purges is refused, never wrong.
  static constexpr std::size_t kPurgeHistory = 4096;

  PageCache(std::size_t page_budget_bytes, std::size_t query_budget_bytes);

  PageCache(const PageCache&) = delete;
  PageCache& operator=(const PageCache&) = delete;

  // Counts a hit or a miss; a hit marks the page as recently used.
  std::shared_ptr<const CachedPage> get(const std::string& key);

  // A ticket taken before rendering; put() refuses the page when, since the ticket, a purge
  // touched one of its tags or the cache was cleared (a slow render must never put back
  // content a purge removed).
  std::uint64_t ticket() const { return purge_seq_.load(std::memory_order_acquire); }

  // Keeps `page` under `key`, tagged with what it depends on ("article:42", "listing:3",
  // "listing:all", "categories", "search", …: opaque strings to the cache).
  // REQUIRES: `ticket` came from ticket() before the page was rendered.
  void put(const std::string& key, std::shared_ptr<const CachedPage> page, std::vector<std::string> tags,
           CacheClass cls, std::uint64_t ticket);

  // Removes every page carrying any of `tags`; returns how many went.
  std::size_t purge(const std::vector<std::string>& tags);

  // Removes every page, and refuses every page rendered before.
  void clear();

  CacheStats stats() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const CachedPage> page;
    std::vector<std::string> tags;  // sorted, no duplicates
    CacheClass cls = CacheClass::page;
    std::size_t bytes = 0;
    // The tick of the last put or read. Readers store it under the shared lock, hence atomic;
    // relaxed is enough because it is only compared under the exclusive lock.
    std::atomic<std::uint64_t> last_used{0};
    std::uint64_t queued_at = 0;  // its position in Class::by_use; GUARDED_BY(mutex_)
  };

  // One class's pages by when they were last used, as last seen by the exclusive lock: reads
  // move last_used on without it, so eviction re-queues an entry whose last_used moved on
  // before it considers the next one.
  struct Class {
    std::size_t budget = 0;
    std::size_t bytes = 0;
    std::size_t entries = 0;
    std::set<std::pair<std::uint64_t, Entry*>> by_use;
  };

  struct Purge {
    std::uint64_t seq = 0;
    bool all = false;               // a clear()
    std::vector<std::string> tags;  // sorted
  };

  Class& class_of(CacheClass c) { return c == CacheClass::query ? query_ : page_; }
  bool stale(const std::vector<std::string>& tags, std::uint64_t ticket) const;  // REQUIRES: mutex_ held
  void remove(Entry* e);                                                         // REQUIRES: mutex_ held alone
  void evict_over_budget(Class& c);                                              // REQUIRES: mutex_ held alone
  void record_purge(bool all, std::vector<std::string> tags);                    // REQUIRES: mutex_ held alone
  bool offered_before(const std::string& key);                                   // REQUIRES: mutex_ held alone

  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;        // GUARDED_BY(mutex_)
  std::unordered_map<std::string, std::unordered_set<Entry*>> by_tag_;     // GUARDED_BY(mutex_)
  Class page_, query_;                                                     // GUARDED_BY(mutex_)
  // Moves by 2 on every put, which stamps its page with the odd value between: the new page is
  // more recent than every read before it, and every read after it is more recent than it.
  // Written only under the exclusive lock, so readers may read it under the shared one.
  std::uint64_t tick_ = 0;                                                 // GUARDED_BY(mutex_)
  std::deque<Purge> purges_;                                               // GUARDED_BY(mutex_)
  // Moved by every purge() and clear(), under the exclusive lock; read without it by ticket().
  std::atomic<std::uint64_t> purge_seq_{0};
  std::uint64_t inserts_ = 0, purged_ = 0, evicted_ = 0, refused_stale_ = 0, declined_ = 0;  // GUARDED_BY(mutex_)
  // Invariant 7: the hash of the last key offered to put() in each slot (0: none yet); a power
  // of two long, indexed by the hash's low bits.
  std::vector<std::uint64_t> offered_;  // GUARDED_BY(mutex_)
  // Hits and misses are counted on every read from every thread: one counter per stripe, a
  // cache line each, so threads do not fight over one line (stats() sums them).
  static constexpr std::size_t kStripes = 16;
  struct alignas(64) Counters {
    std::atomic<std::uint64_t> hits{0}, misses{0};
  };
  Counters& counters();
  Counters counters_[kStripes];
};

}  // namespace toasoan::site
