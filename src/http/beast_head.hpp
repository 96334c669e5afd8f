// The bridge from Beast's request parser to request_rules.hpp: the RequestHead of a parsed
// header, and what a read error means. Included only by server.cpp and by the HTTP
// fuzz target, the two places that parse requests with Beast: every other file stays free of
// it (it is heavy to compile).
//
// Thread-safety: pure functions.
#pragma once

// RequestHead holds std::string_view: Beast must hand out the same type.
#ifndef BOOST_BEAST_USE_STD_STRING_VIEW
#error "define BOOST_BEAST_USE_STD_STRING_VIEW where beast_head.hpp is included"
#endif

#include <boost/beast/http.hpp>

#include <string_view>

#include "http/request_rules.hpp"

namespace toasoan::http {

template <class Parser>
RequestHead head_of(const Parser& parser, const Limits& lim) {
  namespace bhttp = boost::beast::http;
  const auto& hdr = parser.get();
  RequestHead h;
  h.version = hdr.version();
  h.target = hdr.target();
  for (const auto& f : hdr) {
    if (++h.fields > lim.header_fields) break;
    if (f.name() == bhttp::field::host) ++h.hosts;
    if (f.name() == bhttp::field::expect) {
      ++h.expects;
      std::string_view v = f.value();
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
      if (!boost::beast::iequals(v, "100-continue")) h.expects_only_continue = false;
    }
  }
  if (auto n = parser.content_length()) h.content_length = *n;
  h.body_follows = !parser.is_done();
  return h;
}

// REQUIRES: `ec` came from reading a request's line and header.
inline HeadFailure head_failure(const boost::beast::error_code& ec) {
  namespace bhttp = boost::beast::http;
  return ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow ? HeadFailure::too_large
                                                                                : HeadFailure::malformed;
}

// The status for a body that could not be read: too large for the route, or malformed (a bad
// chunk size, say).
inline int status_for_body_error(const boost::beast::error_code& ec) {
  return ec == boost::beast::http::error::body_limit ? 413 : 400;
}

}  // namespace toasoan::http
