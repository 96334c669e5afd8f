// The admin API's JSON in and out: reading a request's body (its content type, its size, its
// nesting, broken JSON), refusing fields a call does not know, and the error answer every admin
// call gives:
//
//   {"error": "invalid", "reason": "Bài chưa có tiêu đề", "fields": {"title": "Bài chưa có tiêu đề"}}
//
// Status: broken JSON 400; a wrong content type 415; fields that break a rule 422 (each field
// named by its JSON path, "blocks[2].runs[0].link"); the rest as http/errors.hpp maps kinds.
//
// Thread-safety: pure functions.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.hpp"
#include "http/message.hpp"

namespace toasoan::admin {

using nlohmann::json;

// How deep a body may nest: the article schema needs 5 (body, blocks, block, runs, run); the
// rest is headroom, and nothing deeper is even parsed.
inline constexpr int kMaxDepth = 16;

// The request's body as a JSON object. Answers the error itself (415, 400) and returns nullopt.
std::optional<json> read_object(const http::Request& req, http::Response& res);

// Answers 422 naming each key of `body` not in `known`; false when it did.
bool only_known(const json& body, std::initializer_list<std::string_view> known, http::Response& res,
                std::string_view path = "");

// Sends `value` as the answer (no-store: nothing of the newsroom is cached anywhere).
void send(http::Response& res, const json& value, int status = 200);

// Sends an Error as the admin API answers it. An invalid error with Error::field becomes 422
// with "fields"; several fields travel comma-separated in `field` with one message per line
// (editorial/office.hpp).
void send_error(http::Response& res, const Error& e);
// 422 with one field.
void send_field_error(http::Response& res, std::string_view field, std::string_view message);

// Typed reads of an optional member; each answers 422 for a wrong type and returns false.
bool get_string(const json& o, std::string_view key, std::optional<std::string>& out, http::Response& res,
                std::size_t max_chars = 100000);
bool get_int(const json& o, std::string_view key, std::optional<std::int64_t>& out, http::Response& res);
bool get_bool(const json& o, std::string_view key, std::optional<bool>& out, http::Response& res);

// The path's numeric capture {name}; answers 404 when it is not a positive number.
std::optional<std::int64_t> id_param(const http::Request& req, std::string_view name, http::Response& res);

}  // namespace toasoan::admin
