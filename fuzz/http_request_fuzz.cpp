// libFuzzer target for the server's reading of requests: the bytes a client sends on one
// connection, parsed with Beast's request parser the way session() in src/http/server.cpp
// parses them (the same header limit and buffer cap, the same body limit per route), judged by
// the same rules (http/request_rules.hpp) and routed by a Router with a few routes of the
// site's shapes. Pipelined requests are read one after the other while the connection would
// stay open. What must hold: no crash, leak or undefined behaviour; every answer is a status
// in 100..599; a refusal is 400, 413, 414, 417 or 431 and ends the connection; 414 only for a
// target over Limits::target_bytes and no request served with one; no request served with
// more header fields than Limits::header_fields or a body over its route's limit.
//
// Thread-safety: libFuzzer calls this from one thread.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

#include "http/beast_head.hpp"
#include "http/request_rules.hpp"
#include "http/router.hpp"

namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using namespace toasoan::http;

// At most this many pipelined requests per input: enough to reach every state of the loop.
constexpr int kMaxRequests = 16;

void require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "fuzz: property violated: %s\n", property);
  std::abort();
}

bool is_refusal(int status) {
  return status == 400 || status == 413 || status == 414 || status == 417 || status == 431;
}

const Router& site_router() {
  static const Router router = [] {
    Router r;
    r.add("GET", "/{category}/{slug}", [](Request& req, Response& res) { res.body = std::string(req.param("slug")); });
    r.add("POST", "/api/v1/comments", [](Request& req, Response& res) {
      res.status = 201;
      res.body = std::to_string(req.body.size());
    }, {.body_limit = 4 * 1024});
    r.add("PUT", "/api/v1/media/{*path}", [](Request&, Response& res) { res.status = 204; },
          {.body_limit = 256 * 1024});
    r.fallback([](Request&, Response& res) { res.status = 404; });
    return r;
  }();
  return router;
}

// Feeds `parser` from `in` as a connection's reads would, until it has what it asked for
// (the header, or the whole message), an error, or the input ends; returns the bytes used.
template <class Parser>
std::size_t feed(Parser& parser, std::string_view in, bool header_only, beast::error_code& ec) {
  std::size_t used = 0;
  while (!(header_only ? parser.is_header_done() : parser.is_done())) {
    std::size_t n = parser.put(boost::asio::const_buffer(in.data() + used, in.size() - used), ec);
    used += n;
    if (ec == bhttp::error::need_more) {
      // Nothing more will come: the server would wait out its read timeout and close quietly.
      if (used == in.size() || n == 0) return used;
      ec = {};
    } else if (ec) {
      return used;
    }
    if (n == 0 && used == in.size()) {
      // Only the end of a body framed by the connection's end: put_eof says so.
      if (!header_only && parser.need_eof()) parser.put_eof(ec);
      return used;
    }
  }
  return used;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Limits lim;
  const Router& router = site_router();
  std::string_view rest(reinterpret_cast<const char*>(data), size);

  for (int answered = 0; answered < kMaxRequests && !rest.empty(); ++answered) {
    // The session's buffer holds one header plus what was pipelined after it, up to this cap.
    const std::size_t cap = lim.header_bytes + 4096;
    std::string_view buffered = rest.substr(0, std::min(rest.size(), cap));

    bhttp::request_parser<bhttp::empty_body> header_parser;
    header_parser.header_limit(static_cast<std::uint32_t>(lim.header_bytes));
    header_parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    beast::error_code ec;
    std::size_t used = feed(header_parser, buffered, true, ec);
    if (ec == bhttp::error::need_more && buffered.size() == cap) ec = bhttp::error::buffer_overflow;
    if (ec == bhttp::error::need_more || (!ec && !header_parser.is_header_done())) return 0;  // cut short
    if (ec) {
      int status = refusal_for_head(head_failure(ec), header_parser.get().target(), buffered.substr(used), lim);
      require(is_refusal(status), "an unreadable head is refused with 400, 414 or 431");
      require(status != 417 && status != 413, "an unreadable head is not a 413 or 417");
      return 0;
    }

    const RequestHead head = head_of(header_parser, lim);
    const std::string_view target = head.target;
    const auto q = target.find('?');
    const std::string_view path = target.substr(0, q);
    const std::string method(header_parser.get().method_string());
    Router::Match match = router.match(method, path);
    const RouteOptions& ro = router.options(match);
    const HeadVerdict verdict = judge_head(head, lim, ro);
    if (verdict.refuse) {
      require(is_refusal(verdict.refuse), "a refused head gets 400, 413, 414, 417 or 431");
      require(verdict.refuse != 414 || target.size() > lim.target_bytes, "414 only for a long target");
      require(!verdict.send_continue, "no 100 Continue before a refusal");
      return 0;  // the connection ends
    }
    require(target.size() <= lim.target_bytes, "no request is served with a target over the limit");
    require(head.fields <= lim.header_fields, "no request is served with too many fields");
    require(!verdict.send_continue || head.body_follows, "100 Continue only when a body is awaited");

    bhttp::request_parser<bhttp::string_body> body_parser(std::move(header_parser));
    body_parser.body_limit(ro.body_limit);
    rest.remove_prefix(used);
    used = feed(body_parser, rest, false, ec);
    if (ec == bhttp::error::need_more || (!ec && !body_parser.is_done())) return 0;  // waits for the rest
    if (ec) {
      int status = status_for_body_error(ec);
      require(status == 400 || status == 413, "an unreadable body is refused with 400 or 413");
      return 0;
    }
    rest.remove_prefix(used);
    const auto& msg = body_parser.get();
    require(msg.body().size() <= ro.body_limit, "no body over its route's limit is served");

    Request r;
    r.method = msg.method_string();
    r.target = msg.target();
    r.path = r.target.substr(0, q);
    r.query = q == std::string_view::npos ? std::string_view() : r.target.substr(q + 1);
    r.body = msg.body();
    for (const auto& f : msg) r.headers.emplace_back(f.name_string(), f.value());
    Response res;
    router.dispatch(std::move(match), r, res);
    require(res.status >= 100 && res.status <= 599, "every answer has a status in 100..599");
    if (!msg.keep_alive()) return 0;
  }
  return 0;
}
