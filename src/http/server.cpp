#include "http/server.hpp"

// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/file_posix.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>

#include "base/log.hpp"
#include "http/beast_head.hpp"
#include "http/request_rules.hpp"

namespace toasoan::http {

// The server's side of a Stream: the connection takes what producers queued and ends it.
struct StreamAccess {
  struct Taken {
    std::string data;  // every queued chunk, joined: one write instead of many
    bool closing = false;
    bool aborted = false;
  };
  static void set_wake(Stream& s, std::function<void()> f) {
    std::lock_guard lock(s.mutex_);
    s.wake_ = std::move(f);
  }
  static Taken take(Stream& s) {
    std::lock_guard lock(s.mutex_);
    Taken t;
    for (auto& chunk : s.queue_) t.data += chunk;
    s.queue_.clear();
    t.closing = s.closing_;
    t.aborted = s.aborted_;
    return t;
  }
  // The bytes taken earlier have been sent; they no longer count against the queue's bound.
  static void sent(Stream& s, std::size_t n) {
    std::lock_guard lock(s.mutex_);
    s.queued_bytes_ -= std::min(n, s.queued_bytes_);
  }
  static bool aborted(const Stream& s) {
    std::lock_guard lock(s.mutex_);
    return s.aborted_;
  }
  static void abort(Stream& s) {
    std::lock_guard lock(s.mutex_);
    s.aborted_ = true;
  }
  // Marks the stream ended and runs its on_close callbacks, once.
  static void finish(Stream& s) {
    std::vector<std::function<void()>> callbacks;
    {
      std::lock_guard lock(s.mutex_);
      if (s.ended_) return;
      s.ended_ = true;
      if (!s.closing_) s.aborted_ = true;
      s.wake_ = nullptr;
      s.queue_.clear();
      callbacks.swap(s.on_close_);
    }
    for (auto& f : callbacks) f();
  }
};

// The server's side of a Deferred: the connection waits for its response, or gives up.
struct DeferredAccess {
  static void set_wake(Deferred& d, std::function<void()> f) {
    std::lock_guard lock(d.mutex_);
    d.wake_ = std::move(f);
  }
  // The response, once finish() has been called; null before (and after it was taken).
  static std::unique_ptr<Response> take(Deferred& d) {
    std::lock_guard lock(d.mutex_);
    return std::move(d.response_);
  }
  // Stops waiting: a later finish() is refused. Returns the response if it came meanwhile.
  static std::unique_ptr<Response> give_up(Deferred& d) {
    std::lock_guard lock(d.mutex_);
    d.done_ = true;
    d.wake_ = nullptr;
    return std::move(d.response_);
  }
};

struct StopAccess {
  // A stop requested before serve() listened takes effect at once.
  static void set_hook(StopSource& s, std::function<void()> f) {
    std::lock_guard lock(s.mutex_);
    s.hook_ = std::move(f);
    if (s.requested_ && s.hook_) s.hook_();
  }
};

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr auto kAwait = asio::use_awaitable;

// A file body is read and sent in pieces of this size: large enough for few system calls,
// small enough that a thousand readers of a video cost 64 MiB, not a thousand videos.
constexpr std::size_t kFilePiece = 64 * 1024;
// How long a stream waits for news before it looks again; wake-ups cut it short.
constexpr std::chrono::hours kStreamIdleWait{1};
// At shutdown, connections still in the listen backlog are taken and answered, up to this many:
// the backlog itself is capped by the kernel (somaxconn), this only bounds the loop.
constexpr int kDrainBacklog = 4096;
// Enough of a target to tell which page was asked for; a 16 KiB one would swamp the log.
constexpr std::size_t kLoggedTargetBytes = 2000;

// One accepted connection. Shared between its session coroutine and the shutdown code, which
// reaches it only by posting to its strand.
struct Connection {
  explicit Connection(tcp::socket s) : stream(std::move(s)), wake(stream.get_executor()) {}
  beast::tcp_stream stream;
  std::string remote;
  bool busy = false;                  // a request is being handled or its response written; strand-only
  // Waiting for the first byte of a request with nothing buffered: the only state the drain may
  // cut short. strand-only
  bool idle_wait = false;
  std::shared_ptr<Stream> streaming;  // the Stream being sent; strand-only
  asio::steady_timer wake;            // a streaming session waits on it; cancelled when there is news
};

struct Server {
  const ServerOptions& options;
  const Router& router;
  asio::io_context& ioc;
  asio::thread_pool& pool;
  std::size_t pool_capacity;                    // workers + worker_queue
  std::atomic<std::size_t> in_pool{0};          // requests queued for or running on a worker
  asio::strand<asio::io_context::executor_type> control;  // acceptor, signals, drain timer
  tcp::acceptor acceptor;
  asio::steady_timer drain_timer;
  asio::signal_set signals;
  std::atomic<bool> draining{false};

