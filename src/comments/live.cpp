#include "comments/live.hpp"

#include <charconv>
#include <string>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/log.hpp"
#include "comments/public_json.hpp"

namespace toasoan::comments {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kRetry = "retry: 3000\n\n";
constexpr std::string_view kReset = "event: reset\ndata: {}\n\n";
constexpr std::string_view kQueue = "event: queue\ndata: {}\n\n";
constexpr std::string_view kKeepAlive = ": \n\n";

// An event held back for a stream that is still replaying. seq 0: the follower's reset, which
// is written whatever was replayed.
struct Held {
  std::uint64_t seq = 0;
  std::string event;
};

struct ArticleReader {
  std::shared_ptr<http::Stream> stream;
  // Live entries up to here were replayed already (or were before the reload a reset asked for).
  std::uint64_t after = 0;
  // Set while the stream replays: live events wait here so that none overtakes the replay.
  std::unique_ptr<std::vector<Held>> held;
};

struct QueueReader {
  std::shared_ptr<http::Stream> stream;
  Clock::time_point last_sent{};
  bool due = false;  // news came within queue_interval of the last event: sent by tick()
};

std::optional<std::int64_t> parse_id(std::string_view s) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

// "<article id>:<comment id>"
std::optional<std::pair<std::int64_t, std::int64_t>> parse_comment_key(std::string_view key) {
  auto colon = key.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto article = parse_id(key.substr(0, colon));
  auto comment = parse_id(key.substr(colon + 1));
  if (!article || !comment) return std::nullopt;
  return std::pair{*article, *comment};
}

std::string reset_event(std::optional<std::uint64_t> id) {
  std::string e;
  if (id) e.append("id: ").append(std::to_string(*id)).append("\n");
  e.append(kReset);
  return e;
}

struct Refused {
  std::vector<std::pair<std::int64_t, std::shared_ptr<http::Stream>>> articles;
  std::vector<std::shared_ptr<http::Stream>> queue;
};

// What readers' pages are told of comment `id` now (without the id: line): the comment when it
// is shown, that it is gone otherwise (rejected, spam, back to moderation, erased).
std::string comment_event(std::int64_t id, const std::optional<store::Comment>& comment) {
  if (comment && comment->status == store::CommentStatus::approved)
    return "event: comment\ndata: " + public_json(*comment).dump() + "\n\n";
  return "event: remove\ndata: " + nlohmann::json{{"id", id}}.dump() + "\n\n";
}

}  // namespace

struct LiveHub::State {
  std::mutex mutex;
  std::unordered_map<std::int64_t, std::unordered_map<const http::Stream*, ArticleReader>> articles;  // GUARDED_BY(mutex)
  std::unordered_map<const http::Stream*, QueueReader> queue;  // GUARDED_BY(mutex)
  std::size_t article_count = 0;                               // GUARDED_BY(mutex)
  std::uint64_t applied = 0;  // GUARDED_BY(mutex): the newest entry apply() was handed
  Clock::time_point last_keep_alive = Clock::now();            // GUARDED_BY(mutex)

  // A stream that ended: forgotten. The Stream itself is released after the lock, in case
  // this was its last owner.
  void drop_article(std::int64_t article_id, const http::Stream* s) {
    std::shared_ptr<http::Stream> keep;
    std::lock_guard lock(mutex);
    auto a = articles.find(article_id);
    if (a == articles.end()) return;
    auto r = a->second.find(s);
    if (r == a->second.end()) return;
    keep = std::move(r->second.stream);
    a->second.erase(r);
    --article_count;
    if (a->second.empty()) articles.erase(a);
  }
  void drop_queue(const http::Stream* s) {
    std::shared_ptr<http::Stream> keep;
    std::lock_guard lock(mutex);
    auto r = queue.find(s);
    if (r == queue.end()) return;
    keep = std::move(r->second.stream);
    queue.erase(r);
  }
  // Streams that refused a write: closed, perhaps before any server took them (so no
  // on_close will come), or their on_close is on its way; forgetting them twice is harmless.
  void drop(const Refused& refused) {
    for (const auto& [article_id, s] : refused.articles) drop_article(article_id, s.get());
    for (const auto& s : refused.queue) drop_queue(s.get());
  }
};

