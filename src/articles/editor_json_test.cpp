#include "articles/editor_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "articles/block_json.hpp"
#include "articles/limits.hpp"

namespace toasoan::articles {
namespace {

using nlohmann::json;

Result<std::vector<Block>> parse(std::string_view text) {
  return blocks_from_editor_json(json::parse(text));
}

// The path an editor's body is refused at ("" when it is accepted).
std::string refused_at(std::string_view text) {
  auto r = parse(text);
  if (r.ok()) return "";
  EXPECT_EQ(r.error().kind, ErrorKind::invalid);
  EXPECT_FALSE(r.error().message.empty());
  return r.error().field;
}

TEST(EditorBlocks, EachRefusalNamesThePathOfTheOffendingValue) {
  const std::pair<const char*, const char*> cases[] = {
      {R"j({"type":"paragraph","text":"x"})j", "blocks"},
      {R"j([{"type":"paragraph","text":"a"},{"text":"b"}])j", "blocks[1].type"},
      {R"j([{"type":5,"text":"b"}])j", "blocks[0].type"},
      {R"j([{"type":"video","text":"b"}])j", "blocks[0].type"},
      {R"j([1])j", "blocks[0]"},
      {R"j([{"type":"paragraph","text":"a","style":"red"}])j", "blocks[0].style"},
      {R"j([{"type":"heading","text":"a","cite":"b"}])j", "blocks[0].cite"},
      {R"j([{"type":"figure","image":"a.jpg","src":"b.jpg"}])j", "blocks[0].src"},
      {R"j([{"type":"paragraph","text":5}])j", "blocks[0].text"},
      {R"j([{"type":"paragraph","text":null}])j", "blocks[0].text"},
      {R"j([{"type":"paragraph"}])j", "blocks[0].text"},
      {R"j([{"type":"heading","text":"  "}])j", "blocks[0].text"},
      {R"j([{"type":"quote","runs":[{"text":" "}]}])j", "blocks[0].runs"},
      {R"j([{"type":"paragraph","runs":{"text":"a"}}])j", "blocks[0].runs"},
      {R"j([{"type":"paragraph","runs":[[{"text":"a"}]]}])j", "blocks[0].runs[0]"},
      {R"j([{"type":"paragraph","runs":[{"text":"a"},{"text":"b","color":"red"}]}])j", "blocks[0].runs[1].color"},
      {R"j([{"type":"paragraph","runs":[{"text":"a"},{"bold":true}]}])j", "blocks[0].runs[1].text"},
      {R"j([{"type":"paragraph","runs":[{"text":"a","bold":"yes"}]}])j", "blocks[0].runs[0].bold"},
      {R"j([{"type":"paragraph","runs":[{"text":"a","italic":1}]}])j", "blocks[0].runs[0].italic"},
      {R"j([{"type":"paragraph","text":"x"},{"type":"paragraph","runs":[{"text":"a"},{"text":"b","link":"javascript:alert(1)"}]}])j",
       "blocks[1].runs[1].link"},
      {R"j([{"type":"paragraph","runs":[{"text":"a","link":5}]}])j", "blocks[0].runs[0].link"},
      {R"j([{"type":"paragraph","text":"ab","runs":[{"text":"a","bold":true}]}])j", "blocks[0].text"},
      {R"j([{"type":"quote","text":"a","cite":["b"]}])j", "blocks[0].cite"},
      {R"j([{"type":"figure","caption":"c","width":1.5}])j", "blocks[0].width"},
      {R"j([{"type":"figure","caption":"c","height":-1}])j", "blocks[0].height"},
      {R"j([{"type":"figure","caption":"c","width":true}])j", "blocks[0].width"},
      {R"j([{"type":"figure","alt":"a"}])j", "blocks[0].image"},
      {R"j([{"type":"list","items":"a"}])j", "blocks[0].items"},
      {R"j([{"type":"list"}])j", "blocks[0].items"},
      {R"j([{"type":"list","ordered":"true","items":["a"]}])j", "blocks[0].ordered"},
      {R"j([{"type":"list","items":["a",{"text":"b"}]}])j", "blocks[0].items[1]"},
      {R"j([{"type":"list","items":["a",[{"text":"b"},{"text":"c","link":"data:text/html,x"}]]}])j",
       "blocks[0].items[1][1].link"},
      {R"j([{"type":"list","items":[[[{"text":"b"}]]]}])j", "blocks[0].items[0][0]"},
      {R"j([{"type":"list","text":"a","items":["a"]}])j", "blocks[0].text"},
      {"[{\"type\":\"paragraph\",\"text\":\"a\\u0000b\"}]", "blocks[0].text"},
  };
  for (const auto& [body, path] : cases) EXPECT_EQ(refused_at(body), path) << body;
}

TEST(EditorBlocks, RefusesTextsOverTheirLimits) {
  json long_text = {{{"type", "paragraph"}, {"text", std::string(limits::kBlockTextChars + 1, 'a')}}};
  EXPECT_EQ(blocks_from_editor_json(long_text).error().field, "blocks[0].text");
  json long_runs = {{{"type", "paragraph"},
                     {"runs", {{{"text", std::string(limits::kBlockTextChars, 'a')}}, {{"text", "b"}, {"bold", true}}}}}};
  EXPECT_EQ(blocks_from_editor_json(long_runs).error().field, "blocks[0].runs");
  json long_caption = {{{"type", "figure"}, {"caption", std::string(limits::kFigureTextChars + 1, 'c')}}};
  EXPECT_EQ(blocks_from_editor_json(long_caption).error().field, "blocks[0].caption");
  json long_credit = {{{"type", "figure"}, {"caption", "c"}, {"credit", std::string(limits::kCreditChars + 1, 'c')}}};
  EXPECT_EQ(blocks_from_editor_json(long_credit).error().field, "blocks[0].credit");
  json long_image = {{{"type", "figure"}, {"image", std::string(limits::kImagePathBytes + 1, 'i')}}};
  EXPECT_EQ(blocks_from_editor_json(long_image).error().field, "blocks[0].image");
  json long_list = {{{"type", "list"}, {"items", json::array({std::string(limits::kBlockTextChars, 'a'), "b"})}}};
  EXPECT_EQ(blocks_from_editor_json(long_list).error().field, "blocks[0].items");
  json long_link = {{{"type", "paragraph"},
                     {"runs", {{{"text", "a"}, {"link", "https://a.vn/" + std::string(limits::kLinkBytes, 'x')}}}}}};
  EXPECT_EQ(blocks_from_editor_json(long_link).error().field, "blocks[0].runs[0].link");
  json many = json::array();
  for (std::size_t i = 0; i <= kMaxBlocks; ++i) many.push_back({{"type", "paragraph"}, {"text", "a"}});
  EXPECT_EQ(blocks_from_editor_json(many).error().field, "blocks");
}

TEST(EditorBlocks, RefusesLinksThatCouldRunCode) {
  for (const char* link : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
                           "vbscript:msgbox(1)", " javascript:alert(1)", "java\tscript:alert(1)", "//evil.example"}) {
    json body = {{{"type", "paragraph"}, {"runs", {{{"text", "bấm"}, {"link", link}}}}}};
    auto r = blocks_from_editor_json(body);
    ASSERT_FALSE(r.ok()) << link;
    EXPECT_EQ(r.error().field, "blocks[0].runs[0].link") << link;
  }
}

TEST(EditorBlocks, KeepsMarkupInTextAsText) {
  auto r = parse(R"j([{"type":"paragraph","runs":[{"text":"<script>alert(1)</script>","bold":true},)j"
                 R"j({"text":" <b>x</b>"}]},{"type":"heading","text":"<img src=x onerror=alert(1)>"}])j");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].text, "<script>alert(1)</script> <b>x</b>");
  EXPECT_EQ((*r)[0].runs[0].text, "<script>alert(1)</script>");
  EXPECT_EQ((*r)[1].text, "<img src=x onerror=alert(1)>");
}

