#include "http/server.hpp"

// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <ctime>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "base/log.hpp"

namespace toasoan::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr auto kAwait = asio::use_awaitable;

// One accepted connection. Shared between its session coroutine and the shutdown code, which
// reaches it only by posting to its strand.
struct Connection {
  explicit Connection(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  std::string remote;
  bool busy = false;  // a request is being handled or its response written; strand-only
};

struct Server {
  const ServerOptions& options;
  Handler handler;
  asio::io_context& ioc;
  asio::strand<asio::io_context::executor_type> control;  // acceptor, signals, drain timer
  tcp::acceptor acceptor;
  asio::steady_timer drain_timer;
  std::atomic<bool> draining{false};

  std::mutex live_mutex;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> live;  // GUARDED_BY(live_mutex)
  std::uint64_t next_id = 0;                                            // GUARDED_BY(live_mutex)

  Server(const ServerOptions& o, Handler h, asio::io_context& io)
      : options(o), handler(std::move(h)), ioc(io), control(asio::make_strand(io)), acceptor(control),
        drain_timer(control) {}
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

// Sends `r`; returns bytes of body sent, or an error.
asio::awaitable<std::size_t> send(Connection& c, const Response& r, unsigned version, bool keep_alive,
                                  bool head, std::chrono::seconds timeout, beast::error_code& ec) {
  std::string_view payload = r.payload();
  bhttp::response<bhttp::span_body<const char>> res{static_cast<bhttp::status>(r.status), version};
  res.set(bhttp::field::server, "toasoan");
  res.set(bhttp::field::date, http_date());
  if (r.status != 204 && r.status != 304) res.set(bhttp::field::content_type, r.content_type);
  for (const auto& [k, v] : r.headers) res.insert(k, v);
  res.keep_alive(keep_alive);
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

void log_access(const Connection& c, std::string_view method, std::string_view target, int status,
                std::size_t bytes, Clock::time_point start) {
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
  std::string line;
  line.reserve(64 + target.size());
  line.append(c.remote).append(" \"").append(method).append(" ");
  // Targets are logged as sent, but control characters could forge log lines.
  for (char ch : target.substr(0, 2000)) line.push_back(static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f ? '?' : ch);
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

asio::awaitable<void> session(Server& s, std::uint64_t id, std::shared_ptr<Connection> conn) {
  Connection& c = *conn;
  const Limits& lim = s.options.limits;
  // The buffer holds one request's header plus whatever a pipelining client sent after it;
  // its cap is the pipeline's cap: beyond it the server stops reading until it has answered.
  beast::flat_buffer buffer(lim.header_bytes + 4096);
  beast::error_code ec;
  try {
    for (;;) {
      if (s.draining) break;
      if (buffer.size() == 0) {
        c.stream.expires_after(lim.idle);
        std::size_t n = co_await c.stream.async_read_some(buffer.prepare(4096), asio::redirect_error(kAwait, ec));
        if (ec) break;
        buffer.commit(n);
      }
      auto start = Clock::now();
      c.stream.expires_after(lim.request_read);
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(lim.header_bytes));
      parser.body_limit(lim.body_bytes);
      co_await bhttp::async_read(c.stream, buffer, parser, asio::redirect_error(kAwait, ec));
      if (ec) {
        if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
            ec == asio::error::connection_reset || ec == asio::error::eof)
          break;
        int status = ec == bhttp::error::header_limit ? 431
                     : ec == bhttp::error::body_limit ? 413
                     : ec == bhttp::error::buffer_overflow ? 431
                                                             : 400;
        c.busy = true;
        beast::error_code wec;
        auto bytes = co_await send(c, plain_error(status, reason_phrase(status)), 11, false, false, lim.write, wec);
        if (s.options.access_log) log_access(c, "-", "-", status, bytes, start);
        break;
      }
      c.busy = true;
      auto& req = parser.get();
      bool head = req.method() == bhttp::verb::head;

      Request r;
      r.method = req.method_string();
      r.target = req.target();
      auto q = r.target.find('?');
      r.path = r.target.substr(0, q);
      r.query = q == std::string_view::npos ? std::string_view() : r.target.substr(q + 1);
      r.body = req.body();
      std::size_t fields = 0, hosts = 0;
      for (const auto& f : req) {
        if (++fields > lim.header_fields) break;
        if (f.name() == bhttp::field::host) ++hosts;
        r.headers.emplace_back(f.name_string(), f.value());
      }

      Response res;
      if (fields > lim.header_fields) {
        res = plain_error(431, "Request Header Fields Too Large");
      } else if (req.version() >= 11 && hosts != 1) {
        res = plain_error(400, "Bad Request");  // RFC 9112 3.2: exactly one Host in HTTP/1.1
      } else if (r.target.empty() || r.target.front() != '/') {
        res = plain_error(400, "Bad Request");  // absolute-form and authority-form are for proxies
      } else {
        try {
          s.handler(r, res);
        } catch (const std::exception& e) {
          log::error(std::string("handler: ") + e.what());
          res = plain_error(500, "Internal Server Error");
        }
      }
      bool keep = req.keep_alive() && !s.draining && res.status != 400 && res.status != 431;
      auto bytes = co_await send(c, res, req.version(), keep, head, lim.write, ec);
      if (s.options.access_log) log_access(c, r.method, r.target, res.status, bytes, start);
      c.busy = false;
      if (ec || !keep) break;
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
    auto conn = std::make_shared<Connection>(std::move(socket));
    std::uint64_t id;
    {
      std::lock_guard lock(s.live_mutex);
      if (s.live.size() >= s.options.limits.connections) {
        beast::error_code ignored;
        conn->stream.socket().close(ignored);
        continue;
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
}

void begin_drain(Server& s) {
  if (s.draining.exchange(true)) return;
  log::info("shutting down: finishing requests in flight");
  beast::error_code ignored;
  s.acceptor.close(ignored);
  std::vector<std::shared_ptr<Connection>> conns;
  {
    std::lock_guard lock(s.live_mutex);
    for (auto& [id, c] : s.live) conns.push_back(c);
  }
  for (auto& c : conns) {
    asio::post(c->stream.get_executor(), [c] {
      // A connection waiting for a request is closed; one mid-request finishes it first.
      if (!c->busy) c->stream.cancel();
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

Status serve(const ServerOptions& options, Handler handler) {
  auto endpoint = parse_listen(options.listen);
  if (!endpoint) return endpoint.error();
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  asio::io_context ioc(threads);
  Server s(options, std::move(handler), ioc);
  beast::error_code ec;
  s.acceptor.open(endpoint->protocol(), ec);
  if (!ec) s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(*endpoint, ec);
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return unavailable("không lắng nghe được trên " + options.listen + ": " + ec.message());

  auto bound = s.acceptor.local_endpoint(ec);
  std::string address = bound.address().is_v6() ? "[" + bound.address().to_string() + "]:" + std::to_string(bound.port())
                                                  : bound.address().to_string() + ":" + std::to_string(bound.port());

  asio::signal_set signals(s.control, SIGINT, SIGTERM);
  signals.async_wait([&s](beast::error_code e, int) {
    if (!e) begin_drain(s);
  });
  asio::co_spawn(s.control, accept_loop(s), asio::detached);
  if (options.on_listening) options.on_listening(address);

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  return ok_status();
}

}  // namespace toasoan::http