  std::mutex live_mutex;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> live;  // GUARDED_BY(live_mutex)
  std::uint64_t next_id = 0;                                            // GUARDED_BY(live_mutex)

  Server(const ServerOptions& o, const Router& r, asio::io_context& io, asio::thread_pool& p, std::size_t capacity)
      : options(o), router(r), ioc(io), pool(p), pool_capacity(capacity), control(asio::make_strand(io)),
        acceptor(control), drain_timer(control), signals(control, SIGINT, SIGTERM) {}
};

// "Thu, 08 Dec 2022 00:30:00 GMT", rebuilt at most once a second per thread.
std::string_view http_date() {
  thread_local std::time_t last = 0;
  thread_local char buf[40];
  thread_local std::size_t len = 0;
  std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    len = static_cast<std::size_t>(std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                                                 days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
                                                 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec));
    last = now;
  }
  return {buf, len};
}

bool has_body(int status, bool head) { return !head && status != 204 && status != 304 && status >= 200; }

template <class Message>
void set_common_headers(Message& m, const Response& r, bool keep_alive) {
  m.set(bhttp::field::server, "toasoan");
  m.set(bhttp::field::date, http_date());
  if (r.status != 204 && r.status != 304) m.set(bhttp::field::content_type, r.content_type);
  for (const auto& [k, v] : r.headers) m.insert(k, v);
  m.keep_alive(keep_alive);
}

// Sends `r` with an in-memory body; returns bytes of body sent.
asio::awaitable<std::size_t> send(Connection& c, const Response& r, unsigned version, bool keep_alive,
                                  bool head, std::chrono::seconds timeout, beast::error_code& ec) {
  std::string_view payload = r.payload();
  bhttp::response<bhttp::span_body<const char>> res{static_cast<bhttp::status>(r.status), version};
  set_common_headers(res, r, keep_alive);
  bool body = has_body(r.status, head);
  if (body) res.body() = beast::span<const char>(payload.data(), payload.size());
  if (r.status != 204 && r.status != 304) res.content_length(payload.size());
  c.stream.expires_after(timeout);
  co_await bhttp::async_write(c.stream, res, asio::redirect_error(kAwait, ec));
  co_return body ? payload.size() : 0;
}

Response plain_error(int status, std::string_view text) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::string(text);
  return r;
}

// Closes a file descriptor when the coroutine frame holding it goes, however it goes.
struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// A request body's temporary file: removed when the request is done, whatever happened.
struct TempFile {
  std::filesystem::path path;
  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove(path, ec);
  }
};

// Creates a fresh file only this user can read, under the system's temporary folder. O_EXCL:
// a name someone else planted (a symlink to a file of ours) is never opened.
int create_temp_file(std::filesystem::path& path) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::error_code ec;
  auto dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  for (int attempt = 0; attempt < 8; ++attempt) {
    char name[48];
    std::snprintf(name, sizeof name, "toasoan-body-%016llx", static_cast<unsigned long long>(rng()));
    auto candidate = dir / name;
    int fd = ::open(candidate.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      path = std::move(candidate);
      return fd;
    }
    if (errno != EEXIST) break;
  }
  return -1;
}

