#include "site/page_cache.hpp"

#include <mutex>

namespace toasoan::site {

std::shared_ptr<const CachedPage> PageCache::get(const std::string& key) const {
  std::shared_lock lock(mutex_);
  auto it = pages_.find(key);
  return it == pages_.end() ? nullptr : it->second;
}

void PageCache::put(const std::string& key, std::shared_ptr<const CachedPage> page, std::uint64_t rendered_in) {
  std::size_t size = page->bytes() + key.size();
  if (size > budget_ / 4) return;  // one huge page must not flush everything else
  std::unique_lock lock(mutex_);
  if (rendered_in != generation_.load(std::memory_order_acquire)) return;
  auto [it, inserted] = pages_.try_emplace(key, page);
  if (!inserted) return;  // another thread rendered it first; keep theirs
  order_.push_back(key);
  bytes_ += size;
  while (bytes_ > budget_ && !order_.empty()) {
    auto old = pages_.find(order_.front());
    if (old != pages_.end()) {
      bytes_ -= old->second->bytes() + old->first.size();
      pages_.erase(old);
    }
    order_.pop_front();
  }
}

void PageCache::clear() {
  std::unique_lock lock(mutex_);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  pages_.clear();
  order_.clear();
  bytes_ = 0;
}

std::size_t PageCache::bytes() const {
  std::shared_lock lock(mutex_);
  return bytes_;
}

}  // namespace toasoan::site
