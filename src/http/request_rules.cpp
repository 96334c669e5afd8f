#include "http/request_rules.hpp"

namespace toasoan::http {

std::size_t first_line_length(std::string_view buffered) {
  auto end = buffered.find_first_of("\r\n");
  return end == std::string_view::npos ? buffered.size() : end;
}

HeadVerdict judge_head(const RequestHead& h, const Limits& lim, const RouteOptions& route) {
  HeadVerdict v;
  if (h.fields > lim.header_fields) v.refuse = 431;
  else if (h.target.size() > lim.target_bytes) v.refuse = 414;
  // RFC 9112 3.2: exactly one Host in HTTP/1.1.
  else if (h.version >= 11 && h.hosts != 1) v.refuse = 400;
  // Absolute- and authority-form are for proxies; "*" is for OPTIONS, which no route answers.
  else if (h.target.empty() || h.target.front() != '/') v.refuse = 400;
  else if (h.content_length && *h.content_length > route.body_limit) v.refuse = 413;
  // RFC 9110 10.1.1: 100-continue is the only expectation defined; any other cannot be met.
  else if (h.expects > 0 && !h.expects_only_continue) v.refuse = 417;
  // An HTTP/1.0 client never waits for 100 (RFC 9110 10.1.1), and with no body there is
  // nothing to wait for: the final answer comes at once.
  else v.send_continue = h.expects > 0 && h.version >= 11 && h.body_follows;
  return v;
}

int refusal_for_head(HeadFailure failure, std::string_view target, std::string_view buffered, const Limits& lim) {
  if (failure == HeadFailure::malformed) return 400;
  std::size_t line = target.empty() ? first_line_length(buffered) : target.size();
  return line > lim.target_bytes ? 414 : 431;
}

}  // namespace toasoan::http