LiveHub::LiveHub(store::ChangeLog& log, store::Comments& comments, LiveOptions options)
    : log_(log), comments_(comments), options_(options), state_(std::make_shared<State>()) {
  if (options_.thread) timer_ = std::thread([this] { run(); });
}

LiveHub::~LiveHub() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (timer_.joinable()) timer_.join();
  std::vector<std::shared_ptr<http::Stream>> open;
  {
    std::lock_guard lock(state_->mutex);
    for (auto& [id, readers] : state_->articles)
      for (auto& [raw, r] : readers) open.push_back(std::move(r.stream));
    for (auto& [raw, q] : state_->queue) open.push_back(std::move(q.stream));
    state_->articles.clear();
    state_->queue.clear();
    state_->article_count = 0;
  }
  for (auto& s : open) s->close();
}

void LiveHub::run() {
  std::unique_lock lock(stop_mutex_);
  while (!stopping_) {
    stop_cv_.wait_for(lock, options_.queue_interval, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    tick();
    lock.lock();
  }
}

std::shared_ptr<http::Stream> LiveHub::open_article(std::int64_t article_id,
                                                    std::optional<std::uint64_t> last_event_id) {
  auto stream = std::make_shared<http::Stream>();
  stream->write(std::string(kRetry));
  const http::Stream* raw = stream.get();
  std::uint64_t applied = 0;
  // Registered before the log is read: an entry committed from now on is either in what the
  // replay reads or comes through apply() (held back until the replay is done), never neither.
  {
    std::lock_guard lock(state_->mutex);
    applied = state_->applied;
    ArticleReader& r = state_->articles[article_id][raw];
    r.stream = stream;
    if (last_event_id) r.held = std::make_unique<std::vector<Held>>();
    ++state_->article_count;
  }
  stream->on_close([weak = std::weak_ptr<State>(state_), article_id, raw] {
    if (auto st = weak.lock()) st->drop_article(article_id, raw);
  });
  if (!last_event_id) {
    // A fresh stream is told the newest entry applied before it was registered, as an id
    // without an event: the browser keeps it as its last event id, so a connection lost before
    // any comment came (a phone changing cells) resumes from there instead of from nothing, and
    // what was approved in between is replayed. An event applied meanwhile may come first; a
    // reconnection then sends it again, which a page takes as the same comment shown again.
    if (applied > 0) stream->write("id: " + std::to_string(applied) + "\n\n");
    return stream;
  }

  // The replay: this article's comment entries after the reader's last event.
  std::uint64_t upto = *last_event_id;
  std::optional<std::uint64_t> reset;  // set: say reset (with this id, when not 0) instead
  auto newest = log_.last_seq();
  if (!newest) {
    log::warn("live comments: change log unreadable, stream starts with reset: " + newest.error().message);
    reset = 0;
  } else {
    // An id from the future (made up, or from another database) must not mute the stream.
    if (upto > *newest) upto = *newest;
    std::unordered_map<std::int64_t, std::string> shown;  // comment id → its event's data
    int scanned = 0;
    while (upto < *newest && !reset) {
      if (scanned >= options_.max_replay_entries) {
        reset = *newest;
        break;
      }
      auto batch = log_.since(upto, options_.replay_page);
      if (!batch || batch->gap) {
        if (!batch) log::warn("live comments: change log unreadable during replay: " + batch.error().message);
        reset = *newest;
        break;
      }
      if (batch->changes.empty()) break;
      for (const auto& c : batch->changes) {
        if (c.topic != store::topic::comment) continue;
        auto key = parse_comment_key(c.key);
        if (!key || key->first != article_id) continue;
        auto found = shown.find(key->second);
        if (found == shown.end()) {
          auto comment = comments_.comment(key->second);
          if (!comment) {
            log::warn("live comments: cannot read comment " + std::to_string(key->second) + ": " +
                      comment.error().message);
            reset = *newest;
            break;
          }
          found = shown.emplace(key->second, comment_event(key->second, *comment)).first;
        }
        if (!stream->write("id: " + std::to_string(c.seq) + "\n" + found->second)) return stream;
      }
      scanned += static_cast<int>(batch->changes.size());
      upto = std::max(upto, batch->last);
    }
  }
  if (reset) {
    // The browser reloads the list, which then shows everything up to `newest` and beyond.
    stream->write(reset_event(*reset ? std::optional(*reset) : std::nullopt));
    upto = *reset;
  }

  // Live from here: first what apply() held back meanwhile (what the replay did not already
  // send), until nothing is held, then apply() writes directly.
  for (;;) {
    std::vector<Held> held;
    {
      std::lock_guard lock(state_->mutex);
      auto a = state_->articles.find(article_id);
      if (a == state_->articles.end()) return stream;
      auto r = a->second.find(raw);
      if (r == a->second.end()) return stream;  // closed meanwhile
      if (r->second.held->empty()) {
        r->second.held.reset();
        r->second.after = upto;
        break;
      }
      held.swap(*r->second.held);
    }
    for (auto& h : held) {
      if (h.seq != 0 && h.seq <= upto) continue;
      if (!stream->write(std::move(h.event))) return stream;
      if (h.seq != 0) upto = h.seq;
    }
  }
  return stream;
}

std::shared_ptr<http::Stream> LiveHub::open_queue() {
  auto stream = std::make_shared<http::Stream>();
  stream->write(std::string(kRetry));
  const http::Stream* raw = stream.get();
  {
    std::lock_guard lock(state_->mutex);
    state_->queue[raw].stream = stream;
  }
  stream->on_close([weak = std::weak_ptr<State>(state_), raw] {
    if (auto st = weak.lock()) st->drop_queue(raw);
  });
  return stream;
}

void LiveHub::apply(const std::vector<store::Change>& changes) {
  struct Event {
    std::int64_t article_id;
    std::uint64_t seq;
    std::string text;
  };
  std::vector<Event> events;
  bool queue_news = false;
  // The comment as it is now, read once per comment in the batch however many entries and
  // streams it has.
  std::unordered_map<std::int64_t, std::string> shown;
  for (const auto& c : changes) {
    if (c.topic == store::topic::comment_queue) queue_news = true;
    if (c.topic != store::topic::comment) continue;
    queue_news = true;
    auto key = parse_comment_key(c.key);
    if (!key) {
      log::warn("live comments: malformed change key \"" + c.key + "\"");
      continue;
    }
    {
      std::lock_guard lock(state_->mutex);
      if (!state_->articles.contains(key->first)) continue;  // nobody reads it here: no query
    }
    auto found = shown.find(key->second);
    if (found == shown.end()) {
      auto comment = comments_.comment(key->second);
      if (!comment) {
        // The page stays as it was until the next change of this comment or a reload; one
        // lost event does not justify reloading every reader's list.
        log::warn("live comments: cannot read comment " + std::to_string(key->second) + ": " + comment.error().message);
        continue;
      }
      found = shown.emplace(key->second, comment_event(key->second, *comment)).first;
    }
    events.push_back({key->first, c.seq, "id: " + std::to_string(c.seq) + "\n" + found->second});
  }

  struct Write {
    std::int64_t article_id;
    std::shared_ptr<http::Stream> stream;
    const std::string* text;
  };
  std::vector<Write> writes;
  std::vector<std::shared_ptr<http::Stream>> queue_writes;
  {
    std::lock_guard lock(state_->mutex);
    for (const auto& c : changes) state_->applied = std::max(state_->applied, c.seq);
    for (const auto& e : events) {
      auto a = state_->articles.find(e.article_id);
      if (a == state_->articles.end()) continue;
      for (auto& [raw, r] : a->second) {
        if (r.held) r.held->push_back({e.seq, e.text});
        else if (e.seq > r.after) writes.push_back({e.article_id, r.stream, &e.text});
      }
    }
    if (queue_news) {
      auto now = Clock::now();
      for (auto& [raw, q] : state_->queue) {
        if (now - q.last_sent >= options_.queue_interval) {
          q.last_sent = now;
          q.due = false;
          queue_writes.push_back(q.stream);
        } else {
          q.due = true;
        }
      }
    }
  }
  Refused refused;
  for (auto& [article_id, stream, text] : writes)
    if (!stream->write(*text)) refused.articles.emplace_back(article_id, std::move(stream));
  for (auto& stream : queue_writes)
    if (!stream->write(std::string(kQueue))) refused.queue.push_back(std::move(stream));
  state_->drop(refused);
}

void LiveHub::everything() {
  std::vector<std::pair<std::int64_t, std::shared_ptr<http::Stream>>> streams;
  {
    std::lock_guard lock(state_->mutex);
    for (auto& [id, readers] : state_->articles)
      for (auto& [raw, r] : readers) {
        if (r.held) r.held->push_back({0, std::string(kReset)});
        else streams.emplace_back(id, r.stream);
      }
    for (auto& [raw, q] : state_->queue) q.due = true;
  }
  Refused refused;
  for (auto& [id, s] : streams)
    if (!s->write(std::string(kReset))) refused.articles.emplace_back(id, std::move(s));
  state_->drop(refused);
}

void LiveHub::tick() {
  std::vector<std::shared_ptr<http::Stream>> queue_events;
  std::vector<std::pair<std::int64_t, std::shared_ptr<http::Stream>>> article_keep_alives;
  std::vector<std::shared_ptr<http::Stream>> queue_keep_alives;
  {
    std::lock_guard lock(state_->mutex);
    auto now = Clock::now();
    for (auto& [raw, q] : state_->queue) {
      if (q.due && now - q.last_sent >= options_.queue_interval) {
        q.due = false;
        q.last_sent = now;
        queue_events.push_back(q.stream);
      }
    }
    if (now - state_->last_keep_alive >= options_.keep_alive) {
      state_->last_keep_alive = now;
      article_keep_alives.reserve(state_->article_count);
      for (auto& [id, readers] : state_->articles)
        for (auto& [raw, r] : readers) article_keep_alives.emplace_back(id, r.stream);
      for (auto& [raw, q] : state_->queue) queue_keep_alives.push_back(q.stream);
    }
  }
  Refused refused;
  for (auto& s : queue_events)
    if (!s->write(std::string(kQueue))) refused.queue.push_back(std::move(s));
  for (auto& s : queue_keep_alives)
    if (!s->write(std::string(kKeepAlive))) refused.queue.push_back(std::move(s));
  for (auto& [id, s] : article_keep_alives)
    if (!s->write(std::string(kKeepAlive))) refused.articles.emplace_back(id, std::move(s));
  state_->drop(refused);
}

std::size_t LiveHub::article_streams() const {
  std::lock_guard lock(state_->mutex);
  return state_->article_count;
}

std::size_t LiveHub::queue_streams() const {
  std::lock_guard lock(state_->mutex);
  return state_->queue.size();
}

void event_stream_headers(http::Response& res) {
  res.content_type = "text/event-stream";
  res.set_header("Cache-Control", "no-store");
  // nginx would otherwise hold events back to fill its buffer.
  res.set_header("X-Accel-Buffering", "no");
}

std::optional<std::uint64_t> parse_last_event_id(std::string_view header) {
  while (!header.empty() && (header.front() == ' ' || header.front() == '\t')) header.remove_prefix(1);
  while (!header.empty() && (header.back() == ' ' || header.back() == '\t')) header.remove_suffix(1);
  if (header.empty() || header.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), v);
  if (ec != std::errc() || end != header.data() + header.size()) return std::nullopt;
  return v;
}

}  // namespace toasoan::comments
