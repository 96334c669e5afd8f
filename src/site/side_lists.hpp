// The short lists article pages show beside their text: "Tin mới" (the newest across
// categories) and the article's category's newest. At a million articles most article pages a
// reader asks for are rendered, not served from the cache, and every render would ask the
// database the same two questions and write the same lists out; here each list is read and
// written out once and shared by the renders that follow.
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
#include <string>
#include <utility>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"
#include "render/html.hpp"
#include "store/reading.hpp"

namespace toasoan::site {

// One list, read for pages that show `shown` articles of it.
struct SideList {
  int shown = 0;
  // The newest shown + 1: one more, so that a page can leave its own article out.
  std::vector<articles::Summary> items;
  // headline_list() of the first `shown` items, and their articles' cache tags: what every page
  // whose own article is not among them shows, nearly every page of an archive.
  render::Html html;
  std::vector<std::string> tags;
};

// Writes what the page of article `self` shows of `list` (at most list.shown articles, never
// `self`) into `h`, and adds their cache tags to `tags`. The list's own writing unless `self`
// is among its first articles. False, and nothing written, when no article is left to show.
bool write_beside(render::Html& h, std::vector<std::string>& tags, const SideList& list, std::int64_t self);

class SideLists {
 public:
  using List = std::shared_ptr<const SideList>;

  explicit SideLists(store::Reading& reading) : reading_(reading) {}

  // The newest articles of `category` (of every category when empty) published by `now`, for
  // pages that show `shown` of them.
  Result<List> newest(std::optional<std::int64_t> category, int shown, std::int64_t now);

  void forget();

 private:
  struct Kept {
    List list;
    std::int64_t read_at = 0;
  };

  store::Reading& reading_;
  std::mutex mutex_;
  std::map<std::pair<std::int64_t, int>, Kept> kept_;  // GUARDED_BY(mutex_); key: (category or 0, shown)
  std::uint64_t generation_ = 0;                        // GUARDED_BY(mutex_)
};

}  // namespace toasoan::site
