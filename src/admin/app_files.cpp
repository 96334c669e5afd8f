#include "admin/app_files.hpp"

#include <cstdlib>

#include "base/log.hpp"
#include "site/assets.hpp"
#include "text/utf8.hpp"

namespace toasoan::admin {
namespace {

constexpr std::string_view kAssetsFolder = "assets/";
constexpr std::string_view kPreviewFolder = "xem-truoc";
constexpr const char* kImmutable = "public, max-age=31536000, immutable";
// Revalidated on every load (a 304 costs a few bytes), so a deploy reaches every open newsroom
// at its next reload, while the hashed assets it names stay cached.
constexpr const char* kRevalidate = "no-cache";

std::vector<std::pair<std::string, std::string>> security_headers() {
  return {{"Content-Security-Policy", std::string(kAppContentSecurityPolicy)},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "same-origin"},
          {"X-Robots-Tag", "noindex"}};
}

std::shared_ptr<const site::CachedPage> page(int status, std::string_view type, std::string_view body,
                                             const char* cache_control) {
  // The strongest compression: each file is compressed once per process.
  return site::CachedPage::make(status, std::string(type), std::string(body), cache_control, /*fast=*/false,
                                security_headers());
}

bool has_control(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7F) return true;
  return false;
}

bool walks(std::string_view path) {
  if (path.find('\\') != std::string_view::npos) return true;
  for (;;) {
    auto slash = path.find('/');
    auto segment = path.substr(0, slash);
    if (segment == "." || segment == "..") return true;
    if (slash == std::string_view::npos) return false;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

AppPath classify_app_path(std::string_view rest) {
  AppPath p;
  std::string decoded;
  // percent_decode refuses a broken escape and a NUL; the rest is checked on what it gave.
  if (!http::percent_decode(rest, decoded, false) || !text::valid_utf8(decoded) || has_control(decoded)) {
    p.kind = AppPath::Kind::bad_request;
    return p;
  }
  if (walks(decoded)) {
    p.kind = AppPath::Kind::not_found;
    return p;
  }
  if (decoded.starts_with(kAssetsFolder)) {
    p.kind = AppPath::Kind::asset;
    p.asset = decoded.substr(kAssetsFolder.size());
    return p;
  }
  if (decoded == kAssetsFolder.substr(0, kAssetsFolder.size() - 1) ||
      (decoded.starts_with(kPreviewFolder) &&
       (decoded.size() == kPreviewFolder.size() || decoded[kPreviewFolder.size()] == '/'))) {
    // The folder itself, or what the preview's route did not take ("xem-truoc/", "xem-truoc/1/x").
    p.kind = AppPath::Kind::not_found;
    return p;
  }
  p.kind = AppPath::Kind::index;
  return p;
}

std::string_view app_content_type(std::string_view name) {
  if (name.ends_with(".js") || name.ends_with(".mjs")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".json")) return "application/json; charset=utf-8";
  return site::content_type_for(name);
}

AppFiles::AppFiles(std::span<const EmbeddedFile> files) {
  for (const auto& f : files) {
    if (f.name == "index.html") {
      index_ = page(200, app_content_type(f.name), f.data, kRevalidate);
    } else if (f.name.starts_with(kAssetsFolder)) {
      assets_[std::string(f.name.substr(kAssetsFolder.size()))] =
          page(200, app_content_type(f.name), f.data, kImmutable);
    }
  }
  if (!index_) {
    log::error("the newsroom app has no index.html: the build embedded the wrong folder");
    std::abort();
  }
  not_found_ = page(404, "text/plain; charset=utf-8", "Not Found", "no-store");
  bad_request_ = page(400, "text/plain; charset=utf-8", "Bad Request", "no-store");
}

const site::CachedPage* AppFiles::asset(std::string_view name) const {
  auto it = assets_.find(name);
  return it == assets_.end() ? nullptr : it->second.get();
}

void AppFiles::answer(const http::Request& req, http::Response& res, std::string_view rest) const {
  AppPath p = classify_app_path(rest);
  switch (p.kind) {
    case AppPath::Kind::index:
      return site::respond(req, res, *index_);
    case AppPath::Kind::asset:
      if (const auto* a = asset(p.asset)) return site::respond(req, res, *a);
      return site::respond(req, res, *not_found_);
    case AppPath::Kind::not_found:
      return site::respond(req, res, *not_found_);
    case AppPath::Kind::bad_request:
      return site::respond(req, res, *bad_request_);
  }
}

void add_app_routes(http::Router& router, const AppFiles& files) {
  router.add("GET", "/toa-soan", [](http::Request& req, http::Response& res) {
    res.status = 301;
    res.content_type = "text/plain; charset=utf-8";
    res.body = "Moved Permanently";
    // The query is kept as it came: the request line allows no byte that could end the header.
    res.set_header("Location", req.query.empty() ? std::string(kAppPrefix)
                                                 : std::string(kAppPrefix) + "?" + std::string(req.query));
    res.set_header("Cache-Control", "public, max-age=300");
  }, {.worker = false});
  // On a worker: the first request for an asset in an encoding compresses it at the strongest
  // level, too long to hold an I/O thread (afterwards every answer is a copy-free lookup).
  router.add("GET", "/toa-soan/{*rest}", [&files](http::Request& req, http::Response& res) {
    files.answer(req, res, req.path.substr(kAppPrefix.size()));
  });
}

}  // namespace toasoan::admin
