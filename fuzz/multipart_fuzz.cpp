// libFuzzer target for an upload's body (src/http/multipart.hpp): the first line of the input is
// a Content-Type, the rest the body, as a hostile client could send them. Checked: every part
// the parser gives is a view inside the body, in order and without overlap, each with a
// non-empty name; a refusal says why in the form's words.
//
// Thread-safety: libFuzzer calls this from one thread.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "http/multipart.hpp"

namespace {

using toasoan::fuzz::require;

// An empty view points nowhere in particular (a part without a filename).
bool inside(std::string_view part, std::string_view whole) {
  if (part.empty()) return true;
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t eol = input.find('\n');
  std::string_view type = input.substr(0, eol);
  std::string_view body = eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);
  auto boundary = toasoan::http::multipart_boundary(type);
  if (!boundary) return 0;
  require(!boundary->empty() && boundary->size() <= 70, "a boundary is 1..70 characters");
  auto parts = toasoan::http::parse_multipart(body, *boundary, 8);
  if (!parts.ok()) {
    require(parts.error().message.rfind("Biểu mẫu gửi lên bị hỏng", 0) == 0, "a refusal says the form is broken");
    return 0;
  }
  require(parts->size() <= 8, "no more parts than allowed");
  const char* last_end = body.data();
  for (const auto& p : *parts) {
    require(!p.name.empty(), "every part has a name");
    require(inside(p.data, body) && inside(p.name, body) && inside(p.filename, body), "parts are views of the body");
    if (p.data.empty()) continue;
    require(p.data.data() >= last_end, "parts are in order and do not overlap");
    last_end = p.data.data() + p.data.size();
  }
  return 0;
}
