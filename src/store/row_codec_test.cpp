// What an article's stored row gives back. SQLite's full-text index keeps no copy of the text it
// indexes, so an article is taken out of it with the search document made again from its stored
// row (sqlite/search_index.hpp): that document must be the one the incoming article was indexed
// with, or its old words stay found.
#include "store/row_codec.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "articles/block_json.hpp"

namespace toasoan::store {
namespace {

// The document of `blocks` as they came in, and as the row they are stored in gives them back.
void expect_the_stored_row_gives_the_same_document(const std::string& title, const std::string& lead,
                                                    const std::vector<articles::Block>& blocks) {
  const SearchDocument incoming = search_document(title, lead, blocks);
  const SearchDocument stored = search_document(title, lead, blocks_from_column(articles::blocks_to_json(blocks)));
  EXPECT_TRUE(stored == incoming) << title << "\nincoming body: " << incoming.body << "\nstored body: " << stored.body;
}

TEST(SearchDocumentTest, EveryKindOfBlockGivesTheSameDocumentFromItsStoredRow) {
  auto blocks = articles::blocks_from_json(std::string_view(R"([
    {"type": "paragraph", "runs": [{"text": "Nghị quyết "}, {"text": "số 12", "bold": true}, {"text": " của tỉnh."}]},
    {"type": "heading", "text": "Vùng chè Đồi Mây"},
    {"type": "quote", "text": "Chè là sinh kế của bà con.", "cite": "Ông Lò Văn Páo"},
    {"type": "figure", "image": "2026/11/che.jpg", "caption": "Đồi chè buổi sớm.", "credit": "Đỗ Hùng",
     "alt": "Người hái chè", "width": 1600, "height": 1000},
    {"type": "list", "ordered": true, "items": ["Giống chè Shan tuyết", [{"text": "Chè ", "italic": true}, {"text": "xanh"}]]},
    {"type": "paragraph", "text": "Giá 5.000 đồng/kg, tăng 12% — COVID-19 <b> & \"nháy\"."}
  ])"));
  ASSERT_TRUE(blocks.ok()) << blocks.error().message;
  ASSERT_EQ(blocks->size(), 6u);
  expect_the_stored_row_gives_the_same_document("Đồi chè xanh", "Sapo về chè.", *blocks);
  EXPECT_NE(search_document("t", "l", *blocks).body.find("lo van pao"), std::string::npos) << "the quote's cite";
}

// The demo site's articles (our own writing, shipped in sample/), as the import reads them.
TEST(SearchDocumentTest, EverySampleArticleGivesTheSameDocumentFromItsStoredRow) {
  std::ifstream in(std::string(TOASOAN_SOURCE_DIR) + "/sample/articles.jsonl");
  ASSERT_TRUE(in) << "sample/articles.jsonl";
  std::string line;
  int articles = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    std::vector<articles::Block> blocks;
    if (j.contains("blocks")) {
      auto given = articles::blocks_from_json(j.at("blocks"));
      ASSERT_TRUE(given.ok()) << given.error().message;
      blocks = std::move(*given);
    } else {
      blocks = articles::paragraphs_from_text(j.at("body").get<std::string>());
    }
    expect_the_stored_row_gives_the_same_document(j.at("title").get<std::string>(), j.value("lead", ""), blocks);
    ++articles;
  }
  EXPECT_GT(articles, 10);
}

}  // namespace
}  // namespace toasoan::store
