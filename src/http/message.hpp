// Request and Response as the rest of the program sees them: plain values, no Beast.
//
// A Request's views point into the connection's buffers and live only for the handler call.
// A Response owns its body, or shares an immutable cached one (a page rendered once and
// served to many readers without copying), or names a file to send in pieces, or carries a
// Stream that the program keeps writing to after the handler returned, or is Deferred: the
// handler returned at once and another thread finishes the response later.
//
// Thread-safety: Request and Response are used by one thread at a time. Stream and Deferred
// are thread-safe: any thread may write to, close or finish them.
#pragma once

#include <any>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace toasoan::http {

struct Request {
  std::string_view method;  // "GET", "HEAD", …
  std::string_view target;  // "/thoi-su/?page=2"
  std::string_view path;    // "/thoi-su/" (still percent-encoded)
  std::string_view query;   // "page=2"
  std::string_view body;
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string_view remote;  // the peer's address, "127.0.0.1"
  // Set instead of `body` when the route streams its body to disk (RouteOptions::body_to_file);
  // the server deletes the file after the response, whatever happened.
  std::filesystem::path body_file;
  // The route pattern's captures, percent-decoded: "/api/v1/articles/{id}" gives {"id", "42"}.
  std::vector<std::pair<std::string_view, std::string>> params;
  // What a route's middleware learned for its handler (who is signed in). The http layer never
  // reads it, so it stays free of the newspaper's types.
  std::any context;

  // The first header named `name` (ASCII case-insensitive), or "" when absent.
  std::string_view header(std::string_view name) const;
  // The capture named `name`, or "" when absent.
  std::string_view param(std::string_view name) const;
};

// A response body read from a file and sent in pieces, never read whole into memory. The
// server answers a single-range request ("Range: bytes=a-b", "bytes=a-", "bytes=-n") with 206
// and Content-Range, an unsatisfiable one with 416 and "Content-Range: bytes */size", and always
// sends "Accept-Ranges: bytes". `size` is the file's size when the handler looked (the handler
// usually stat()ed it for ETag/Last-Modified anyway); the server sends at most that many bytes.
struct FileBody {
  std::filesystem::path path;
  std::uint64_t size = 0;
};

// A long-lived response written in pieces (server-sent events): the server sends the headers
// with chunked encoding, then every chunk as it is written, then the last chunk on close().
//
// Thread-safe: any thread writes or closes; the server's connection reads.
class Stream {
 public:
  // A client reading more slowly than this is dropped rather than buffered without bound.
  static constexpr std::size_t kMaxQueuedBytes = 1024 * 1024;

  Stream() = default;
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  // Queues `chunk` to send. False once the stream is closed (by close(), because the client
  // went away or read too slowly, or because the server is shutting down): the producer should
  // stop. An empty chunk is ignored (it would end the chunked body).
  bool write(std::string chunk);
  // Ends the response cleanly: what is queued is sent, then the last chunk.
  void close();
  bool closed() const;
  // What is queued and not yet taken by the server, joined: lets a producer's tests read what
  // it wrote without a server.
  std::string queued() const;
  // `f` runs once when the stream ends for any reason, on whichever thread ended it; at once
  // when it has already ended. It must not call back into this Stream's on_close.
  void on_close(std::function<void()> f);

 private:
  friend struct StreamAccess;  // the server's side, in server.cpp

  mutable std::mutex mutex_;
  std::deque<std::string> queue_;           // GUARDED_BY(mutex_)
  std::size_t queued_bytes_ = 0;            // GUARDED_BY(mutex_)
  bool closing_ = false;                    // GUARDED_BY(mutex_): send the queue, then the last chunk
  bool aborted_ = false;                    // GUARDED_BY(mutex_): drop the connection, send nothing more
  bool ended_ = false;                      // GUARDED_BY(mutex_): on_close callbacks have run
  std::function<void()> wake_;              // GUARDED_BY(mutex_): tells the connection there is news
  std::vector<std::function<void()>> on_close_;  // GUARDED_BY(mutex_)
};

class Deferred;

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, served instead of `body`.
  std::shared_ptr<const std::string> shared_body;

  // When set, served instead of `body`, with Range support.
  std::optional<FileBody> file;
  // When set, the headers are sent, then the stream's chunks as they come (chunked encoding).
  std::shared_ptr<Stream> stream;
  // When set, everything else is ignored: the server waits for the Deferred's response
  // (without holding a thread) and sends that instead.
  std::shared_ptr<Deferred> deferred;

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  std::string_view payload() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
};

