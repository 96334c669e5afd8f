// The short lists article pages show beside their text: "Tin mới" (the newest across
// categories) and the article's category's newest. At a million articles most article pages a
// reader asks for are rendered, not served from the cache, and every render would ask the
// database the same two questions; here each list is read once and shared by the renders that
// follow.
//
// A list is kept until any change reaches the site (forget(): writes are rare beside reads, and
// the next render reads it again) and for at most a second of the site's clock, so a moved
// clock or an article whose scheduled time comes never meets a list older than that. A read
// that began before a forget() is used by its render but not kept.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"
#include "store/reading.hpp"

namespace toasoan::site {

class SideLists {
 public:
  using List = std::shared_ptr<const std::vector<articles::Summary>>;

  explicit SideLists(store::Reading& reading) : reading_(reading) {}

  // The newest `limit` articles of `category` (of every category when empty) published by `now`.
  Result<List> newest(std::optional<std::int64_t> category, int limit, std::int64_t now);

  void forget();

 private:
  struct Kept {
    List list;
    std::int64_t read_at = 0;
  };

  store::Reading& reading_;
  std::mutex mutex_;
  std::map<std::pair<std::int64_t, int>, Kept> kept_;  // GUARDED_BY(mutex_); key: (category or 0, limit)
  std::uint64_t generation_ = 0;                        // GUARDED_BY(mutex_)
};

}  // namespace toasoan::site
