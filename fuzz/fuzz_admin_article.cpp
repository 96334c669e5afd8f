// libFuzzer target for admin::saving_from_json: any bytes, parsed as JSON the way the newsroom
// API parses a request body (no exceptions), then read as the body of a create and of a save.
// An accepted body must be sound — every text valid UTF-8 and within its limit, every author
// non-empty, co-authors positive, the blocks surviving the store's round trip — and a refusal
// must say why and name the field (or path) it is about.
//
// Thread-safety: libFuzzer calls this from one thread.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "admin/piece_body.hpp"
#include "articles/limits.hpp"
#include "fuzz_check.hpp"
#include "text/count.hpp"
#include "text/utf8.hpp"

namespace {

using namespace toasoan;

void check_text(const std::string& s, std::size_t limit) {
  fuzz::require(text::valid_utf8(s), "accepted text is valid UTF-8");
  fuzz::require(text::nfc(s) == s, "accepted text is NFC");
  fuzz::require(text::count_chars(s) <= limit, "accepted text is within its limit");
}

void check(const nlohmann::json& doc, bool for_update) {
  const auto saving = admin::saving_from_json(doc, for_update);
  if (!saving.ok()) {
    fuzz::require_sound_error(saving.error());
    fuzz::require(saving.error().kind == ErrorKind::invalid, "a bad body is invalid input");
    fuzz::require(!saving.error().field.empty() || !doc.is_object(), "a refusal names its field");
    return;
  }
  const auto& c = saving.value().content;
  check_text(c.title, articles::limits::kTitleChars);
  check_text(c.lead, articles::limits::kLeadChars);
  check_text(c.category, articles::limits::kCategoryChars);
  fuzz::require(c.authors.size() <= articles::limits::kAuthors, "at most kAuthors authors");
  for (const auto& a : c.authors) {
    fuzz::require(!a.empty(), "no empty author");
    check_text(a, articles::limits::kAuthorChars);
  }
  if (saving.value().coauthors)
    for (auto id : *saving.value().coauthors) fuzz::require(id > 0, "co-authors are user ids");
  fuzz::require(saving.value().based_on >= 0, "a based-on revision is never negative");
  fuzz::require_sound_blocks(c.blocks);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto doc = nlohmann::json::parse(in.begin(), in.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return 0;
  check(doc, false);
  check(doc, true);
  return 0;
}
