// Reading a multipart/form-data body (RFC 7578), the way browsers send a file: the photo
// upload's only format. The parts are views into the body, so a 20 MB photo is never copied
// while it is found.
//
// What is accepted: CRLF line ends (as every browser sends them; a bare LF is tolerated after
// the boundary lines too), a preamble before the first boundary and an epilogue after the last,
// each part's headers up to 8 KB, Content-Disposition "form-data" with a quoted or plain `name`
// and an optional `filename` (taken as sent between its quotes: browsers send it in UTF-8 and
// write a quote in it as %22), and an optional Content-Type. Anything else is refused with a clear reason:
// no boundary, a part without a name, a body cut off before its closing boundary, more parts
// than allowed.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace toasoan::http {

struct FormPart {
  std::string_view name;          // the form field: "file", "caption"
  std::string_view filename;      // "" when the part is not a file
  bool has_filename = false;      // a file field sent without a file has filename=""
  std::string_view content_type;  // as sent, "" when absent
  std::string_view data;
};

// The boundary a Content-Type names ("multipart/form-data; boundary=----x"), nullopt when the
// type is another, or the boundary is missing, empty, longer than 70 characters (RFC 2046) or
// unquoted with characters a token cannot hold.
std::optional<std::string_view> multipart_boundary(std::string_view content_type);

// The parts of `body`, in order. ErrorKind::invalid with a Vietnamese reason for a malformed
// body; more than `max_parts` parts is invalid too (a form of a few fields never needs more).
Result<std::vector<FormPart>> parse_multipart(std::string_view body, std::string_view boundary,
                                              std::size_t max_parts = 16);

// The first part named `name`, or nullptr.
const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name);

}  // namespace toasoan::http
