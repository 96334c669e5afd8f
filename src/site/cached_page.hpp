// A response rendered once and served many times: its body in every encoding a client may
// ask for, and its ETag. Immutable once made, so any number of threads may serve it.
#pragma once

#include <memory>
#include <string>

#include "http/message.hpp"

namespace toasoan::site {

struct CachedPage {
  int status = 200;
  std::string content_type;
  std::string cache_control;
  std::string etag;  // strong, quoted: a hash of the identity body
  std::string location;  // for redirects
  std::shared_ptr<const std::string> identity;
  std::shared_ptr<const std::string> gzip;    // null when not worth it
  std::shared_ptr<const std::string> brotli;  // null when not worth it

  std::size_t bytes() const;

  // Compresses `body` when its type is compressible; `fast` picks quick compression levels for
  // pages rendered on demand over the strongest levels for assets made once at start.
  static std::shared_ptr<const CachedPage> make(int status, std::string content_type, std::string body,
                                                std::string cache_control, bool fast = true);
};

// Fills `res` from `page` for this request: the encoding the client prefers, and 304 when
// its If-None-Match names the page's ETag.
void respond(const http::Request& req, http::Response& res, const CachedPage& page);

// "\"1a2b3c4d5e6f7a8b\"": FNV-1a 64 of the bytes. Not a security hash: it only needs to change
// when the page does.
std::string etag_of(std::string_view body);

}  // namespace toasoan::site
