// libFuzzer target for a reader's comment (src/comments/rules.hpp): the bytes are split at NUL
// into name, email, content, honeypot and one disallowed word, as a hostile browser could send
// them, and what the rules let through is checked against what the page and the store rely on:
// valid NFC UTF-8 without control characters but newlines, 5–500 characters of content and 2–50
// of name, a lower-case email, the same verdict for the same comment in another Unicode form.
//
// Thread-safety: libFuzzer calls this from one thread.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "comments/rules.hpp"
#include "fuzz_check.hpp"
#include "text/count.hpp"

namespace {

using toasoan::fuzz::require;

std::vector<std::string> split(std::string_view bytes) {
  std::vector<std::string> parts;
  for (int i = 0; i < 4; ++i) {
    auto nul = bytes.find('\0');
    parts.emplace_back(bytes.substr(0, nul));
    bytes = nul == std::string_view::npos ? std::string_view() : bytes.substr(nul + 1);
  }
  parts.emplace_back(bytes);
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace toasoan;
  auto parts = split(std::string_view(reinterpret_cast<const char*>(data), size));
  comments::Draft d{.name = parts[0], .email = parts[1], .content = parts[2], .website = parts[3]};
  const comments::DisallowedWords words({parts[4]});
  auto r = comments::check(d, words);
  (void)comments::count_links(parts[2]);
  if (!r) {
    require(r.error().kind == ErrorKind::invalid, "a refusal is an invalid input");
    require(!r.error().field.empty() && !r.error().message.empty(), "a refusal names its field and says why");
    return 0;
  }
  toasoan::fuzz::require_clean_text(r->content, "content is NFC UTF-8");
  toasoan::fuzz::require_clean_text(r->name, "name is NFC UTF-8");
  const auto chars = text::count_chars(r->content);
  require(chars >= 5 && chars <= 500, "content is 5..500 characters");
  const auto name_chars = text::count_chars(r->name);
  require(name_chars >= 2 && name_chars <= 50, "name is 2..50 characters");
  require(r->name.find('\n') == std::string::npos, "a name is one line");
  for (char c : r->email) require(!(c >= 'A' && c <= 'Z'), "an email is kept in lower case");
  for (unsigned char c : r->content) require(c >= 0x20 || c == '\n' || c == '\t', "no control characters");
  // Checking what was let through again changes nothing: the rules are a fixed point.
  auto again = comments::check({.name = r->name, .email = r->email, .content = r->content, .website = ""}, words);
  require(again && again->content == r->content && again->name == r->name && again->flags == r->flags,
          "a checked comment checks the same again");
  return 0;
}
