// libFuzzer target for articles::parse_import_line: any bytes as one line of an import file
// (`toasoan import FILE.jsonl` reads whatever it is given). An accepted line must give an
// article the rest of the tree can trust, with the properties import_line.hpp promises; a
// rejected one must say why.
//
// Thread-safety: libFuzzer calls this from one thread.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "articles/import_line.hpp"
#include "fuzz_check.hpp"

namespace {

// import_line.hpp: "an id over 200 bytes" is rejected.
constexpr std::size_t kMaxIdBytes = 200;
constexpr std::size_t kMaxCategoryBytes = 200;  // likewise "a category name over 200 bytes"

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace toasoan;
  using fuzz::require;
  using fuzz::require_clean_text;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto parsed = articles::parse_import_line(in);
  if (!parsed.ok()) {
    fuzz::require_sound_error(parsed.error());
    return 0;
  }
  const articles::Incoming& a = parsed.value();
  require(!a.external_id.empty(), "id is not empty");
  require(a.external_id.size() <= kMaxIdBytes, "id is at most 200 bytes");
  require_clean_text(a.external_id, "id is valid UTF-8 in NFC");
  require(!a.title.empty(), "title is not empty");
  require_clean_text(a.title, "title is valid UTF-8 in NFC");
  require_clean_text(a.lead, "lead is valid UTF-8 in NFC");
  require(!a.category_name.empty(), "category is not empty");
  require(a.category_name.size() <= kMaxCategoryBytes, "category is at most 200 bytes");
  require_clean_text(a.category_name, "category is valid UTF-8 in NFC");
  for (const std::string& author : a.authors) {
    require(!author.empty(), "no empty author");
    require_clean_text(author, "author is valid UTF-8 in NFC");
  }
  fuzz::require_sound_blocks(a.blocks);
  return 0;
}
