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
#include "articles/limits.hpp"
#include "text/count.hpp"
#include "fuzz_check.hpp"

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
  namespace limits = articles::limits;
  require(a.external_id.size() <= limits::kIdBytes, "id is within its limit");
  require_clean_text(a.external_id, "id is valid UTF-8 in NFC");
  require(!a.title.empty(), "title is not empty");
  require_clean_text(a.title, "title is valid UTF-8 in NFC");
  require(text::count_chars(a.title) <= limits::kTitleChars, "title is within its limit");
  if (a.lead) {
    require_clean_text(*a.lead, "lead is valid UTF-8 in NFC");
    require(text::count_chars(*a.lead) <= limits::kLeadChars, "lead is within its limit");
  }
  if (a.category_name) {
    require(!a.category_name->empty(), "a given category is not empty");
    require(text::count_chars(*a.category_name) <= limits::kCategoryChars, "category is within its limit");
    require_clean_text(*a.category_name, "category is valid UTF-8 in NFC");
  }
  if (a.authors) {
    require(a.authors->size() <= limits::kAuthors, "no more authors than the limit");
    for (const std::string& author : *a.authors) {
      require(!author.empty(), "no empty author");
      require(text::count_chars(author) <= limits::kAuthorChars, "author is within its limit");
      require_clean_text(author, "author is valid UTF-8 in NFC");
    }
  }
  if (a.published)
    require(*a.published >= limits::kEarliestPublished, "no date before the archive begins");
  if (a.blocks) {
    fuzz::require_sound_blocks(*a.blocks);
    for (std::size_t i = 0; i < a.blocks->size(); ++i)
      require(!limits::block_over_limit((*a.blocks)[i], i), "every block is within its limits");
  }
  return 0;
}
