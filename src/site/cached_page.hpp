// A response rendered once and served many times: its body in every encoding a client may
// ask for, and its ETag. Immutable once made, so any number of threads may serve it.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace toasoan::site {

struct CachedPage {
  int status = 200;
  std::string content_type;
  std::string cache_control;
  std::string etag;  // strong, quoted: a hash of the identity body
  std::string location;  // for redirects
  std::shared_ptr<const std::string> identity;
  bool compressible = false;  // worth offering gzip and brotli
  bool fast = true;           // quick compression levels (pages) over the strongest (assets)
  // Sent with every answer of the page, in place of respond()'s own of the same name (its
  // nosniff, and for HTML the reading site's Content-Security-Policy and Referrer-Policy): for
  // pages that are not the reading site's, such as the newsroom app's.
  std::vector<std::pair<std::string, std::string>> headers;

  // The compressed forms, made the first time a client asks for each (most readers' browsers
  // ask for brotli; curl and wrk for neither), then kept. Null when compression does not pay.
  // Thread-safe.
  std::shared_ptr<const std::string> gzip() const;
  std::shared_ptr<const std::string> brotli() const;

  std::size_t bytes() const;

  // `fast` picks quick compression levels for pages rendered on demand over the strongest
  // levels for assets made once at start.
 private:
  mutable std::once_flag gzip_once_, brotli_once_;
  mutable std::shared_ptr<const std::string> gzip_, brotli_;

 public:
  static std::shared_ptr<const CachedPage> make(int status, std::string content_type, std::string body,
                                                std::string cache_control, bool fast = true,
                                                std::vector<std::pair<std::string, std::string>> headers = {});

  // A permanent redirect to `location`.
  static std::shared_ptr<const CachedPage> moved(std::string location);
};

// Fills `res` from `page` for this request: the encoding the client prefers, and 304 when
// its If-None-Match names the page's ETag.
void respond(const http::Request& req, http::Response& res, const CachedPage& page);

// "\"1a2b3c4d5e6f7a8b\"": a 64-bit hash of the bytes. Not a security hash: it only needs to
// change when the page does.
std::string etag_of(std::string_view body);

}  // namespace toasoan::site
