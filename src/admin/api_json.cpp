#include "admin/api_json.hpp"

#include <charconv>

#include "admin/piece_body.hpp"
#include "http/errors.hpp"
#include "text/controls.hpp"
#include "text/count.hpp"
#include "text/utf8.hpp"

namespace toasoan::admin {
namespace {

std::string_view media_type(std::string_view content_type) {
  auto semi = content_type.find(';');
  auto t = content_type.substr(0, semi);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  return t;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

void error_body(http::Response& res, int status, std::string_view code, std::string_view reason, const json& fields) {
  json body = {{"error", code}, {"reason", reason}};
  if (!fields.empty()) body["fields"] = fields;
  send(res, body, status);
}

}  // namespace

std::optional<json> read_object(const http::Request& req, http::Response& res) {
  if (!iequals(media_type(req.header("Content-Type")), "application/json")) {
    error_body(res, 415, "unsupported_media_type", "Nội dung phải là JSON (Content-Type: application/json)", {});
    return std::nullopt;
  }
  // The parser is told to stop past kMaxDepth before building anything deeper.
  int depth = 0;
  bool too_deep = false;
  json::parser_callback_t guard = [&](int d, json::parse_event_t event, json&) {
    if (event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) {
      depth = d;
      if (d >= kMaxDepth) too_deep = true;
    }
    return !too_deep;
  };
  json value = json::parse(req.body, guard, false);
  if (too_deep) {
    error_body(res, 400, "invalid_json", "JSON lồng quá sâu", {});
    return std::nullopt;
  }
  if (value.is_discarded()) {
    error_body(res, 400, "invalid_json", "Nội dung không phải JSON hợp lệ", {});
    return std::nullopt;
  }
  if (!value.is_object()) {
    error_body(res, 400, "invalid_json", "Nội dung phải là một đối tượng JSON", {});
    return std::nullopt;
  }
  (void)depth;
  return value;
}

bool only_known(const json& body, std::initializer_list<std::string_view> known, http::Response& res,
                std::string_view path) {
  json fields = json::object();
  for (auto it = body.begin(); it != body.end(); ++it) {
    bool ok = false;
    for (auto k : known) ok = ok || it.key() == k;
    if (!ok) {
      fields[std::string(path) + unknown_field_name(it.key())] = "Trường không được hỗ trợ";
    }
  }
  if (fields.empty()) return true;
  error_body(res, 422, "invalid", "Có trường không được hỗ trợ", fields);
  return false;
}

void send(http::Response& res, const json& value, int status) {
  res.status = status;
  res.content_type = "application/json; charset=utf-8";
  res.file.reset();
  res.stream.reset();
  res.shared_body.reset();
  res.body = value.dump(-1, ' ', false, json::error_handler_t::replace);
  res.set_header("Cache-Control", "no-store");
}

void send_error(http::Response& res, const Error& e) {
  if (e.kind == ErrorKind::invalid && !e.field.empty()) {
    json fields = json::object();
    std::string_view names = e.field, messages = e.message;
    std::string first;
    while (!names.empty()) {
      auto c = names.find(',');
      auto n = messages.find('\n');
      std::string name(names.substr(0, c));
      std::string msg(messages.substr(0, n));
      if (first.empty()) first = msg;
      fields[name] = msg;
      names = c == std::string_view::npos ? std::string_view() : names.substr(c + 1);
      messages = n == std::string_view::npos ? std::string_view() : messages.substr(n + 1);
    }
    error_body(res, 422, "invalid", first, fields);
    return;
  }
  // The status and the logging of 5xx are the server's one table's.
  http::Response probe;
  http::json_error(probe, e);
  std::string reason = e.message;
  if (probe.status >= 500)
    reason = probe.status == 503 ? "Dịch vụ tạm thời gián đoạn, xin thử lại sau." : "Máy chủ gặp lỗi, xin thử lại sau.";
  error_body(res, probe.status, http::code_for(e.kind), reason, {});
}

void send_field_error(http::Response& res, std::string_view field, std::string_view message) {
  error_body(res, 422, "invalid", message, json{{std::string(field), std::string(message)}});
}

bool get_string(const json& o, std::string_view key, std::optional<std::string>& out, http::Response& res,
                std::size_t max_chars) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_string()) {
    send_field_error(res, key, "Phải là chuỗi");
    return false;
  }
  const auto& s = it->get_ref<const std::string&>();
  if (!text::valid_utf8(s) || s.find('\0') != std::string::npos) {
    send_field_error(res, key, "Không phải văn bản UTF-8 hợp lệ");
    return false;
  }
  std::string v = text::nfc(text::strip_controls(s));
  if (text::count_chars(v) > max_chars) {
    send_field_error(res, key, "Dài quá " + std::to_string(max_chars) + " ký tự");
    return false;
  }
  out = std::move(v);
  return true;
}

bool get_int(const json& o, std::string_view key, std::optional<std::int64_t>& out, http::Response& res) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_number_integer() && !it->is_number_unsigned()) {
    send_field_error(res, key, "Phải là số nguyên");
    return false;
  }
  if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    send_field_error(res, key, "Số quá lớn");
    return false;
  }
  out = it->get<std::int64_t>();
  return true;
}

bool get_bool(const json& o, std::string_view key, std::optional<bool>& out, http::Response& res) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_boolean()) {
    send_field_error(res, key, "Phải là true hoặc false");
    return false;
  }
  out = it->get<bool>();
  return true;
}

std::optional<std::int64_t> id_param(const http::Request& req, std::string_view name, http::Response& res) {
  auto s = req.param(name);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) {
    send(res, json{{"error", "not_found"}, {"reason", "Không có mục này"}}, 404);
    return std::nullopt;
  }
  return v;
}

}  // namespace toasoan::admin