// Sends a FileBody, honouring Range; `status` is set to the status actually sent.
asio::awaitable<std::size_t> send_file(Connection& c, const Request& req, const Response& r, unsigned version,
                                       bool keep_alive, bool head, std::chrono::seconds timeout, int& status,
                                       beast::error_code& ec) {
  status = r.status;
  Fd fd(::open(r.file->path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.fd < 0) {
    // Removed between the handler's look and now: as if it never was.
    log::warn("file body: " + r.file->path.string() + ": " + std::strerror(errno));
    status = 404;
    co_return co_await send(c, plain_error(404, reason_phrase(404)), version, keep_alive, head, timeout, ec);
  }
  const std::uint64_t size = r.file->size;
  std::uint64_t first = 0, length = size;
  bhttp::response<bhttp::empty_body> res{static_cast<bhttp::status>(r.status), version};
  set_common_headers(res, r, keep_alive);
  res.set(bhttp::field::accept_ranges, "bytes");
  if (r.status == 200) {
    std::string_view range = req.header("Range");
    // If-Range: the client's copy must still be the current one for a piece of it to fit.
    std::string_view if_range = req.header("If-Range");
    if (!range.empty() && !if_range.empty()) {
      auto etag = res[bhttp::field::etag];
      auto modified = res[bhttp::field::last_modified];
      if (if_range != etag && if_range != modified) range = {};
    }
    RangeRequest rr = range.empty() ? RangeRequest{} : parse_range(range, size);
    if (rr.kind == RangeRequest::Kind::unsatisfiable) {
      Response refused = plain_error(416, reason_phrase(416));
      refused.headers = r.headers;
      refused.set_header("Content-Range", "bytes */" + std::to_string(size));
      refused.set_header("Accept-Ranges", "bytes");
      status = 416;
      co_return co_await send(c, refused, version, keep_alive, head, timeout, ec);
    }
    if (rr.kind == RangeRequest::Kind::partial) {
      status = 206;
      res.result(bhttp::status::partial_content);
      first = rr.range.first;
      length = rr.range.length();
      res.set(bhttp::field::content_range, "bytes " + std::to_string(rr.range.first) + "-" +
                                               std::to_string(rr.range.last) + "/" + std::to_string(size));
    }
  }
  res.content_length(length);
  bhttp::response_serializer<bhttp::empty_body> sr{res};
  c.stream.expires_after(timeout);
  co_await bhttp::async_write_header(c.stream, sr, asio::redirect_error(kAwait, ec));
  if (ec || head) co_return 0;

  std::vector<char> piece(static_cast<std::size_t>(std::min<std::uint64_t>(kFilePiece, std::max<std::uint64_t>(length, 1))));
  std::uint64_t sent = 0;
  while (sent < length) {
    std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(piece.size(), length - sent));
    ssize_t n = ::pread(fd.fd, piece.data(), want, static_cast<off_t>(first + sent));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      // Shrunk or failed under us: the promised length cannot be kept, so the connection ends.
      log::warn("file body: " + r.file->path.string() + ": short read");
      ec = asio::error::eof;
      co_return sent;
    }
    c.stream.expires_after(timeout);
    co_await asio::async_write(c.stream, asio::buffer(piece.data(), static_cast<std::size_t>(n)),
                               asio::redirect_error(kAwait, ec));
    if (ec) co_return sent;
    sent += static_cast<std::uint64_t>(n);
  }
  co_return sent;
}

