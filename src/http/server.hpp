// The HTTP/1.1 server: accepts connections on one address, reads requests within limits,
// hands each to a Handler and writes the response, with keep-alive.
//
// Built on Boost.Beast/Asio with C++20 coroutines, so a slow or idle client holds a few
// kilobytes of memory and no thread. The Handler runs on an I/O thread and must not block for
// long; it may be called from several threads at once.
//
// Shutdown: SIGINT or SIGTERM stops accepting, closes idle connections, lets requests in
// flight finish (up to Limits::drain), then serve() returns.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "base/result.hpp"
#include "http/message.hpp"

namespace toasoan::http {

using Handler = std::function<void(const Request&, Response&)>;

// Each limit protects the server from one kind of client; the defaults are generous for a
// browser and tight for an attacker.
struct Limits {
  std::size_t header_bytes = 16 * 1024;  // request line + headers; browsers send ~1-2 KB
  std::size_t header_fields = 100;       // browsers send ~15
  std::size_t body_bytes = 1024 * 1024;  // forms and JSON; photo uploads get their own limit
  std::chrono::seconds request_read{10};  // from a request's first byte to its last
  std::chrono::seconds idle{30};          // keep-alive wait for the next request
  std::chrono::seconds write{30};         // to send one response to a slow reader
  std::chrono::seconds drain{10};         // shutdown grace for requests in flight
  std::size_t connections = 10000;        // beyond this new connections are closed at once
};

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // host:port; [v6]:port
  int threads = 0;                        // 0: one per core
  Limits limits;
  bool access_log = true;
  // Called once the socket is listening (e.g. to print the URL); may be empty.
  std::function<void(const std::string& address)> on_listening;
};

// Runs until SIGINT or SIGTERM. Fails at once, with one line saying why, when the address is
// malformed or cannot be bound.
Status serve(const ServerOptions& options, Handler handler);

}  // namespace toasoan::http
