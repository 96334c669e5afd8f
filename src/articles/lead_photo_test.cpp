#include "articles/lead_photo.hpp"

#include <gtest/gtest.h>

namespace toasoan::articles {
namespace {

Block paragraph(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}

Block figure(std::string image, std::string caption) {
  Block b;
  b.type = Block::Type::figure;
  b.image = std::move(image);
  b.caption = std::move(caption);
  return b;
}

TEST(LeadPhoto, IsTheFirstFigureThatHasAnImage) {
  std::vector<Block> blocks{paragraph("Đoạn mở đầu."), figure("", "Chỉ có chú thích"), figure("2022/12/a.jpg", "Ảnh A"),
                            figure("2022/12/b.jpg", "Ảnh B")};
  const Block* photo = lead_photo(blocks);
  ASSERT_NE(photo, nullptr);
  EXPECT_EQ(photo->image, "2022/12/a.jpg");
  EXPECT_EQ(photo, &blocks[2]);
}

TEST(LeadPhoto, IsNullForAnArticleWithoutAPhoto) {
  EXPECT_EQ(lead_photo({}), nullptr);
  EXPECT_EQ(lead_photo({paragraph("Chữ."), figure("", "Chú thích")}), nullptr);
}

}  // namespace
}  // namespace toasoan::articles
