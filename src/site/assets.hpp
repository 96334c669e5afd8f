// The site's own static files (web/static/), compiled into the binary and served under
// names that carry a hash of their content: "site.css" is served as
// "/static/site.1a2b3c4d.css". A changed file gets a new name, so every asset can be cached
// by browsers for a year without ever going stale.
// Built once at start; immutable afterwards, so thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "site/cached_page.hpp"

namespace toasoan::site {

class Assets {
 public:
  Assets();

  // The public path of a logical asset name ("site.css" → "/static/site.1a2b3c4d.css").
  // REQUIRES: the asset exists (a typo is a programmer error and aborts at start).
  const std::string& url(std::string_view name) const;

  // The asset served at /static/<hashed_name>, or null.
  const CachedPage* find(std::string_view hashed_name) const;

  // Total bytes of the named assets, uncompressed (the page-weight budget counts them).
  std::size_t size(std::string_view name) const;

 private:
  std::unordered_map<std::string, std::string> urls_;  // logical name → public path
  std::unordered_map<std::string, std::shared_ptr<const CachedPage>> files_;  // hashed name → file
  std::unordered_map<std::string, std::size_t> sizes_;
};

// The MIME type for a file name's extension, or application/octet-stream.
std::string_view content_type_for(std::string_view file_name);

}  // namespace toasoan::site
