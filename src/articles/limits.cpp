#include "articles/limits.hpp"

#include "text/count.hpp"

namespace toasoan::articles::limits {

bool within_chars(std::string_view s, std::size_t limit) {
  return s.size() <= limit || text::count_chars(s) <= limit;
}

std::string too_long(std::string_view field, std::size_t limit, bool bytes) {
  return "\"" + std::string(field) + "\" dài quá " + std::to_string(limit) + (bytes ? " byte" : " ký tự");
}

std::optional<OverLimit> field_over_limit(const Block& b) {
  if (!within_chars(b.text, kBlockTextChars)) return OverLimit{"text", kBlockTextChars};
  if (!within_chars(b.cite, kFigureTextChars)) return OverLimit{"cite", kFigureTextChars};
  if (!within_chars(b.caption, kFigureTextChars)) return OverLimit{"caption", kFigureTextChars};
  if (!within_chars(b.credit, kCreditChars)) return OverLimit{"credit", kCreditChars};
  if (!within_chars(b.alt, kFigureTextChars)) return OverLimit{"alt", kFigureTextChars};
  if (b.image.size() > kImagePathBytes) return OverLimit{"image", kImagePathBytes, true};
  return std::nullopt;
}

std::optional<std::string> block_over_limit(const Block& b, std::size_t index) {
  auto over = field_over_limit(b);
  if (!over) return std::nullopt;
  return "khối " + std::to_string(index + 1) + ": " + too_long(over->field, over->limit, over->bytes);
}

}  // namespace toasoan::articles::limits
