// The HTTP/1.1 server: accepts connections on one address, reads requests within limits,
// routes each through a Router and writes the response, with keep-alive.
//
// Built on Boost.Beast/Asio with C++20 coroutines, so a slow or idle client holds a few
// kilobytes of memory and no thread. A few I/O threads read and write; handlers that may block
// (RouteOptions::worker) run on a separate worker pool, and when that pool and its queue are
// full the server answers 503 at once instead of letting requests pile up. The router's fast
// path and non-worker routes run on the I/O threads and must not block.
//
// Shutdown: SIGINT, SIGTERM or StopSource::request_stop() stops accepting, closes connections
// with nothing to read, answers every request that had fully arrived (in flight, waiting for a
// worker, pipelined, in the kernel's buffers, or on a connection still in the listen backlog)
// with Connection: close (a Deferred response still waiting included), ends every open Stream cleanly (last chunk sent), and returns once
// all is answered or Limits::drain has passed.
//
// Thread-safety: serve() blocks its caller; StopSource is thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "base/result.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace toasoan::http {

// Each limit protects the server from one kind of client; the defaults are generous for a
// browser and tight for an attacker. Body sizes are limited per route (RouteOptions::body_limit).
struct Limits {
  std::size_t header_bytes = 16 * 1024;  // request line + headers; browsers send ~1-2 KB
  std::size_t header_fields = 100;       // browsers send ~15
  // The request target alone (414 beyond). Browsers and proxies cap URLs around 8 KiB, and no
  // page of the site needs more than a few hundred bytes.
  std::size_t target_bytes = 8 * 1024;
  // No longer read: bodies are limited per route (RouteOptions::body_limit). Kept so existing
  // configuration code still compiles.
  std::size_t body_bytes = 1024 * 1024;
  std::chrono::seconds request_read{10};  // from a request's first byte to its last
  std::chrono::seconds idle{30};          // keep-alive wait for the next request
  std::chrono::seconds write{30};         // to send one response (or one stream chunk) to a slow reader
  std::chrono::seconds drain{10};         // shutdown grace for requests in flight
  // For a Deferred response to be finished (then 503): longer than any group commit takes,
  // short enough that a client is not left hanging when the database is stuck.
  std::chrono::seconds deferred{10};
  std::size_t connections = 10000;        // beyond this new connections are closed at once
};

// Asks a running serve() to drain and return, as SIGTERM does, without a signal: for tests and
// for a program that embeds the server. Thread-safe; a request made before serve() started
// takes effect as soon as it listens.
class StopSource {
 public:
  void request_stop();
  bool stop_requested() const;

 private:
  friend struct StopAccess;  // serve()'s side, in server.cpp
  mutable std::mutex mutex_;
  bool requested_ = false;         // GUARDED_BY(mutex_)
  std::function<void()> hook_;     // GUARDED_BY(mutex_): set while serve() runs
};

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // host:port; [v6]:port
  int threads = 0;                        // I/O threads; 0: one per core
  Limits limits;
  bool access_log = true;
  // Called once the socket is listening (e.g. to print the URL); may be empty.
  std::function<void(const std::string& address)> on_listening;
  int workers = 0;                  // worker threads for blocking handlers; 0: 2 × cores
  std::size_t worker_queue = 256;   // requests waiting for a worker beyond which 503 at once
  std::shared_ptr<StopSource> stop;  // optional; see StopSource
};

// Runs until SIGINT, SIGTERM or options.stop. Fails at once, with one line saying why, when the
// address is malformed or cannot be bound. `router` must outlive the call.
Status serve(const ServerOptions& options, const Router& router);

}  // namespace toasoan::http
