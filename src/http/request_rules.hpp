// What the server checks on a request before it reads the body, as plain functions of what it
// read: the refusals (400, 413, 414, 417, 431) and whether to say "100 Continue". server.cpp
// applies them to every request; fuzz/http_request_fuzz.cpp applies them to arbitrary bytes.
// Keeping the rules here, without sockets, is what lets the fuzz target test the server's own
// decisions rather than a copy of them.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "http/router.hpp"
#include "http/server.hpp"

namespace toasoan::http {

// A request's line and header, as the parser gave them.
struct RequestHead {
  unsigned version = 11;  // 10 for HTTP/1.0, 11 for HTTP/1.1
  std::string_view target;
  std::size_t fields = 0;  // header fields, counted up to Limits::header_fields + 1
  std::size_t hosts = 0;   // Host fields among them
  std::optional<std::uint64_t> content_length;
  std::size_t expects = 0;          // Expect fields
  bool expects_only_continue = true;  // every Expect field says "100-continue"
  bool body_follows = false;        // a body is announced and not read yet
};

struct HeadVerdict {
  // A status to answer at once, before any body is read; the connection then ends, since the
  // unread body would be taken for the next request. 0: go on.
  int refuse = 0;
  // Write "HTTP/1.1 100 Continue" before reading the body: the client waits for it.
  bool send_continue = false;
};

// REQUIRES: `route` is the options of the route the request's method and path match.
HeadVerdict judge_head(const RequestHead& head, const Limits& limits, const RouteOptions& route);

// Why the request line and header could not be read.
enum class HeadFailure {
  malformed,  // not HTTP: 400
  too_large,  // beyond Limits::header_bytes: 414 or 431, see below
};

// The status for a head that could not be read: 414 when the request target is longer than
// Limits::target_bytes (a runaway URL), else 431 for too large a header, 400 for a malformed
// one. `target` is the target when the parser got past the request line ("" when it did not);
// otherwise the request line is still at the start of `buffered`, the bytes buffered when it
// failed, and its length decides.
int refusal_for_head(HeadFailure failure, std::string_view target, std::string_view buffered, const Limits& limits);

// The length of the first line in `buffered` (up to its CR or LF, or all of it when it has none).
std::size_t first_line_length(std::string_view buffered);

}  // namespace toasoan::http
