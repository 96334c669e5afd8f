#include "articles/counts.hpp"

#include <string>
#include <string_view>

#include "text/count.hpp"

namespace toasoan::articles {
namespace {

std::string joined(const std::vector<Run>& runs) {
  std::string out;
  for (const auto& r : runs) out += r.text;
  return out;
}

void add(BodyCounts& c, std::string_view text) {
  c.words += text::count_words(text);
  c.chars += text::count_chars(text);
}

}  // namespace

BodyCounts body_counts(const std::vector<Block>& blocks) {
  BodyCounts c;
  for (const auto& b : blocks) {
    switch (b.type) {
      case Block::Type::paragraph:
      case Block::Type::heading:
      case Block::Type::quote:
        // A block with marks keeps its text in runs too; the two agree, but the runs are what
        // the editor shows.
        add(c, b.runs.empty() ? b.text : joined(b.runs));
        break;
      case Block::Type::list:
        // Item by item: `text` joins them with "\n", which is no character a reader sees.
        for (const auto& item : b.items) add(c, joined(item));
        break;
      case Block::Type::figure:
        add(c, b.caption);
        break;
    }
  }
  return c;
}

}  // namespace toasoan::articles
