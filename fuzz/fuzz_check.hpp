// Shared checks for the fuzz targets: a violated property aborts with its name,
// which libFuzzer reports as a crash and saves as a reproducer (scripts/fuzz then keeps it under
// fuzz/regressions/<target>/ as a permanent test).
//
// Thread-safety: libFuzzer calls each target from one thread; nothing here keeps state.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "articles/block_json.hpp"
#include "articles/runs.hpp"
#include "text/utf8.hpp"

namespace toasoan::fuzz {

inline void require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "fuzz: property violated: %s\n", property);
  std::abort();
}

// What every string that leaves a parser must be: well-formed UTF-8 already in NFC, so the
// store, the slugs and the search keys all see one spelling of each word.
inline void require_clean_text(std::string_view s, const char* property) {
  require(text::valid_utf8(s), property);
  require(text::nfc(s) == s, property);
}

inline bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Every field, runs and list items included (Block's operator==).
inline bool same_block(const articles::Block& a, const articles::Block& b) { return a == b; }

inline bool same_blocks(const std::vector<articles::Block>& a,
                        const std::vector<articles::Block>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same_block(a[i], b[i])) return false;
  return true;
}

// The properties every parsed block list has, whichever parser made it: the ones a reader
// would notice (no empty paragraph, no figure with neither photo nor caption), clean text, and
// the store's round trip: blocks are saved as blocks_to_json and read back with
// blocks_from_stored_json (store/row_codec.cpp), so that pair must give back exactly what was
// saved, and so must the checking parser.
inline void require_sound_blocks(const std::vector<articles::Block>& blocks) {
  using articles::Block;
  for (const Block& b : blocks) {
    require_clean_text(b.text, "block text is valid UTF-8 in NFC");
    require_clean_text(b.cite, "block cite is valid UTF-8 in NFC");
    require_clean_text(b.image, "block image is valid UTF-8 in NFC");
    require_clean_text(b.caption, "block caption is valid UTF-8 in NFC");
    require_clean_text(b.alt, "block alt is valid UTF-8 in NFC");
    require(b.width >= 0 && b.height >= 0, "figure size is not negative");
    for (const auto& r : b.runs) require_clean_text(r.text, "run text is valid UTF-8 in NFC");
    for (const auto& item : b.items) {
      require(!item.empty(), "a list item has runs");
      for (const auto& r : item) require_clean_text(r.text, "list item text is valid UTF-8 in NFC");
    }
    if (!b.runs.empty()) {
      require(articles::any_marked(b.runs), "runs are kept only when one carries a mark");
      require(articles::runs_text(b.runs) == b.text, "a block's text is its runs' text");
    }
    if (b.type == Block::Type::list) {
      require(!b.items.empty(), "a list has items");
      require(articles::list_text(b.items) == b.text, "a list's text is its items' texts");
    }
    if (b.type == Block::Type::figure) {
      require(!b.image.empty() || !b.caption.empty(), "a figure has an image or a caption");
    } else {
      require(!blank(b.text), "a text block is not blank");
    }
  }
  const std::string saved = articles::blocks_to_json(blocks);
  const auto loaded = articles::blocks_from_json(std::string_view(saved));
  require(loaded.ok(), "blocks_from_json accepts what blocks_to_json wrote");
  require(same_blocks(loaded.value(), blocks), "blocks_from_json(blocks_to_json(b)) == b");
  const auto stored = articles::blocks_from_stored_json(saved);
  require(stored.ok(), "blocks_from_stored_json accepts what blocks_to_json wrote");
  require(same_blocks(stored.value(), blocks), "blocks_from_stored_json(blocks_to_json(b)) == b");
}

// A rejection's message ends up in an import report and in API errors: it must say something
// and be printable.
inline void require_sound_error(const Error& e) {
  require(!e.message.empty(), "an error has a message");
  require(text::valid_utf8(e.message), "an error message is valid UTF-8");
}

}  // namespace toasoan::fuzz
