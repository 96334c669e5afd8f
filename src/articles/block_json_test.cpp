#include "articles/block_json.hpp"

#include "articles/limits.hpp"

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

TEST(BlocksFromJson, ReadsRunsAndKeepsTheirPlainTextInText) {
  auto r = blocks_from_json(R"([{"type":"paragraph","runs":[{"text":"Theo "},{"text":"Bộ Y tế","bold":true},)"
                            R"({"text":", xem ","italic":false},{"text":"tại đây","link":"https://moh.gov.vn/"}]}])");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Block& b = (*r)[0];
  EXPECT_EQ(b.text, "Theo Bộ Y tế, xem tại đây");
  ASSERT_EQ(b.runs.size(), 4u);
  EXPECT_TRUE(b.runs[1].bold);
  EXPECT_EQ(b.runs[3].link, "https://moh.gov.vn/");
}

TEST(BlocksFromJson, PlainRunsAreJustText) {
  auto r = blocks_from_json(R"([{"type":"heading","runs":[{"text":"Một "},{"text":"hai"}]}])");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].text, "Một hai");
  EXPECT_TRUE((*r)[0].runs.empty());
  EXPECT_EQ(blocks_to_json(*r), R"([{"text":"Một hai","type":"heading"}])");
}

TEST(BlocksFromJson, ReadsListsOfStringsAndOfRuns) {
  auto r = blocks_from_json(R"([{"type":"list","ordered":true,"items":["Một",[{"text":"Hai","bold":true},)"
                            R"({"text":" và ba"}],"  "]}])");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Block& b = (*r)[0];
  EXPECT_EQ(b.type, Block::Type::list);
  EXPECT_TRUE(b.ordered);
  ASSERT_EQ(b.items.size(), 2u);  // the blank item is dropped
  EXPECT_EQ(b.items[0], (std::vector<articles::Run>{{"Một", false, false, ""}}));
  EXPECT_EQ(b.items[1].size(), 2u);
  EXPECT_EQ(b.text, "Một\nHai và ba");
}

TEST(BlocksFromJson, RefusesLinksThatAreNotWebOrMailAddresses) {
  for (const char* link : {"javascript:alert(1)", "data:text/html,x", "vbscript:x", " javascript:x", "/a"}) {
    std::string doc = std::string(R"([{"type":"paragraph","runs":[{"text":"x","link":")") + link + R"("}]}])";
    EXPECT_FALSE(blocks_from_json(doc).ok()) << link;
  }
}

TEST(BlocksFromJson, RefusesListsWithoutItems) {
  for (const char* bad : {R"([{"type":"list"}])", R"([{"type":"list","items":[]}])", R"([{"type":"list","items":[" "]}])",
                          R"([{"type":"list","items":[5]}])", R"([{"type":"list","ordered":"yes","items":["a"]}])"})
    EXPECT_FALSE(blocks_from_json(bad).ok()) << bad;
}

TEST(BlocksToJson, PlainBlocksAreWrittenAsBefore) {
  const std::string stored =
      R"([{"text":"Đoạn.","type":"paragraph"},{"cite":"Ông A","text":"Trích","type":"quote"},)"
      R"({"caption":"C","height":800,"image":"a.jpg","type":"figure","width":1200}])";
  auto r = blocks_from_json(stored);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(blocks_to_json(*r), stored);
}

TEST(BlocksToJson, AFiguresCreditIsKeptAndItsLimitHeld) {
  const std::string stored = R"([{"caption":"C","credit":"Đỗ Hùng","image":"a.jpg","type":"figure"}])";
  auto r = blocks_from_json(stored);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].credit, "Đỗ Hùng");
  EXPECT_EQ(blocks_to_json(*r), stored);
  auto long_credit = blocks_from_json(R"([{"type":"figure","image":"a.jpg","credit":")" + std::string(201, 'x') + R"("}])");
  ASSERT_TRUE(long_credit.ok());
  EXPECT_EQ(limits::block_over_limit((*long_credit)[0], 0), "khối 1: \"credit\" dài quá 200 ký tự");
}

TEST(BlocksToJson, MarksAndListsSurviveTheRoundTrip) {
  auto r = blocks_from_json(R"([{"type":"quote","cite":"Bà B","runs":[{"text":"Rất ","italic":true},)"
                            R"({"text":"quan trọng","bold":true,"italic":true,"link":"mailto:a@b.vn"}]},)"
                            R"({"type":"list","items":["a",[{"text":"b","bold":true}]]}])");
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto back = blocks_from_json(blocks_to_json(*r));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, *r);
  auto stored = blocks_from_stored_json(blocks_to_json(*r));
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(*stored, *r);
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
