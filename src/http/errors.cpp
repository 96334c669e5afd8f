#include "http/errors.hpp"

#include <string>

#include "base/json_string.hpp"
#include "base/log.hpp"

namespace toasoan::http {

int status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid: return 400;
    case ErrorKind::unauthorized: return 401;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::too_large: return 413;
    case ErrorKind::unprocessable: return 422;
    case ErrorKind::rate_limited: return 429;
    case ErrorKind::unavailable: return 503;
    case ErrorKind::internal: return 500;
  }
  return 500;
}

std::string_view code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid: return "invalid";
    case ErrorKind::unauthorized: return "unauthorized";
    case ErrorKind::forbidden: return "forbidden";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::too_large: return "too_large";
    case ErrorKind::unprocessable: return "unprocessable";
    case ErrorKind::rate_limited: return "rate_limited";
    case ErrorKind::unavailable: return "unavailable";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

void json_error(Response& res, const Error& e) {
  int status = status_for(e.kind);
  std::string_view message = e.message;
  if (status >= 500) {
    log::error(std::string(code_for(e.kind)) + ": " + e.message);
    // The readers' language, as on every page; the cause stays in the log.
    message = status == 503 ? "Dịch vụ tạm thời gián đoạn, xin thử lại sau." : "Máy chủ gặp lỗi, xin thử lại sau.";
  }
  res.status = status;
  res.content_type = "application/json";
  res.file.reset();
  res.stream.reset();
  res.shared_body.reset();
  std::string body = "{\"error\": {\"code\": ";
  append_json_string(body, code_for(e.kind));
  body += ", \"message\": ";
  append_json_string(body, message);
  if (!e.field.empty()) {
    body += ", \"field\": ";
    append_json_string(body, e.field);
  }
  body += "}}";
  res.body = std::move(body);
  if (status == 503) res.set_header("Retry-After", "1");
}

}  // namespace toasoan::http