// Sends the header of a streamed response, then its chunks as producers write them, until it
// is closed (last chunk sent), aborted, or the client goes away.
asio::awaitable<std::size_t> send_stream(Server& s, const std::shared_ptr<Connection>& conn, const Response& r,
                                         unsigned version, bool& keep_alive, bool head, beast::error_code& ec) {
  Connection& c = *conn;
  std::shared_ptr<Stream> st = r.stream;
  const auto timeout = s.options.limits.write;
  // HTTP/1.0 knows no chunks: the body runs until the connection closes.
  const bool chunked = version >= 11;
  if (!chunked) keep_alive = false;
  bhttp::response<bhttp::empty_body> res{static_cast<bhttp::status>(r.status), version};
  set_common_headers(res, r, keep_alive);
  res.set(bhttp::field::cache_control, res[bhttp::field::cache_control].empty() ? "no-cache" : res[bhttp::field::cache_control]);
  if (chunked) res.chunked(true);
  bhttp::response_serializer<bhttp::empty_body> sr{res};
  c.stream.expires_after(timeout);
  co_await bhttp::async_write_header(c.stream, sr, asio::redirect_error(kAwait, ec));
  if (ec || head) {
    StreamAccess::finish(*st);
    co_return 0;
  }

  c.streaming = st;
  std::weak_ptr<Connection> weak = conn;
  StreamAccess::set_wake(*st, [weak, raw = st.get()] {
    auto cp = weak.lock();
    if (!cp) return;
    asio::post(cp->stream.get_executor(), [cp, raw] {
      cp->wake.cancel();
      // Too slow a reader: abandon the write in progress instead of waiting out its timeout.
      if (cp->streaming.get() == raw && StreamAccess::aborted(*raw)) cp->stream.cancel();
    });
  });
  // Set after `streaming`, so begin_drain either sees this stream or we see `draining`.
  if (s.draining) st->close();

  // A client that hangs up makes the socket readable with nothing to read: notice it even while
  // no chunk is being written, so the producer learns the reader is gone. Only a peek that reads
  // the end of the connection says so: the wait also wakes with nothing there at all (a fresh
  // event stream was cut that way 15 ms after it opened, one run in ten under load, and the
  // browser reconnected three seconds later, past the comment approved meanwhile).
  asio::co_spawn(
      c.stream.get_executor(),
      [conn, st]() -> asio::awaitable<void> {
        for (;;) {
          beast::error_code wec;
          co_await conn->stream.socket().async_wait(tcp::socket::wait_read, asio::redirect_error(kAwait, wec));
          if (wec || conn->streaming != st) co_return;
          char byte;
          const ssize_t n = ::recv(conn->stream.socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
          if (n > 0) co_return;  // the client sent more (a pipelined request): no hang-up
          if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
          StreamAccess::abort(*st);  // the end of the connection, or an error on it
          conn->wake.cancel();
          co_return;
        }
      },
      asio::detached);

  std::size_t bytes = 0;
  for (;;) {
    StreamAccess::Taken t = StreamAccess::take(*st);
    if (t.aborted) {
      ec = asio::error::connection_aborted;
      break;
    }
    if (!t.data.empty()) {
      c.stream.expires_after(timeout);
      if (chunked)
        co_await asio::async_write(c.stream, bhttp::make_chunk(asio::buffer(t.data)), asio::redirect_error(kAwait, ec));
      else
        co_await asio::async_write(c.stream, asio::buffer(t.data), asio::redirect_error(kAwait, ec));
      if (ec) break;
      bytes += t.data.size();
      StreamAccess::sent(*st, t.data.size());
      continue;  // more may have come while writing
    }
    if (t.closing) {
      if (chunked) {
        c.stream.expires_after(timeout);
        co_await asio::async_write(c.stream, bhttp::make_chunk_last(), asio::redirect_error(kAwait, ec));
      }
      break;
    }
    beast::error_code wec;
    c.wake.expires_after(kStreamIdleWait);
    co_await c.wake.async_wait(asio::redirect_error(kAwait, wec));
  }
  c.streaming.reset();
  beast::error_code ignored;
  c.stream.socket().cancel(ignored);  // the hang-up watcher
  StreamAccess::finish(*st);
  if (ec || !chunked) keep_alive = false;
  co_return bytes;
}

void log_access(const Connection& c, std::string_view method, std::string_view target, int status,
                std::size_t bytes, Clock::time_point start) {
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
  std::string line;
  line.reserve(64 + target.size());
  line.append(c.remote).append(" \"");
  // Method and target are the client's bytes: escaped, so that none can end the field or the
  // line and pass for another request (docs/operations.md, Logs).
  log::append_escaped(line, method);
  line.push_back(' ');
  log::append_escaped(line, target.substr(0, kLoggedTargetBytes));
  line.append("\" ").append(std::to_string(status)).append(" ").append(std::to_string(bytes)).append(" ");
  line.append(std::to_string(us)).append("us");
  log::access(line);
}

void finish_drain_if_idle(Server& s) {
  asio::post(s.control, [&s] {
    std::lock_guard lock(s.live_mutex);
    if (s.live.empty()) s.drain_timer.cancel();
  });
}

bool is_quiet_close(const beast::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
         ec == asio::error::connection_reset || ec == asio::error::eof;
}


// Clears a Deferred's wake-up when the wait ends, however it ends (the frame destroyed at
// shutdown included): a finish() that comes later reaches no connection.
struct DeferredWait {
  std::shared_ptr<Deferred> deferred;
  ~DeferredWait() { DeferredAccess::give_up(*deferred); }
};

// Waits, on the connection's strand and holding no thread, until the handler's Deferred is
// finished; 503 once `limit` (or, when 0, Limits::deferred) has passed without it.
asio::awaitable<Response> await_deferred(Server& s, const std::shared_ptr<Connection>& conn,
                                         std::shared_ptr<Deferred> deferred, std::chrono::seconds limit) {
  Connection& c = *conn;
  DeferredWait wait{deferred};
  std::weak_ptr<Connection> weak = conn;
  // Posts only: finish() calls it under the Deferred's lock.
  DeferredAccess::set_wake(*deferred, [weak] {
    if (auto cp = weak.lock()) asio::post(cp->stream.get_executor(), [cp] { cp->wake.cancel(); });
  });
  const auto deadline = Clock::now() + (limit.count() > 0 ? limit : s.options.limits.deferred);
  for (;;) {
    // Checked on the strand right before waiting: a wake-up posted after this check runs after
    // the wait has begun and cuts it short, so none is lost.
    if (auto r = DeferredAccess::take(*deferred)) co_return std::move(*r);
    if (Clock::now() >= deadline) break;
    beast::error_code ec;
    c.wake.expires_at(deadline);
    co_await c.wake.async_wait(asio::redirect_error(kAwait, ec));
  }
  if (auto r = DeferredAccess::give_up(*deferred)) co_return std::move(*r);
  log::warn("deferred response not finished in time: answered 503");
  Response busy = plain_error(503, reason_phrase(503));
  busy.set_header("Retry-After", "1");
  co_return busy;
}

// Runs `work` on the worker pool and resumes on the connection's strand; false (and nothing
// run) when the pool and its queue are full.
asio::awaitable<bool> run_on_worker(Server& s, const std::function<void()>& work) {
  if (s.in_pool.fetch_add(1) >= s.pool_capacity) {
    s.in_pool.fetch_sub(1);
    co_return false;
  }
  co_await asio::async_initiate<decltype(kAwait), void()>(
      [&s, &work](auto handler) {
        asio::post(s.pool, [&s, &work, handler = std::move(handler)]() mutable {
          work();
          s.in_pool.fetch_sub(1);
          // Back to the coroutine's own executor (the connection's strand).
          auto ex = asio::get_associated_executor(handler);
          asio::post(ex, std::move(handler));
        });
      },
      kAwait);
  co_return true;
}

// Bytes received by the kernel and not yet read; 0 on error (a reset connection has none to answer).
std::size_t pending_bytes(Connection& c) {
  beast::error_code ec;
  std::size_t n = c.stream.socket().available(ec);
  return ec ? 0 : n;
}

asio::awaitable<void> session(Server& s, std::uint64_t id, std::shared_ptr<Connection> conn) {
  Connection& c = *conn;
  const Limits& lim = s.options.limits;
  // The buffer holds one request's header plus whatever a pipelining client sent after it;
  // its cap is the pipeline's cap: beyond it the server stops reading until it has answered.
  beast::flat_buffer buffer(lim.header_bytes + 4096);
  beast::error_code ec;
  try {
    for (;;) {
      if (buffer.size() == 0) {
        // Draining: bytes the kernel already holds are a request that arrived before the stop
        // and is answered; a connection with nothing at all is closed now.
        if (s.draining && pending_bytes(c) == 0) break;
        c.stream.expires_after(lim.idle);
        c.idle_wait = true;
        std::size_t n = co_await c.stream.async_read_some(buffer.prepare(4096), asio::redirect_error(kAwait, ec));
        c.idle_wait = false;
        // The drain cancelled the wait; what arrived meanwhile is read on the next turn.
        if (ec == asio::error::operation_aborted && s.draining) continue;
        if (ec) break;
        buffer.commit(n);
      }
      auto start = Clock::now();
      c.stream.expires_after(lim.request_read);

      // The header first: the route it names decides how much body to accept and where it goes.
      bhttp::request_parser<bhttp::empty_body> header_parser;
      header_parser.header_limit(static_cast<std::uint32_t>(lim.header_bytes));
      // No limit yet (the route sets it below). Not boost::none: Beast 1.74 compares the
      // Content-Length with the optional, and any number is greater than an empty one.
      header_parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      co_await bhttp::async_read_header(c.stream, buffer, header_parser, asio::redirect_error(kAwait, ec));
      auto refuse = [&](int status) -> asio::awaitable<void> {
        c.busy = true;
        beast::error_code wec;
        auto bytes = co_await send(c, plain_error(status, reason_phrase(status)), 11, false, false, lim.write, wec);
        if (s.options.access_log) log_access(c, "-", "-", status, bytes, start);
      };
      if (ec) {
        if (!is_quiet_close(ec)) {
          std::string_view buffered(static_cast<const char*>(buffer.data().data()), buffer.size());
          co_await refuse(refusal_for_head(head_failure(ec), header_parser.get().target(), buffered, lim));
        }
        break;
      }
      c.busy = true;
      const auto& hdr = header_parser.get();
      const bool head = hdr.method() == bhttp::verb::head;

      Request r;
      r.method = hdr.method_string();
      r.target = hdr.target();
      r.remote = c.remote;
      auto q = r.target.find('?');
      r.path = r.target.substr(0, q);
      r.query = q == std::string_view::npos ? std::string_view() : r.target.substr(q + 1);
      const RequestHead head_facts = head_of(header_parser, lim);
      const std::size_t fields = head_facts.fields;

      Response res;
      Router::Match match = s.router.match(r.method, r.path);
      const RouteOptions* ro = &s.router.options(match);
      const HeadVerdict verdict = judge_head(head_facts, lim, *ro);
      if (int early = verdict.refuse) {
        auto bytes = co_await send(c, plain_error(early, reason_phrase(early)), hdr.version(), false, head, lim.write, ec);
        if (s.options.access_log) log_access(c, r.method, r.target, early, bytes, start);
        break;
      }

      // The body, into memory or into a temporary file.
      if (verdict.send_continue) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        co_await asio::async_write(c.stream, asio::buffer(kContinue.data(), kContinue.size()),
                                   asio::redirect_error(kAwait, ec));
        if (ec) break;
        c.stream.expires_after(lim.request_read);
      }
      if (ro->body_read.count() > 0) c.stream.expires_after(ro->body_read);
      std::optional<bhttp::request_parser<bhttp::string_body>> in_memory;
      std::optional<bhttp::request_parser<bhttp::file_body>> to_file;
      TempFile temp;
      if (ro->body_to_file) {
        Fd fd(create_temp_file(temp.path));
        if (fd.fd < 0) {
          log::error(std::string("request body: no temporary file: ") + std::strerror(errno));
          co_await refuse(503);
          break;
        }
        to_file.emplace(std::move(header_parser));
        to_file->body_limit(ro->body_limit);
        beast::file_posix file;
        file.native_handle(fd.fd);
        fd.fd = -1;  // the body owns it now
        to_file->get().body().reset(std::move(file), ec);
        if (!ec && !to_file->is_done())
          co_await bhttp::async_read(c.stream, buffer, *to_file, asio::redirect_error(kAwait, ec));
        if (!ec) to_file->get().body().close();
        r.body_file = temp.path;
      } else {
        in_memory.emplace(std::move(header_parser));
        in_memory->body_limit(ro->body_limit);
        if (!in_memory->is_done())
          co_await bhttp::async_read(c.stream, buffer, *in_memory, asio::redirect_error(kAwait, ec));
        r.body = in_memory->get().body();
      }
      if (ec) {
        if (!is_quiet_close(ec)) co_await refuse(status_for_body_error(ec));
        break;
      }
      // The header moved into the body's parser: take the views afresh from there.
      const auto& req = in_memory ? in_memory->get().base() : to_file->get().base();
      r.method = req.method_string();
      r.target = req.target();
      r.path = r.target.substr(0, q);
      r.query = q == std::string_view::npos ? std::string_view() : r.target.substr(q + 1);
      r.headers.reserve(fields);
      for (const auto& f : req) r.headers.emplace_back(f.name_string(), f.value());

      const bool keep_requested = in_memory ? in_memory->get().keep_alive() : to_file->get().keep_alive();
      const unsigned version = req.version();
      std::function<void()> work = [&] {
        try {
          s.router.dispatch(std::move(match), r, res);
        } catch (const std::exception& e) {
          log::error(std::string("handler: ") + e.what());
          res = plain_error(500, "Internal Server Error");
        }
      };
      if (s.router.try_fast_path(match, r, res)) {
        // Answered on this thread: a cached page or a static asset.
      } else if (!ro->worker || match.method_not_allowed()) {
        work();
      } else if (!co_await run_on_worker(s, work)) {
        res = plain_error(503, reason_phrase(503));
        res.set_header("Retry-After", "1");
      }
      if (res.deferred) {
        auto deferred = std::move(res.deferred);
        res = co_await await_deferred(s, conn, std::move(deferred), ro->deferred_wait);
        res.deferred.reset();  // a Deferred finished with another Deferred: not followed
      }

      // Draining: the connection stays open only for requests already sent (pipelined in the
      // buffer or waiting in the kernel), and the last answer says Connection: close.
      bool keep = keep_requested && res.status != 400 && res.status != 431 &&
                  (!s.draining || buffer.size() > 0 || pending_bytes(c) > 0);
      std::size_t bytes = 0;
      int status = res.status;
      if (res.stream) {
        bytes = co_await send_stream(s, conn, res, version, keep, head, ec);
      } else if (res.file) {
        bytes = co_await send_file(c, r, res, version, keep, head, lim.write, status, ec);
      } else {
        bytes = co_await send(c, res, version, keep, head, lim.write, ec);
      }
      if (s.options.access_log) log_access(c, r.method, r.target, status, bytes, start);
      c.busy = false;
      if (ec || !keep) break;
      if (s.draining && buffer.size() == 0 && pending_bytes(c) == 0) break;
    }
  } catch (const std::exception& e) {
    log::warn(std::string("connection: ") + e.what());
  }
  beast::error_code ignored;
  c.stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  c.stream.socket().close(ignored);
  {
    std::lock_guard lock(s.live_mutex);
    s.live.erase(id);
  }
  if (s.draining) finish_drain_if_idle(s);
}

