// The live hub: the open server-sent-event streams of readers' article pages and of the
// moderators' queue, fed by the change log (store/change_log.hpp) that every node follows.
//
// A reader's page gets, on its article's stream:
//   retry: 3000\n\nid: <seq>\n\n                         at its opening without Last-Event-ID:
//                                                        the newest entry applied, an id
//                                                        without an event, which the browser
//                                                        resumes from if the connection drops
//   id: <seq>\nevent: comment\ndata: <public_json>\n\n   a comment is shown (approved, edited,
//                                                        pinned, liked): add or replace it
//   id: <seq>\nevent: remove\ndata: {"id":N}\n\n          it is no longer shown (rejected,
//                                                        spam, back to moderation, deleted)
//   event: reset\ndata: {}\n\n                            what was missed cannot be told: the
//                                                        browser reloads the comment list
//                                                        (GET …/comments) and keeps listening
//   : \n\n                                                every 15 s, so that proxies keep an
//                                                        idle stream open
// A moderator's app gets `event: queue\ndata: {}\n\n` when the queue may have changed, at most
// once per 500 ms per stream, and refetches it. Events without a data line are never
// dispatched by browsers, hence the `data: {}` of reset and queue.
//
// Why change-log sequence numbers as event ids: every node follows the same log, so an id
// means the same thing on every node. A browser whose connection drops reconnects (through
// the load balancer, perhaps to another node) with Last-Event-ID, and that node replays the
// article's entries after it from the log, then goes on live, with no event lost or repeated.
// When the log no longer reaches back so far (purged), or the reader is too far behind to be
// worth replaying, the stream says reset instead, with the newest id so that the reader's next
// reconnection starts from there.
//
// Memory: a stream costs the http::Stream and one entry in a map keyed by article; there is no
// thread per stream, one timer thread for the hub (keep-alives, coalesced queue events) and the
// caller's threads for the rest. A stream that ends (client gone, server stopping) removes
// itself through Stream::on_close; one a keep-alive finds closed is dropped too.
//
// Thread-safety: every method from any thread. apply() and everything() are meant for one
// thread (the change follower's), which keeps each stream's live events in log order. Streams
// are written outside the hub's lock.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/message.hpp"
#include "store/change_log.hpp"
#include "store/comments.hpp"

namespace toasoan::comments {

struct LiveOptions {
  std::chrono::milliseconds keep_alive{15000};     // the comment line on every stream
  std::chrono::milliseconds queue_interval{500};   // at most one queue event per stream
  // A reader further behind than this many log entries (of every topic) gets reset rather
  // than a replay: a Last-Event-ID of 1 must not make a node read the whole log.
  int max_replay_entries = 20000;
  int replay_page = 1000;  // entries read from the log at a time
  bool thread = true;      // false: no timer thread, the caller calls tick() (tests)
};

class LiveHub {
 public:
  LiveHub(store::ChangeLog& log, store::Comments& comments, LiveOptions options = {});
  ~LiveHub();  // stops the timer thread and closes every stream (the server ends them cleanly)
  LiveHub(const LiveHub&) = delete;
  LiveHub& operator=(const LiveHub&) = delete;

  // A reader's page on an article: `retry: 3000`, then (given the id of the last event it
  // saw) the article's entries it missed, then live ones, in log order.
  std::shared_ptr<http::Stream> open_article(std::int64_t article_id, std::optional<std::uint64_t> last_event_id);
  // A moderator's app.
  std::shared_ptr<http::Stream> open_queue();

  // Entries of the change log, in order (FollowerHooks::changed).
  void apply(const std::vector<store::Change>& changes);
  // The follower could not tell what changed (FollowerHooks::everything): every reader
  // reloads.
  void everything();

  // What the timer thread does each queue_interval: the queue events held back, and the
  // keep-alives when due. Public for tests (LiveOptions::thread = false).
  void tick();

  std::size_t article_streams() const;
  std::size_t queue_streams() const;

 private:
  struct State;
  void run();

  store::ChangeLog& log_;
  store::Comments& comments_;
  LiveOptions options_;
  // Shared with each stream's on_close, which may run after the hub is gone.
  std::shared_ptr<State> state_;
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;  // GUARDED_BY(stop_mutex_)
  std::thread timer_;
};

// The headers of an event stream: Content-Type text/event-stream, no caching, and no buffering
// by a proxy in front (nginx's X-Accel-Buffering), so that events reach the reader at once.
void event_stream_headers(http::Response& res);

// The Last-Event-ID header's value as a sequence number; nullopt when absent or not a number.
std::optional<std::uint64_t> parse_last_event_id(std::string_view header);

}  // namespace toasoan::comments
