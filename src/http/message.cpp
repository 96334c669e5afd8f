#include "http/message.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>

namespace toasoan::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `s` with each maximal ill-formed UTF-8 subpart replaced by U+FFFD (Unicode's recommended
// practice, as browsers decode), so what a client sends never puts invalid bytes into a page or
// a JSON answer. http knows only base, so this is the module's own small decoder.
std::string replace_invalid_utf8(std::string s) {
  auto is_cont = [](unsigned char c, unsigned char lo = 0x80, unsigned char hi = 0xBF) { return c >= lo && c <= hi; };
  std::size_t i = 0;
  // Most values are ASCII or valid: only copy once something needs replacing.
  std::string out;
  bool replaced = false;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (b < 0x80) need = 0;
    else if (b >= 0xC2 && b <= 0xDF) need = 1;
    else if (b == 0xE0) need = 2, lo = 0xA0;
    else if (b == 0xED) need = 2, hi = 0x9F;  // no surrogates
    else if (b >= 0xE1 && b <= 0xEF) need = 2;
    else if (b == 0xF0) need = 3, lo = 0x90;
    else if (b >= 0xF1 && b <= 0xF3) need = 3;
    else if (b == 0xF4) need = 3, hi = 0x8F;  // nothing above U+10FFFF
    else need = SIZE_MAX;                     // a stray continuation byte or C0, C1, F5..FF
    std::size_t len = 1;
    bool ok = need != SIZE_MAX;
    if (ok) {
      for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size() || !is_cont(static_cast<unsigned char>(s[i + k]), k == 1 ? lo : 0x80, k == 1 ? hi : 0xBF)) {
          ok = false;
          break;
        }
        ++len;
      }
    }
    if (ok) {
      if (replaced) out.append(s, i, len);
    } else {
      if (!replaced) {
        out.assign(s, 0, i);
        replaced = true;
      }
      out.append("\xEF\xBF\xBD");
    }
    i += len;
  }
  return replaced ? out : s;
}

}  // namespace

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return {};
}

std::string cookie(const Request& req, std::string_view name) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  };
  for (const auto& [k, v] : req.headers) {
    if (!iequals(k, "cookie")) continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      auto part = trim(rest.substr(0, semi));
      auto eq = part.find('=');
      if (eq != std::string_view::npos && trim(part.substr(0, eq)) == name) return std::string(trim(part.substr(eq + 1)));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    }
  }
  return {};
}

std::string_view Request::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

bool Stream::write(std::string chunk) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (closing_ || aborted_) return false;
    if (chunk.empty()) return true;
    if (queued_bytes_ + chunk.size() > kMaxQueuedBytes) {
      aborted_ = true;
    } else {
      queued_bytes_ += chunk.size();
      queue_.push_back(std::move(chunk));
    }
    wake = wake_;
  }
  // Called outside the lock: the server's wake posts to the connection, which takes the lock.
  if (wake) wake();
  std::lock_guard lock(mutex_);
  return !aborted_;
}

void Stream::close() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (closing_ || aborted_) return;
    closing_ = true;
    wake = wake_;
  }
  if (wake) wake();
}

bool Stream::closed() const {
  std::lock_guard lock(mutex_);
  return closing_ || aborted_;
}

std::string Stream::queued() const {
  std::lock_guard lock(mutex_);
  std::string all;
  for (const auto& chunk : queue_) all += chunk;
  return all;
}

void Stream::on_close(std::function<void()> f) {
  {
    std::lock_guard lock(mutex_);
    if (!ended_) {
      on_close_.push_back(std::move(f));
      return;
    }
  }
  f();
}

bool Deferred::finish(Response response) {
  auto owned = std::make_unique<Response>(std::move(response));
  std::lock_guard lock(mutex_);
  if (done_) return false;  // `owned` goes after the lock is released
  done_ = true;
  response_ = std::move(owned);
  if (wake_) wake_();
  return true;
}

bool Deferred::done() const {
  std::lock_guard lock(mutex_);
  return done_;
}

bool percent_decode(std::string_view in, std::string& out, bool plus_is_space) {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int h = hex(in[i + 1]);
      int l = hex(in[i + 2]);
      if (h < 0 || l < 0) return false;
      char d = static_cast<char>(h * 16 + l);
      if (d == '\0') return false;
      out.push_back(d);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return true;
}