// Registers an accepted connection and starts its session (or closes it when too many are open).
void adopt(Server& s, tcp::socket socket) {
  auto conn = std::make_shared<Connection>(std::move(socket));
  std::uint64_t id;
  {
    std::lock_guard lock(s.live_mutex);
    if (s.live.size() >= s.options.limits.connections) {
      beast::error_code ignored;
      conn->stream.socket().close(ignored);
      return;
    }
    id = ++s.next_id;
    s.live.emplace(id, conn);
  }
  beast::error_code ignored;
  conn->stream.socket().set_option(tcp::no_delay(true), ignored);
  auto ep = conn->stream.socket().remote_endpoint(ignored);
  conn->remote = ep.address().to_string();
  auto ex = conn->stream.get_executor();
  asio::co_spawn(ex, session(s, id, conn), asio::detached);
}

asio::awaitable<void> accept_loop(Server& s) {
  beast::error_code ec;
  for (;;) {
    tcp::socket socket = co_await s.acceptor.async_accept(asio::make_strand(s.ioc), asio::redirect_error(kAwait, ec));
    if (ec) {
      if (ec == asio::error::operation_aborted || !s.acceptor.is_open()) co_return;
      // Out of file descriptors or a transient error: pause instead of spinning.
      log::warn("accept: " + ec.message());
      asio::steady_timer pause(s.control, std::chrono::milliseconds(100));
      co_await pause.async_wait(asio::redirect_error(kAwait, ec));
      continue;
    }
    adopt(s, std::move(socket));
  }
}

