#include "site/cached_page.hpp"

#include <cstdio>
#include <functional>

#include "http/compress.hpp"

namespace toasoan::site {

std::string etag_of(std::string_view body) {
  // libstdc++'s hash of bytes (64-bit MurmurHash2) reads eight bytes a step; FNV-1a's byte a
  // step cost a rendered article page a tenth of its render. Not seeded: every node running
  // the same build gives a page the same tag.
  const std::uint64_t h = std::hash<std::string_view>{}(body);
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

std::size_t CachedPage::bytes() const {
  // The compressed forms, made later, are at most a third of the identity body each.
  std::size_t body = identity ? identity->size() : 0;
  return sizeof(CachedPage) + body + (compressible ? body * 2 / 3 : 0) + content_type.size() + etag.size() +
         location.size();
}

std::shared_ptr<const std::string> CachedPage::gzip() const {
  std::call_once(gzip_once_, [this] {
    if (!compressible) return;
    std::string z = http::gzip(*identity, fast ? 6 : 9);
    if (!z.empty() && z.size() < identity->size()) gzip_ = std::make_shared<const std::string>(std::move(z));
  });
  return gzip_;
}

std::shared_ptr<const std::string> CachedPage::brotli() const {
  std::call_once(brotli_once_, [this] {
    if (!compressible) return;
    std::string b = http::brotli(*identity, fast ? 5 : 11);
    if (!b.empty() && b.size() < identity->size()) brotli_ = std::make_shared<const std::string>(std::move(b));
  });
  return brotli_;
}

std::shared_ptr<const CachedPage> CachedPage::make(int status, std::string content_type, std::string body,
                                                   std::string cache_control, bool fast,
                                                   std::vector<std::pair<std::string, std::string>> headers) {
  auto p = std::make_shared<CachedPage>();
  p->status = status;
  p->headers = std::move(headers);
  p->etag = etag_of(body);
  p->cache_control = std::move(cache_control);
  p->compressible = http::compressible(content_type, body.size());
  p->fast = fast;
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

std::shared_ptr<const CachedPage> CachedPage::moved(std::string location) {
  auto p = std::make_shared<CachedPage>();
  p->status = 301;
  p->content_type = "text/plain; charset=utf-8";
  p->cache_control = "public, max-age=300";
  p->location = std::move(location);
  p->identity = std::make_shared<const std::string>("Moved Permanently");
  p->etag = etag_of(*p->identity);
  return p;
}

void respond(const http::Request& req, http::Response& res, const CachedPage& page) {
  res.status = page.status;
  res.content_type = page.content_type;
  auto own = [&page](std::string_view name) {
    for (const auto& h : page.headers)
      if (h.first == name) return true;
    return false;
  };
  if (!own("X-Content-Type-Options")) res.set_header("X-Content-Type-Options", "nosniff");
  if (page.content_type.starts_with("text/html")) {
    if (!own("Content-Security-Policy")) res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    if (!own("Referrer-Policy")) res.set_header("Referrer-Policy", "strict-origin-when-cross-origin");
  }
  for (const auto& h : page.headers) res.set_header(h.first, h.second);
  if (!page.location.empty()) res.set_header("Location", page.location);
  if (!page.cache_control.empty()) res.set_header("Cache-Control", page.cache_control);
  if (page.compressible) res.set_header("Vary", "Accept-Encoding");
  if (page.status == 200) {
    res.set_header("ETag", page.etag);
    if (auto inm = req.header("If-None-Match"); !inm.empty() && http::etag_matches(inm, page.etag)) {
      res.status = 304;
      return;
    }
  }
  auto enc = page.compressible ? http::preferred_encoding(req.header("Accept-Encoding")) : http::Encoding::identity;
  if (enc == http::Encoding::brotli) {
    if (auto b = page.brotli()) {
      res.set_header("Content-Encoding", "br");
      res.shared_body = std::move(b);
      return;
    }
    enc = http::Encoding::gzip;  // br was asked for with gzip in every browser that sends it
  }
  if (enc == http::Encoding::gzip) {
    if (auto z = page.gzip()) {
      res.set_header("Content-Encoding", "gzip");
      res.shared_body = std::move(z);
      return;
    }
  }
  res.shared_body = page.identity;
}

}  // namespace toasoan::site
