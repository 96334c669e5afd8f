#include "site/cached_page.hpp"

#include <cstdio>

#include "http/compress.hpp"

namespace toasoan::site {

std::string etag_of(std::string_view body) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

std::size_t CachedPage::bytes() const {
  return sizeof(CachedPage) + (identity ? identity->size() : 0) + (gzip ? gzip->size() : 0) +
         (brotli ? brotli->size() : 0) + content_type.size() + etag.size() + location.size();
}

std::shared_ptr<const CachedPage> CachedPage::make(int status, std::string content_type, std::string body,
                                                   std::string cache_control, bool fast) {
  auto p = std::make_shared<CachedPage>();
  p->status = status;
  p->etag = etag_of(body);
  p->cache_control = std::move(cache_control);
  if (http::compressible(content_type, body.size())) {
    std::string z = http::gzip(body);
    if (!z.empty() && z.size() < body.size()) p->gzip = std::make_shared<const std::string>(std::move(z));
    std::string b = http::brotli(body, fast ? 5 : 11);
    if (!b.empty() && b.size() < body.size()) p->brotli = std::make_shared<const std::string>(std::move(b));
  }
  p->content_type = std::move(content_type);
  p->identity = std::make_shared<const std::string>(std::move(body));
  return p;
}

namespace {

// Pages load only our own scripts and styles; photos may come from anywhere over https (an
// imported article's images). A script injected into content would not run.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' https: data:; script-src 'self'; style-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

}  // namespace

void respond(const http::Request& req, http::Response& res, const CachedPage& page) {
  res.status = page.status;
  res.content_type = page.content_type;
  res.set_header("X-Content-Type-Options", "nosniff");
  if (page.content_type.starts_with("text/html")) {
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("Referrer-Policy", "strict-origin-when-cross-origin");
  }
  if (!page.location.empty()) res.set_header("Location", page.location);
  if (!page.cache_control.empty()) res.set_header("Cache-Control", page.cache_control);
  if (page.gzip || page.brotli) res.set_header("Vary", "Accept-Encoding");
  if (page.status == 200) {
    res.set_header("ETag", page.etag);
    if (auto inm = req.header("If-None-Match"); !inm.empty() && http::etag_matches(inm, page.etag)) {
      res.status = 304;
      return;
    }
  }
  auto enc = (page.gzip || page.brotli) ? http::preferred_encoding(req.header("Accept-Encoding"))
                                        : http::Encoding::identity;
  if (enc == http::Encoding::brotli && !page.brotli) enc = http::Encoding::gzip;
  if (enc == http::Encoding::gzip && !page.gzip) enc = http::Encoding::identity;
  switch (enc) {
    case http::Encoding::brotli:
      res.set_header("Content-Encoding", "br");
      res.shared_body = page.brotli;
      break;
    case http::Encoding::gzip:
      res.set_header("Content-Encoding", "gzip");
      res.shared_body = page.gzip;
      break;
    case http::Encoding::identity:
      res.shared_body = page.identity;
      break;
  }
}

}  // namespace toasoan::site