// REQUIRES: on s.control.
void begin_drain(Server& s) {
  if (s.draining.exchange(true)) return;
  log::info("shutting down: finishing requests in flight");
  beast::error_code ignored;
  // Connections the kernel completed but the server had not taken yet (a busy server falls
  // behind) may hold whole requests: closing the listener would reset them. Take each now;
  // its session answers what it sent and closes.
  s.acceptor.non_blocking(true, ignored);
  for (int taken = 0; !ignored && taken < kDrainBacklog; ++taken) {
    beast::error_code ec;
    tcp::socket socket = s.acceptor.accept(asio::make_strand(s.ioc), ec);
    if (ec) break;
    adopt(s, std::move(socket));
  }
  s.acceptor.close(ignored);
  s.signals.cancel(ignored);
  std::vector<std::shared_ptr<Connection>> conns;
  {
    std::lock_guard lock(s.live_mutex);
    for (auto& [id, c] : s.live) conns.push_back(c);
  }
  for (auto& c : conns) {
    asio::post(c->stream.get_executor(), [c] {
      // A connection waiting for a request stops waiting (its session then reads what the
      // kernel already holds, if anything); one mid-request finishes it first; a stream, which
      // would never finish by itself, is ended cleanly.
      if (c->streaming) c->streaming->close();
      else if (c->idle_wait) c->stream.cancel();
    });
  }
  s.drain_timer.expires_after(s.options.limits.drain);
  s.drain_timer.async_wait([&s](beast::error_code ec) {
    if (!ec) {
      log::warn("shutdown: requests still running after the grace period; stopping");
      s.ioc.stop();
    }
  });
  finish_drain_if_idle(s);
}
Result<tcp::endpoint> parse_listen(const std::string& listen) {
  std::string host, port;
  if (!listen.empty() && listen.front() == '[') {
    auto close = listen.find(']');
    if (close == std::string::npos || close + 1 >= listen.size() || listen[close + 1] != ':')
      return invalid("--listen: địa chỉ không hợp lệ \"" + listen + "\" (ví dụ 127.0.0.1:8080 hoặc [::1]:8080)");
    host = listen.substr(1, close - 1);
    port = listen.substr(close + 2);
  } else {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos)
      return invalid("--listen: thiếu cổng trong \"" + listen + "\" (ví dụ 127.0.0.1:8080)");
    host = listen.substr(0, colon);
    port = listen.substr(colon + 1);
  }
  if (host == "localhost") host = "127.0.0.1";
  beast::error_code ec;
  auto addr = asio::ip::make_address(host, ec);
  if (ec) return invalid("--listen: \"" + host + "\" không phải địa chỉ IP");
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535)
    return invalid("--listen: cổng \"" + port + "\" không hợp lệ");
  return tcp::endpoint(addr, static_cast<unsigned short>(std::stoi(port)));
}

}  // namespace

