#include "site/assets.hpp"

#include <cstdlib>

#include "base/embedded.hpp"
#include "base/log.hpp"

namespace toasoan::site {
namespace static_files {
std::span<const EmbeddedFile> embedded_files();
}

namespace {
constexpr const char* kImmutable = "public, max-age=31536000, immutable";
}

std::string_view content_type_for(std::string_view name) {
  auto dot = name.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js") return "application/javascript; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "webp") return "image/webp";
  if (ext == "avif") return "image/avif";
  if (ext == "gif") return "image/gif";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Assets::Assets() {
  for (const auto& f : static_files::embedded_files()) {
    std::string name(f.name);
    auto page = CachedPage::make(200, std::string(content_type_for(name)), std::string(f.data), kImmutable,
                                 /*fast=*/false);
    // The ETag is a content hash already; its first 8 hex digits name the version.
    std::string hash = page->etag.substr(1, 8);
    auto dot = name.rfind('.');
    std::string hashed = dot == std::string::npos ? name + "." + hash
                                                  : name.substr(0, dot) + "." + hash + name.substr(dot);
    urls_[name] = "/static/" + hashed;
    sizes_[name] = f.data.size();
    files_[hashed] = std::move(page);
  }
}

const std::string& Assets::url(std::string_view name) const {
  auto it = urls_.find(std::string(name));
  if (it == urls_.end()) {
    log::error("missing static asset " + std::string(name));
    std::abort();
  }
  return it->second;
}

const CachedPage* Assets::find(std::string_view hashed_name) const {
  auto it = files_.find(std::string(hashed_name));
  return it == files_.end() ? nullptr : it->second.get();
}

std::size_t Assets::size(std::string_view name) const {
  auto it = sizes_.find(std::string(name));
  return it == sizes_.end() ? 0 : it->second;
}

}  // namespace toasoan::site