std::optional<std::string> find_query_param(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    auto eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    if (key == name) {
      std::string_view raw = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      std::string out;
      if (!percent_decode(raw, out, true)) out = std::string(raw);
      return replace_invalid_utf8(std::move(out));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

std::optional<int> int_param(std::string_view query, std::string_view name, int fallback, int min, int max) {
  std::optional<std::string> raw = find_query_param(query, name);
  if (!raw) return fallback;
  // Digits only: from_chars alone would take a leading '-'. No leading zero: "0100" is not
  // another name for 100, or every reader could make the page cache keep one page many times.
  if (raw->empty() || raw->find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  if (raw->size() > 1 && raw->front() == '0') return std::nullopt;
  int n = 0;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), n);
  if (ec != std::errc() || end != raw->data() + raw->size() || n < min || n > max) return std::nullopt;
  return n;
}

std::string query_param(std::string_view query, std::string_view name) {
  return find_query_param(query, name).value_or(std::string());
}

bool etag_matches(std::string_view header, std::string_view etag) {
  auto strip_weak = [](std::string_view t) { return t.starts_with("W/") ? t.substr(2) : t; };
  etag = strip_weak(etag);
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view tag = trim(header.substr(0, comma));
    if (tag == "*" || strip_weak(tag) == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

std::optional<int> parse_qvalue(std::string_view q) {
  if (q.empty() || q.size() > 5 || (q[0] != '0' && q[0] != '1')) return std::nullopt;
  int whole = q[0] - '0';
  if (q.size() == 1) return whole * 1000;
  if (q[1] != '.') return std::nullopt;
  int thousandths = 0, scale = 100;
  for (char c : q.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    thousandths += (c - '0') * scale;
    scale /= 10;
  }
  if (whole == 1 && thousandths != 0) return std::nullopt;  // above 1
  return whole * 1000 + thousandths;
}

Encoding preferred_encoding(std::string_view header) {
  bool gzip = false, br = false;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view item = trim(header.substr(0, comma));
    auto semi = item.find(';');
    std::string_view coding = trim(item.substr(0, semi));
    // A coding is accepted unless a weight says otherwise: q=0, or a weight that is not one
    // (q=nan, q=1.5, q=): a client that cannot write its weight gets the plain body, which
    // every client can read.
    bool accepted = true;
    std::string_view params = semi == std::string_view::npos ? std::string_view() : item.substr(semi + 1);
    while (!params.empty()) {
      auto next = params.find(';');
      std::string_view param = trim(params.substr(0, next));
      if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        auto q = parse_qvalue(param.substr(2));
        if (!q || *q == 0) accepted = false;
      }
      if (next == std::string_view::npos) break;
      params.remove_prefix(next + 1);
    }
    if (accepted) {
      if (iequals(coding, "br")) br = true;
      else if (iequals(coding, "gzip")) gzip = true;
    }
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return br ? Encoding::brotli : gzip ? Encoding::gzip : Encoding::identity;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

namespace {

// A run of ASCII digits as a number; nullopt when empty, not all digits, or over 2^63.
std::optional<std::uint64_t> parse_u64(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

}  // namespace

RangeRequest parse_range(std::string_view header, std::uint64_t size) {
  RangeRequest whole;
  header = trim(header);
  if (header.size() < 6 || !iequals(header.substr(0, 6), "bytes=")) return whole;
  std::string_view spec = trim(header.substr(6));
  if (spec.find(',') != std::string_view::npos) return whole;
  auto dash = spec.find('-');
  if (dash == std::string_view::npos) return whole;
  std::string_view a = trim(spec.substr(0, dash));
  std::string_view b = trim(spec.substr(dash + 1));
  RangeRequest r;
  r.kind = RangeRequest::Kind::partial;
  if (a.empty()) {  // "bytes=-n": the last n bytes
    auto n = parse_u64(b);
    if (!n) return whole;
    if (*n == 0 || size == 0) return {RangeRequest::Kind::unsatisfiable, {}};
    r.range = {size - std::min(*n, size), size - 1};
    return r;
  }
  auto first = parse_u64(a);
  if (!first) return whole;
  std::uint64_t last = size == 0 ? 0 : size - 1;
  if (!b.empty()) {
    auto l = parse_u64(b);
    if (!l || *l < *first) return whole;  // RFC 9110: an invalid range-spec is ignored
    last = std::min(*l, last);
  }
  if (*first >= size) return {RangeRequest::Kind::unsatisfiable, {}};
  r.range = {*first, last};
  return r;
}

}  // namespace toasoan::http