Status serve(const ServerOptions& options, const Router& router) {
  auto endpoint = parse_listen(options.listen);
  if (!endpoint) return endpoint.error();
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int threads = options.threads > 0 ? options.threads : cores;
  const int workers = options.workers > 0 ? options.workers : 2 * cores;

  asio::io_context ioc(threads);
  // Declared after ioc and destroyed before it: a worker still running posts back to a strand.
  asio::thread_pool pool(static_cast<std::size_t>(workers));
  Server s(options, router, ioc, pool, static_cast<std::size_t>(workers) + options.worker_queue);
  beast::error_code ec;
  s.acceptor.open(endpoint->protocol(), ec);
  if (!ec) s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(*endpoint, ec);
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return unavailable("không lắng nghe được trên " + options.listen + ": " + ec.message());

  auto bound = s.acceptor.local_endpoint(ec);
  std::string address = bound.address().is_v6() ? "[" + bound.address().to_string() + "]:" + std::to_string(bound.port())
                                                  : bound.address().to_string() + ":" + std::to_string(bound.port());

  s.signals.async_wait([&s](beast::error_code e, int) {
    if (!e) begin_drain(s);
  });
  if (options.stop) StopAccess::set_hook(*options.stop, [&s] { asio::post(s.control, [&s] { begin_drain(s); }); });
  asio::co_spawn(s.control, accept_loop(s), asio::detached);
  if (options.on_listening) options.on_listening(address);

  std::vector<std::thread> io_threads;
  for (int i = 1; i < threads; ++i) io_threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : io_threads) t.join();
  if (options.stop) StopAccess::set_hook(*options.stop, nullptr);
  pool.join();
  return ok_status();
}

void StopSource::request_stop() {
  std::lock_guard lock(mutex_);
  requested_ = true;
  // Under the lock, so serve() cannot clear the hook (and go away) while it runs; the hook
  // only posts.
  if (hook_) hook_();
}

bool StopSource::stop_requested() const {
  std::lock_guard lock(mutex_);
  return requested_;
}

}  // namespace toasoan::http
