#include "site/side_lists.hpp"

#include <algorithm>

#include "site/cache_tags.hpp"
#include "site/layout.hpp"

namespace toasoan::site {

namespace {

// The first `shown` of `items` that are not article `self`.
std::vector<articles::Summary> beside(const std::vector<articles::Summary>& items, int shown, std::int64_t self) {
  std::vector<articles::Summary> out;
  for (const auto& s : items)
    if (s.id != self && static_cast<int>(out.size()) < shown) out.push_back(s);
  return out;
}

}  // namespace

bool write_beside(render::Html& h, std::vector<std::string>& tags, const SideList& list, std::int64_t self) {
  const std::size_t first = std::min(list.items.size(), static_cast<std::size_t>(std::max(list.shown, 0)));
  const bool among = std::any_of(list.items.begin(), list.items.begin() + static_cast<std::ptrdiff_t>(first),
                                 [self](const articles::Summary& s) { return s.id == self; });
  if (!among) {
    if (first == 0) return false;
    h << list.html;
    tags.insert(tags.end(), list.tags.begin(), list.tags.end());
    return true;
  }
  const auto items = beside(list.items, list.shown, self);
  if (items.empty()) return false;
  headline_list(h, items, /*counts=*/false);
  tags::add_articles(tags, items);
  return true;
}

Result<SideLists::List> SideLists::newest(std::optional<std::int64_t> category, int shown, std::int64_t now) {
  const std::pair<std::int64_t, int> key{category.value_or(0), shown};
  std::uint64_t generation;
  {
    std::lock_guard lock(mutex_);
    if (auto it = kept_.find(key); it != kept_.end() && now >= it->second.read_at && now - it->second.read_at < 1)
      return it->second.list;
    generation = generation_;
  }
  // Read and written out of the lock: with the database slow, other lists are not held up
  // behind this one.
  auto read = reading_.latest({category, shown + 1, 0, now});
  if (!read) return read.error();
  auto list = std::make_shared<SideList>();
  list->shown = shown;
  list->items = std::move(*read);
  const auto first = beside(list->items, shown, 0);
  headline_list(list->html, first, /*counts=*/false);
  tags::add_articles(list->tags, first);
  std::lock_guard lock(mutex_);
  if (generation == generation_) kept_[key] = {list, now};
  return List(std::move(list));
}

void SideLists::forget() {
  std::lock_guard lock(mutex_);
  ++generation_;
  kept_.clear();
}

}  // namespace toasoan::site
