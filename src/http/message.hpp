// Request and Response as the rest of the program sees them: plain values, no Beast.
//
// A Request's views point into the connection's buffers and live only for the handler call.
// A Response owns its body, or shares an immutable cached one (a page rendered once and
// served to many readers without copying).
#pragma once

#include <cstdint>
#include <memory>
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

  // The first header named `name` (ASCII case-insensitive), or "" when absent.
  std::string_view header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, served instead of `body`.
  std::shared_ptr<const std::string> shared_body;

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  std::string_view payload() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
};

// The value of query parameter `name` in `query`, percent-decoded ('+' is a space), or "" when
// absent. Decoding never fails: a value with a broken escape stays as written.
std::string query_param(std::string_view query, std::string_view name);

// The same, telling an absent parameter (nullopt) from an empty one ("page=").
std::optional<std::string> find_query_param(std::string_view query, std::string_view name);

// Query parameter `name` as a whole number in [min, max]: `fallback` when the parameter is
// absent, nullopt for anything else (empty, a sign, spaces, letters, out of range). The one
// reading of "page" and "per_page" for every page and API answer, so they agree on which
// addresses exist.
std::optional<int> int_param(std::string_view query, std::string_view name, int fallback, int min, int max);

// Percent-decodes a path or query component; returns false on a broken escape or a NUL.
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space);

// True when an If-None-Match header value names `etag` (or is "*"), weak comparison.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

enum class Encoding { identity, gzip, brotli };
// The best encoding the client accepts, by its Accept-Encoding header (q=0 excludes).
Encoding preferred_encoding(std::string_view accept_encoding);

std::string_view reason_phrase(int status);

}  // namespace toasoan::http
