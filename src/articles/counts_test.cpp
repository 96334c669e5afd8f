#include "articles/counts.hpp"

#include <gtest/gtest.h>

namespace toasoan::articles {
namespace {

Block paragraph(std::vector<Run> runs) {
  Block b;
  b.type = Block::Type::paragraph;
  for (const auto& r : runs) b.text += r.text;
  b.runs = std::move(runs);
  return b;
}

Block text_block(Block::Type type, std::string text) {
  Block b;
  b.type = type;
  b.text = std::move(text);
  return b;
}

TEST(BodyCounts, CountsWhatAReaderReadsInTheBody) {
  std::vector<Block> body;
  body.push_back(paragraph({{"Hà Nội ", true, false, ""}, {"– 2026", false, false, ""}}));  // 3 words, 13 chars
  body.push_back(text_block(Block::Type::heading, "Tin mới"));                               // 2, 7
  Block quote = text_block(Block::Type::quote, "Đúng vậy");                                  // 2, 8
  quote.cite = "Ông Nguyễn Văn A";  // not counted
  body.push_back(quote);
  Block list;
  list.type = Block::Type::list;
  list.items = {{{"một", false, false, ""}}, {{"hai ", true, false, ""}, {"ba", false, false, ""}}};  // 1, 3 + 2, 6
  list.text = "một\nhai ba";
  body.push_back(list);
  Block figure;
  figure.type = Block::Type::figure;
  figure.image = "2026/01/anh.jpg";
  figure.caption = "Ảnh minh họa";  // 3, 12
  figure.alt = "Một bức ảnh";       // not counted
  body.push_back(figure);

  EXPECT_EQ(body_counts(body), (BodyCounts{.words = 13, .chars = 49}));
}

TEST(BodyCounts, DecomposedMarksCountAsComposed) {
  // "Nội" as N o + dot below + circumflex i, "Hà" as H a + grave: five code points more before NFC.
  const std::vector<Block> decomposed{text_block(Block::Type::paragraph, "Ha\u0300 No\u0323\u0302i – 2026")};
  EXPECT_EQ(body_counts(decomposed), (BodyCounts{.words = 3, .chars = 13}));
}

TEST(BodyCounts, AnEmptyBodyOrAFigureWithoutCaptionIsNothing) {
  EXPECT_EQ(body_counts({}), (BodyCounts{}));
  Block figure;
  figure.type = Block::Type::figure;
  figure.image = "2026/01/anh.jpg";
  figure.alt = "Một bức ảnh";
  EXPECT_EQ(body_counts({figure}), (BodyCounts{}));
}

}  // namespace
}  // namespace toasoan::articles
