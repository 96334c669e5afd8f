// The one place an Error's kind becomes an HTTP status and a machine-readable code, so domain
// code never speaks HTTP and every endpoint answers the same failure the same way.
//
//   kind          status  code
//   invalid       400     "invalid"       (also with Error::field set: see below)
//   unauthorized  401     "unauthorized"
//   forbidden     403     "forbidden"
//   not_found     404     "not_found"
//   conflict      409     "conflict"
//   too_large     413     "too_large"
//   rate_limited  429     "rate_limited"
//   internal      500     "internal"
//   unavailable   503     "unavailable"
//
// An invalid input that names its form field stays 400, not 422: one status per kind keeps
// clients simple, and the field travels in the body, where a form needs it.
//
// Thread-safety: pure functions; json_error logs through the thread-safe process log.
#pragma once

#include <string_view>

#include "base/result.hpp"
#include "http/message.hpp"

namespace toasoan::http {

int status_for(ErrorKind kind);
std::string_view code_for(ErrorKind kind);

// Sets `res` to the JSON answer for an API error:
//   {"error": {"code": "not_found", "message": "...", "field": "title"}}
// ("field" only when Error::field is set). A 5xx is logged with its message, and the client is
// told only that the server failed, since the message may name internals.
void json_error(Response& res, const Error& e);

}  // namespace toasoan::http
