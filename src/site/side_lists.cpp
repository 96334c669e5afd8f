#include "site/side_lists.hpp"

namespace toasoan::site {

Result<SideLists::List> SideLists::newest(std::optional<std::int64_t> category, int limit, std::int64_t now) {
  const std::pair<std::int64_t, int> key{category.value_or(0), limit};
  std::uint64_t generation;
  {
    std::lock_guard lock(mutex_);
    if (auto it = kept_.find(key); it != kept_.end() && now >= it->second.read_at && now - it->second.read_at < 1)
      return it->second.list;
    generation = generation_;
  }
  // Read outside the lock: with the database slow, other lists are not held up behind this one.
  auto read = reading_.latest({category, limit, 0, now});
  if (!read) return read.error();
  auto list = std::make_shared<const std::vector<articles::Summary>>(std::move(*read));
  std::lock_guard lock(mutex_);
  if (generation == generation_) kept_[key] = {list, now};
  return List(list);
}

void SideLists::forget() {
  std::lock_guard lock(mutex_);
  ++generation_;
  kept_.clear();
}

}  // namespace toasoan::site
