#include "articles/import_line.hpp"

#include <gtest/gtest.h>

#include "articles/block_json.hpp"
#include "text/datetime.hpp"

namespace toasoan::articles {
namespace {

TEST(ParseImportLine, ReadsACorpusStyleLineWithPlainBody) {
  auto r = parse_import_line(
      R"({"id":"baomoi-1","title":"Tiêu đề","lead":"Sapo.","body":"Đoạn 1.\n\nĐoạn 2.","category":"Xã hội","published":"2017-05-09T19:50:00+07:00"})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->external_id, "baomoi-1");
  EXPECT_EQ(r->title, "Tiêu đề");
  EXPECT_EQ(r->lead, "Sapo.");
  ASSERT_EQ(r->blocks.size(), 2u);
  EXPECT_EQ(r->blocks[1].text, "Đoạn 2.");
  EXPECT_EQ(r->category_name, "Xã hội");
  ASSERT_TRUE(r->published.has_value());
  EXPECT_EQ(*r->published, *text::parse_iso8601("2017-05-09T12:50:00Z"));
  EXPECT_EQ(r->status, Status::published);
}

TEST(ParseImportLine, ReadsStructuredBlocksAndAuthors) {
  auto r = parse_import_line(
      R"({"id":"seed-1","title":"T","blocks":[{"type":"figure","caption":"C"},{"type":"paragraph","text":"P"}],"authors":["Huy Thành","Mạnh Hùng"],"status":"unpublished"})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->blocks.size(), 2u);
  EXPECT_EQ(r->blocks[0].type, Block::Type::figure);
  EXPECT_EQ(byline(r->authors), "Huy Thành - Mạnh Hùng");
  EXPECT_EQ(r->status, Status::unpublished);
  EXPECT_EQ(r->category_name, kDefaultCategory);
  EXPECT_FALSE(r->published.has_value());
}

TEST(ParseImportLine, TakesControlCharactersOutOfEveryTextField) {
  // \u0001, \u000b (vertical tab) and \uFFFF would make the RSS feed and sitemaps invalid XML.
  auto r = parse_import_line(
      R"({"id":"ctl\u0001-1","title":"Tin\u0001 n\u000bóng\uFFFF","lead":"Sapo\u000b.",)"
      R"("blocks":[{"type":"figure","image":"a\u0001.jpg","caption":"Ảnh\uFFFF: Huy\u0001","alt":"Cả\u000bnh"},)"
      R"({"type":"paragraph","text":"Cột 1\tCột 2\u0001\r\nDòng hai\uFFFF"},)"
      R"({"type":"quote","text":"Trích\u0001","cite":"Ông\u000b A"}],)"
      R"("authors":["Huy\u0001 Thành"],"category":"Xã\uFFFF hội\u0001","status":"published\u0001"})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->external_id, "ctl-1");
  EXPECT_EQ(r->title, "Tin nóng");
  EXPECT_EQ(r->lead, "Sapo.");
  ASSERT_EQ(r->blocks.size(), 3u);
  EXPECT_EQ(r->blocks[0].image, "a.jpg");
  EXPECT_EQ(r->blocks[0].caption, "Ảnh: Huy");
  EXPECT_EQ(r->blocks[0].alt, "Cảnh");
  EXPECT_EQ(r->blocks[1].text, "Cột 1\tCột 2\nDòng hai");  // tab and newline stay; CRLF is LF
  EXPECT_EQ(r->blocks[2].text, "Trích");
  EXPECT_EQ(r->blocks[2].cite, "Ông A");
  ASSERT_EQ(r->authors.size(), 1u);
  EXPECT_EQ(r->authors[0], "Huy Thành");
  EXPECT_EQ(r->category_name, "Xã hội");
  EXPECT_EQ(r->status, Status::published);
}

TEST(ParseImportLine, TakesControlCharactersOutOfAPlainBodyAndKeepsItsParagraphs) {
  auto r = parse_import_line(
      R"({"id":"x","title":"T","author":"Huy\u0001 Thành - Mạnh\uFFFF Hùng","body":"Đoạn\u0001 1.\r\n\r\nĐoạn\u000b 2:\tbảng"})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->blocks.size(), 2u);
  EXPECT_EQ(r->blocks[0].text, "Đoạn 1.");
  EXPECT_EQ(r->blocks[1].text, "Đoạn 2:\tbảng");
  ASSERT_EQ(r->authors.size(), 2u);
  EXPECT_EQ(r->authors[0], "Huy Thành");
  EXPECT_EQ(r->authors[1], "Mạnh Hùng");
}

TEST(ParseImportLine, RefusesATitleOfNothingButControlCharacters) {
  auto r = parse_import_line(R"({"id":"x","title":"\u0001\u000b"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "thiếu tiêu đề (\"title\")");
}

TEST(ParseImportLine, SplitsASingleAuthorStringIntoABylinesAuthors) {
  auto r = parse_import_line(R"({"id":"x","title":"T","author":"Huy Thành - Mạnh Hùng"})");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->authors.size(), 2u);
  EXPECT_EQ(r->authors[1], "Mạnh Hùng");
}

TEST(ParseImportLine, RefusesABodyWithMoreParagraphsThanAnArticleMayHold) {
  std::string body;  // JSON-escaped: paragraphs separated by "\n\n"
  for (std::size_t i = 0; i <= kMaxBlocks; ++i) body += "Đoạn.\\n\\n";
  auto r = parse_import_line(R"({"id":"x","title":"T","body":")" + body + "\"}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "quá nhiều khối nội dung");
}

TEST(ParseImportLine, RejectsBadLinesWithAReason) {
  for (const char* bad : {
           "{\"id\":\"x\",\"title\":",                                       // broken JSON
           "[1,2]",                                                          // not an object
           R"({"title":"T"})",                                               // no id
           R"({"id":"x"})",                                                  // no title
           R"({"id":"x","title":"   "})",                                    // blank title
           R"({"id":"x","title":"T","blocks":[{"type":"video"}]})",          // unknown block
           R"({"id":"x","title":"T","status":"draft"})",                     // unknown status
           R"({"id":"x","title":"T","published":"hôm qua"})",                // not a date
           R"({"id":{"a":1},"title":"T"})",                                  // id not a string
           "{\"id\":\"x\",\"title\":\"T\xC3\x28\"}",                         // invalid UTF-8
           R"({"id":"x","title":"T\u0000U"})",                             // NUL, which no store holds
       }) {
    auto r = parse_import_line(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_FALSE(r.error().message.empty());
    }
  }
}

TEST(ParseImportLine, RefusesACategoryNameLongerThan200Bytes) {
  std::string line = R"({"id":"x","title":"T","category":")" + std::string(201, 'a') + R"("})";
  auto r = parse_import_line(line);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "\"category\" quá dài");
  line = R"({"id":"x","title":"T","category":")" + std::string(200, 'a') + R"("})";
  EXPECT_TRUE(parse_import_line(line).ok());
}

// A line nesting arrays far deeper than any stack allows recursion for, with a NUL at the
// end: it is refused for the NUL, and nothing crashes on the way.
TEST(ParseImportLine, RefusesANulBehindAMillionNestedArraysWithoutCrashing) {
  constexpr std::size_t kDepth = 1'000'000;
  std::string line = R"({"a":)";
  line.append(kDepth, '[');
  line.append(kDepth, ']');
  line += R"(,"id":"x","title":"T","z":"\u0000"})";
  auto r = parse_import_line(line);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "dòng chứa ký tự NUL (\\u0000)");
}

}  // namespace
}  // namespace toasoan::articles
