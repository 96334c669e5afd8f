#include "articles/limits.hpp"

#include "text/count.hpp"

namespace toasoan::articles::limits {

bool within_chars(std::string_view s, std::size_t limit) {
  return s.size() <= limit || text::count_chars(s) <= limit;
}

std::string too_long(std::string_view field, std::size_t limit, bool bytes) {
  return "\"" + std::string(field) + "\" dài quá " + std::to_string(limit) + (bytes ? " byte" : " ký tự");
}

std::optional<std::string> block_over_limit(const Block& b, std::size_t index) {
  auto where = [&](std::string_view field, std::size_t limit, bool bytes = false) {
    return "khối " + std::to_string(index + 1) + ": " + too_long(field, limit, bytes);
  };
  if (!within_chars(b.text, kBlockTextChars)) return where("text", kBlockTextChars);
  if (!within_chars(b.cite, kFigureTextChars)) return where("cite", kFigureTextChars);
  if (!within_chars(b.caption, kFigureTextChars)) return where("caption", kFigureTextChars);
  if (!within_chars(b.alt, kFigureTextChars)) return where("alt", kFigureTextChars);
  if (b.image.size() > kImagePathBytes) return where("image", kImagePathBytes, true);
  return std::nullopt;
}

}  // namespace toasoan::articles::limits
