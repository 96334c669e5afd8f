// libFuzzer target for articles::blocks_from_editor_json: any bytes, parsed as JSON the way the
// newsroom API parses a request body (no exceptions), then checked as the editor's article
// body. Accepted blocks must be sound and survive the store's round trip (fuzz_check.hpp),
// every link they carry must be one allowed_link() accepts, and what blocks_to_json writes must
// come back through blocks_from_editor_json unchanged, since the editor loads a stored body and
// sends it back. A refusal must say why and where.
//
// Thread-safety: libFuzzer calls this from one thread.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "articles/editor_json.hpp"
#include "articles/runs.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace toasoan;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto doc = nlohmann::json::parse(in.begin(), in.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return 0;
  const auto blocks = articles::blocks_from_editor_json(doc);
  if (!blocks.ok()) {
    fuzz::require_sound_error(blocks.error());
    fuzz::require(!blocks.error().field.empty(), "an editor error names the path of the value");
    fuzz::require(blocks.error().field.starts_with("blocks"), "an editor error's path starts at \"blocks\"");
    return 0;
  }
  fuzz::require_sound_blocks(blocks.value());
  for (const auto& b : blocks.value()) {
    for (const auto& r : b.runs)
      fuzz::require(r.link.empty() || articles::allowed_link(r.link), "every link is an allowed one");
    for (const auto& item : b.items)
      for (const auto& r : item)
        fuzz::require(r.link.empty() || articles::allowed_link(r.link), "every link is an allowed one");
  }
  const auto stored = nlohmann::json::parse(articles::blocks_to_json(blocks.value()), nullptr, false);
  fuzz::require(!stored.is_discarded(), "blocks_to_json writes JSON");
  const auto again = articles::blocks_from_editor_json(stored);
  fuzz::require(again.ok(), "blocks_from_editor_json accepts what blocks_to_json wrote");
  fuzz::require(again.value() == blocks.value(), "blocks_from_editor_json(blocks_to_json(b)) == b");
  return 0;
}
