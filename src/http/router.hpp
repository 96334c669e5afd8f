// The Router: which code answers a request, chosen by method and path, with the middleware
// that runs first and the options the server needs before it reads the body (its size limit,
// whether it goes to disk, whether the handler may block).
//
// Patterns are literal segments, "{name}" for one segment and a final "{*name}" for the rest of
// the path: "/api/v1/articles/{id}", "/media/{*path}". When several patterns match, the more
// specific wins, segment by segment: a literal before "{name}" before "{*name}".
//
// Thread-safety: set up on one thread before serve(); after that only const members are
// called, from every I/O and worker thread at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace toasoan::http {

struct RouteOptions {
  // Chosen after the headers are read: a larger Content-Length is answered 413 without reading
  // the body, and a chunked body cut off here is answered 413 too.
  std::size_t body_limit = 64 * 1024;
  // Streams the body to a temporary file (Request::body_file) instead of memory: for uploads.
  bool body_to_file = false;
  // Runs the handler on the worker pool, where it may block (database, disk). false: on the
  // I/O thread, where it must not block.
  bool worker = true;
  // How long a Deferred answer may take (message.hpp); 0: the server's Limits::deferred. A
  // photo upload waits its turn for processing, which takes longer than a comment's flush.
  std::chrono::seconds deferred_wait{0};
  // How long the body may take to arrive, from the end of the headers; 0: what is left of
  // Limits::request_read. A 20 MB photo over an office's slow uplink takes a minute or more.
  std::chrono::seconds body_read{0};
};

using Handler = std::function<void(Request&, Response&)>;
// Runs before a route's handler; returns false when it answered (401, 403, 429…) and the chain
// stops there.
using Middleware = std::function<bool(Request&, Response&)>;
// Answers a GET or HEAD on the I/O thread when it can do so without blocking; true when it did.
using FastPath = std::function<bool(const Request&, Response&)>;

class Router {
 public:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // pattern split at '/', without the leading one
    Handler handler;
    RouteOptions options;
    std::vector<Middleware> middleware;
  };

  // The outcome of routing one request.
  struct Match {
    const Route* route = nullptr;  // nullptr: the fallback answers (or 405, when `allow` is set)
    std::vector<std::pair<std::string_view, std::string>> params;
    std::string allow;  // the path matched a pattern but not with this method: "GET, HEAD, POST"

    bool method_not_allowed() const { return route == nullptr && !allow.empty(); }
  };

  // Method "GET" also answers HEAD. Several methods on one pattern: a wrong method gets 405
  // with Allow.
  void add(std::string method, std::string pattern, Handler h, RouteOptions o = {}, std::vector<Middleware> mw = {});
  // Middleware for every route whose pattern starts with `prefix` ("/api/v1/admin/"), run
  // before the route's own, in the order use() was called.
  void use(std::string prefix, Middleware mw);
  // Answers a path no pattern matches (the reading site).
  void fallback(Handler h, RouteOptions o = {});
  // Tried on the I/O thread for a GET or HEAD the fallback would answer, before it is handed to
  // a worker, so a cached page never waits behind a slow one.
  void fast_path(FastPath f);

  Match match(std::string_view method, std::string_view path) const;

  // The options for a match: the route's, or the fallback's (405 answers use the fallback's).
  const RouteOptions& options(const Match& m) const;
  // True when the fast path answered `req` (only tried for a fallback GET or HEAD).
  bool try_fast_path(const Match& m, const Request& req, Response& res) const;
  // Runs the middleware chain and the handler (or the fallback, or the 405 answer); fills
  // req.params from `m`.
  void dispatch(Match m, Request& req, Response& res) const;

 private:
  struct Prefixed {
    std::string prefix;
    Middleware middleware;
  };
  std::vector<Route> routes_;
  std::vector<Prefixed> prefixed_;
  Handler fallback_;
  RouteOptions fallback_options_;
  FastPath fast_path_;
};

}  // namespace toasoan::http
