// The change log: every committed write, in commit order, as (sequence number, topic, key).
// Written by each unit of work in its own transaction, so an entry exists exactly when its
// change does. Nodes follow it to purge the cached pages that depend on what changed (app's
// change follower), and readers' open pages will follow it for live updates (server-sent
// events resuming from a sequence number), so sequence numbers only grow and have no holes
// that a later commit could fill.
//
// Topics and keys written today (constants below):
//   article  <article id>         an article's content or status changed
//   listing  <category id>        which articles a category's lists (and the site-wide
//                                 newest list, feeds, sitemaps) show may have changed: an
//                                 article was added, published, unpublished, moved, re-dated
//   category <category id>        a category was created or renamed (every page's menu)
//
// Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace toasoan::store {

namespace topic {
inline constexpr const char* article = "article";
inline constexpr const char* listing = "listing";
inline constexpr const char* category = "category";
}  // namespace topic

struct Change {
  std::uint64_t seq = 0;  // 1, 2, 3… in commit order
  std::string topic;
  std::string key;
  std::int64_t at = 0;  // Unix seconds of the commit
};

struct ChangeBatch {
  std::vector<Change> changes;  // ascending seq, all > the `after` asked for
  // Entries after `after` were already purged from the log (a node that was away longer than
  // the log keeps): the reader cannot know what changed and must assume everything did.
  bool gap = false;
  std::uint64_t last = 0;  // the highest seq seen (of `changes`, or `after` when none)
};

class ChangeLog {
 public:
  virtual ~ChangeLog() = default;

  // The newest committed sequence number, 0 for an empty log.
  virtual Result<std::uint64_t> last_seq() = 0;

  // Entries with seq > after, oldest first, at most `limit`.
  virtual Result<ChangeBatch> since(std::uint64_t after, int limit) = 0;

  // Waits until something may have been committed by anyone (this process, another process,
  // another node) or `timeout` passes; then read since(). SQLite polls the file's
  // data_version; PostgreSQL waits for a NOTIFY on a connection of its own that LISTENs. A
  // false wake-up is harmless; a missed one is not possible for longer than `timeout`.
  // Returns unavailable while the database cannot be reached (after waiting `timeout`).
  virtual Status wait(std::chrono::milliseconds timeout) = 0;

  // Deletes entries committed before `before` (Unix seconds), keeping the newest one so the
  // sequence never restarts. Returns how many went.
  virtual Result<std::int64_t> purge(std::int64_t before) = 0;
};

}  // namespace toasoan::store