TEST(EditorBlocks, DropsBlankParagraphsAndEmptyBullets) {
  auto r = parse(R"j([{"type":"paragraph","text":""},{"type":"paragraph","text":"Một."},)j"
                 R"j({"type":"paragraph","runs":[{"text":"  ","bold":true}]},{"type":"list","items":["", "Hai"]},)j"
                 R"j({"type":"list","items":[" "]}])j");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].text, "Một.");
  ASSERT_EQ((*r)[1].items.size(), 1u);
  EXPECT_EQ((*r)[1].text, "Hai");
}

TEST(EditorBlocks, AFullBodyRoundTripsThroughTheStoredForm) {
  const char* body = R"j([
    {"type":"paragraph","runs":[{"text":"Theo "},{"text":"Bộ Y tế","bold":true},{"text":", "},
      {"text":"xem thêm","italic":true,"link":"https://moh.gov.vn/tin-tuc"},{"text":"."}]},
    {"type":"heading","text":"Ý kiến chuyên gia"},
    {"type":"quote","runs":[{"text":"Phải làm ","italic":true},{"text":"ngay","bold":true,"italic":true}],"cite":"Ông A"},
    {"type":"figure","image":"2024/05/anh.jpg","caption":"Chú thích","credit":"Đỗ Hùng","alt":"Ảnh","width":1200,"height":800},
    {"type":"list","ordered":true,"items":["Một",[{"text":"Hai ","bold":true},{"text":"liên hệ","link":"mailto:a@b.vn"}]]},
    {"type":"paragraph","text":"Nghi\u0323 quyết."}
  ])j";
  auto r = parse(body);
  ASSERT_TRUE(r.ok()) << r.error().field << ": " << r.error().message;
  ASSERT_EQ(r->size(), 6u);
  EXPECT_EQ((*r)[0].text, "Theo Bộ Y tế, xem thêm.");
  EXPECT_EQ((*r)[0].runs[3].link, "https://moh.gov.vn/tin-tuc");
  EXPECT_EQ((*r)[4].text, "Một\nHai liên hệ");
  EXPECT_EQ((*r)[5].text, "Nghị quyết.");  // NFC
  const std::string stored = blocks_to_json(*r);
  auto back = blocks_from_json(std::string_view(stored));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, *r);
  // The editor loads what the store wrote and sends it back unchanged.
  auto again = blocks_from_editor_json(json::parse(stored));
  ASSERT_TRUE(again.ok()) << again.error().field << ": " << again.error().message;
  EXPECT_EQ(*again, *r);
}

}  // namespace
}  // namespace toasoan::articles
