#include "articles/block_json.hpp"

#include <gtest/gtest.h>

namespace toasoan::articles {
namespace {

TEST(BlocksFromJson, ReadsEveryBlockTypeInOrder) {
  auto r = blocks_from_json(R"([
    {"type":"paragraph","text":"Đoạn một."},
    {"type":"heading","text":"Tiêu đề phụ"},
    {"type":"quote","text":"Lời trích","cite":"Ông A"},
    {"type":"figure","caption":"Chú thích","image":"a/b.jpg","width":1200,"height":800,"alt":"Ảnh"}
  ])");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].type, Block::Type::paragraph);
  EXPECT_EQ((*r)[0].text, "Đoạn một.");
  EXPECT_EQ((*r)[1].type, Block::Type::heading);
  EXPECT_EQ((*r)[2].cite, "Ông A");
  EXPECT_EQ((*r)[3].type, Block::Type::figure);
  EXPECT_EQ((*r)[3].image, "a/b.jpg");
  EXPECT_EQ((*r)[3].width, 1200);
  EXPECT_EQ((*r)[3].height, 800);
}

TEST(BlocksFromJson, FigureWithOnlyACaptionIsKept) {
  auto r = blocks_from_json(R"([{"type":"figure","caption":"Các đại biểu dự Hội nghị."}])");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].caption, "Các đại biểu dự Hội nghị.");
  EXPECT_TRUE((*r)[0].image.empty());
}

TEST(BlocksFromJson, NormalisesDecomposedTextToNfc) {
  // "Nghị" written with a combining dot below.
  auto r = blocks_from_json("[{\"type\":\"paragraph\",\"text\":\"Nghi\xCC\xA3\"}]");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].text, "Nghị");
}

TEST(BlocksFromJson, TakesControlCharactersOutOfEveryField) {
  auto r = blocks_from_json(
      R"([{"type":"figure","image":"a\u0001.jpg","caption":"Ảnh\uFFFF\u000b","alt":"A\u001f"},)"
      R"({"type":"quote","text":"Trích\r\ndẫn\t!","cite":"Ông\u0001 A"}])");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].image, "a.jpg");
  EXPECT_EQ((*r)[0].caption, "Ảnh");
  EXPECT_EQ((*r)[0].alt, "A");
  EXPECT_EQ((*r)[1].text, "Trích\ndẫn\t!");
  EXPECT_EQ((*r)[1].cite, "Ông A");
}

TEST(BlocksFromJson, RejectsWhatAReaderCouldNotSee) {
  for (const char* bad : {
           R"({"type":"paragraph"})",                       // not an array
           R"([{"type":"video","text":"x"}])",              // unknown type
           R"([{"type":"paragraph"}])",                     // no text
           R"([{"type":"paragraph","text":"   "}])",        // blank text
           R"([{"type":"paragraph","text":5}])",            // text not a string
           R"([{"type":"figure"}])",                        // neither image nor caption
           R"([{"type":"figure","caption":"x","width":-1}])",
           R"([1])",
           R"([{"type":"paragraph","text":"x"})",           // broken JSON
       }) {
    EXPECT_FALSE(blocks_from_json(bad).ok()) << bad;
  }
}

TEST(BlocksFromJson, RoundTripsThroughBlocksToJson) {
  std::vector<Block> blocks(3);
  blocks[0].text = "Có \"ngoặc\" và <thẻ> & ký tự";
  blocks[1].type = Block::Type::quote;
  blocks[1].text = "Trích";
  blocks[1].cite = "Bà B";
  blocks[2].type = Block::Type::figure;
  blocks[2].caption = "Chú thích";
  blocks[2].image = "sample/photo-1.svg";
  blocks[2].width = 1200;
  blocks[2].height = 800;
  auto back = blocks_from_json(blocks_to_json(blocks));
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 3u);
  EXPECT_EQ((*back)[0].text, blocks[0].text);
  EXPECT_EQ((*back)[1].cite, "Bà B");
  EXPECT_EQ((*back)[2].image, "sample/photo-1.svg");
  EXPECT_EQ((*back)[2].height, 800);
}

TEST(ParagraphsFromText, SplitsAtBlankLinesAndDropsEmptyOnes) {
  auto p = paragraphs_from_text("Một.\n\n  Hai. \n\n\n\nBa.");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].text, "Một.");
  EXPECT_EQ(p[1].text, "Hai.");
  EXPECT_EQ(p[2].text, "Ba.");
  EXPECT_TRUE(paragraphs_from_text("").empty());
}

TEST(Byline, JoinsAuthorsWithASpacedDash) {
  EXPECT_EQ(byline({"Huy Thành", "Mạnh Hùng"}), "Huy Thành - Mạnh Hùng");
  EXPECT_EQ(byline({}), "");
}

}  // namespace
}  // namespace toasoan::articles
