#include "articles/lead_photo.hpp"

namespace toasoan::articles {

const Block* lead_photo(const std::vector<Block>& blocks) {
  for (const auto& b : blocks)
    if (b.type == Block::Type::figure && !b.image.empty()) return &b;
  return nullptr;
}

}  // namespace toasoan::articles