// A response another thread finishes later: the handler sets `res.deferred =
// std::make_shared<Deferred>()`, hands the Deferred on (to the comments' inbox, which answers a
// whole batch after one flush of the disk) and returns, freeing its worker or I/O thread. The
// connection waits, holding no thread, until finish() is called, then sends that Response as
// it would have sent the handler's own (a Deferred in it is ignored).
//
// If finish() does not come within Limits::deferred the client gets 503 with Retry-After: 1
// and the late finish() is ignored (returns false): the producer must not count on its answer
// reaching the client, only on the client having been answered once. At shutdown a waiting
// Deferred is waited for like any request in flight (up to Limits::drain), and its answer
// says Connection: close. A client that hangs up meanwhile changes nothing for the producer.
//
// Thread-safe: finish() from any thread, at any time, also after the connection or the whole
// server is gone (the Deferred is shared; the server's hook is dropped when it stops waiting).
class Deferred {
 public:
  Deferred() = default;
  Deferred(const Deferred&) = delete;
  Deferred& operator=(const Deferred&) = delete;

  // Delivers the response. True for the first call; false, and `response` dropped, when the
  // Deferred was already finished or the server stopped waiting (timed out).
  bool finish(Response response);
  // True once finish() was called or the server stopped waiting.
  bool done() const;

 private:
  friend struct DeferredAccess;  // the server's side, in server.cpp

  mutable std::mutex mutex_;
  bool done_ = false;                   // GUARDED_BY(mutex_)
  std::unique_ptr<Response> response_;  // GUARDED_BY(mutex_): set by finish(), taken by the server
  // GUARDED_BY(mutex_): tells the connection the response is there. Called under the lock so
  // that once the server clears it no call is still on its way; it only posts, never calls back.
  std::function<void()> wake_;
};

// The value of cookie `name` in the request's Cookie headers (any of them), or "".
std::string cookie(const Request& req, std::string_view name);

// The value of query parameter `name` in `query`, percent-decoded ('+' is a space), or "" when
// absent. Decoding never fails: a value with a broken escape stays as written. Invalid UTF-8
// (from "%FF", "%C3" or raw bytes) comes back as U+FFFD, one per ill-formed subpart, so every
// value is valid UTF-8.
std::string query_param(std::string_view query, std::string_view name);

// The same, telling an absent parameter (nullopt) from an empty one ("page=").
std::optional<std::string> find_query_param(std::string_view query, std::string_view name);

// Query parameter `name` as a whole number in [min, max]: `fallback` when the parameter is
// absent, nullopt for anything else (empty, a sign, spaces, letters, a leading zero, out of
// range). The one reading of "page" and "per_page" for every page and API answer, so they
// agree on which addresses exist.
std::optional<int> int_param(std::string_view query, std::string_view name, int fallback, int min, int max);

// Percent-decodes a path or query component; returns false on a broken escape or a NUL.
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space);

// True when an If-None-Match header value names `etag` (or is "*"), weak comparison.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

// A weight as RFC 9110 12.4.2 writes it ("0", "0.5", "0.125", "1", "1.000"), in thousandths;
// nullopt for anything else ("nan", "inf", "-1", "1.5", "0.0001", "", " 0.5").
std::optional<int> parse_qvalue(std::string_view q);

enum class Encoding { identity, gzip, brotli };
// The best encoding the client accepts, by its Accept-Encoding header. A coding with q=0 or
// with a malformed weight is not accepted.
Encoding preferred_encoding(std::string_view accept_encoding);

std::string_view reason_phrase(int status);

// The bytes [first, last] of a file, both inclusive.
struct ByteRange {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  std::uint64_t length() const { return last - first + 1; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// What a Range header asks of a file of `size` bytes.
struct RangeRequest {
  enum class Kind {
    whole,          // no Range header, or one the server ignores (other units, several ranges, bad syntax)
    partial,        // answer 206 with `range`
    unsatisfiable,  // answer 416 with "Content-Range: bytes */size"
  };
  Kind kind = Kind::whole;
  ByteRange range;
};

// Reads a Range header (RFC 9110 14.2) for a file of `size` bytes. Only one range is served:
// a multi-range request gets the whole file, which RFC 9110 allows and which saves a multipart
// body no reader of this site needs.
RangeRequest parse_range(std::string_view header, std::uint64_t size);

}  // namespace toasoan::http
