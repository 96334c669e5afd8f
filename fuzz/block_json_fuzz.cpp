// libFuzzer target for articles::blocks_from_json: any bytes, as an import file's "blocks"
// value, a database column or an API client could carry them. Accepted blocks must be sound
// and survive the store's round trip (fuzz_check.hpp); rejected ones must say why.
//
// Thread-safety: libFuzzer calls this from one thread.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "articles/block_json.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace toasoan;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto blocks = articles::blocks_from_json(in);
  if (!blocks.ok()) {
    fuzz::require_sound_error(blocks.error());
    return 0;
  }
  fuzz::require_sound_blocks(blocks.value());
  return 0;
}
