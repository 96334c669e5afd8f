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
  ASSERT_EQ(r->blocks->size(), 2u);
  EXPECT_EQ((*r->blocks)[1].text, "Đoạn 2.");
  EXPECT_EQ(r->category_name, "Xã hội");
  ASSERT_TRUE(r->published.has_value());
  EXPECT_EQ(*r->published, *text::parse_iso8601("2017-05-09T12:50:00Z"));
  EXPECT_FALSE(r->status.has_value());  // a new article is published; an old one keeps its status
}

TEST(ParseImportLine, ReadsStructuredBlocksAndAuthors) {
  auto r = parse_import_line(
      R"({"id":"seed-1","title":"T","blocks":[{"type":"figure","caption":"C"},{"type":"paragraph","text":"P"}],"authors":["Huy Thành","Mạnh Hùng"],"status":"unpublished"})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->blocks->size(), 2u);
  EXPECT_EQ((*r->blocks)[0].type, Block::Type::figure);
  EXPECT_EQ(byline(*r->authors), "Huy Thành - Mạnh Hùng");
  EXPECT_EQ(r->status, Status::unpublished);
  EXPECT_FALSE(r->category_name.has_value());  // the store gives a new article the default
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
  ASSERT_EQ(r->blocks->size(), 3u);
  EXPECT_EQ((*r->blocks)[0].image, "a.jpg");
  EXPECT_EQ((*r->blocks)[0].caption, "Ảnh: Huy");
  EXPECT_EQ((*r->blocks)[0].alt, "Cảnh");
  EXPECT_EQ((*r->blocks)[1].text, "Cột 1\tCột 2\nDòng hai");  // tab and newline stay; CRLF is LF
  EXPECT_EQ((*r->blocks)[2].text, "Trích");
  EXPECT_EQ((*r->blocks)[2].cite, "Ông A");
  ASSERT_EQ(r->authors->size(), 1u);
  EXPECT_EQ((*r->authors)[0], "Huy Thành");
  EXPECT_EQ(r->category_name, "Xã hội");
  EXPECT_EQ(r->status, Status::published);
}

TEST(ParseImportLine, TakesControlCharactersOutOfAPlainBodyAndKeepsItsParagraphs) {
  auto r = parse_import_line(
      R"({"id":"x","title":"T","author":"Huy\u0001 Thành - Mạnh\uFFFF Hùng","body":"Đoạn\u0001 1.\r\n\r\nĐoạn\u000b 2:\tbảng"})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->blocks->size(), 2u);
  EXPECT_EQ((*r->blocks)[0].text, "Đoạn 1.");
  EXPECT_EQ((*r->blocks)[1].text, "Đoạn 2:\tbảng");
  ASSERT_EQ(r->authors->size(), 2u);
  EXPECT_EQ((*r->authors)[0], "Huy Thành");
  EXPECT_EQ((*r->authors)[1], "Mạnh Hùng");
}

TEST(ParseImportLine, RefusesATitleOfNothingButControlCharacters) {
  auto r = parse_import_line(R"({"id":"x","title":"\u0001\u000b"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "thiếu tiêu đề (\"title\")");
}

TEST(ParseImportLine, SplitsASingleAuthorStringIntoABylinesAuthors) {
  auto r = parse_import_line(R"({"id":"x","title":"T","author":"Huy Thành - Mạnh Hùng"})");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->authors->size(), 2u);
  EXPECT_EQ((*r->authors)[1], "Mạnh Hùng");
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

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Refused with a message naming the field; the same line one character shorter passes.
void expect_limit(const std::string& field, const std::string& at_limit, const std::string& over, const std::string& message) {
  auto ok = parse_import_line(at_limit);
  EXPECT_TRUE(ok.ok()) << field << ": " << (ok.ok() ? "" : ok.error().message);
  auto r = parse_import_line(over);
  ASSERT_FALSE(r.ok()) << field;
  EXPECT_EQ(r.error().message, message) << field;
}

TEST(ParseImportLine, CountsTextLimitsInCharactersNotBytes) {
  // "ệ" is three bytes: 300 of them are 900 bytes and still a 300-character title.
  expect_limit("title", R"({"id":"x","title":")" + repeat("ệ", 300) + R"("})",
               R"({"id":"x","title":")" + repeat("ệ", 301) + R"("})", "\"title\" dài quá 300 ký tự");
  expect_limit("lead", R"({"id":"x","title":"T","lead":")" + repeat("ạ", 2000) + R"("})",
               R"({"id":"x","title":"T","lead":")" + repeat("ạ", 2001) + R"("})", "\"lead\" dài quá 2000 ký tự");
  expect_limit("category", R"({"id":"x","title":"T","category":")" + repeat("ộ", 100) + R"("})",
               R"({"id":"x","title":"T","category":")" + repeat("ộ", 101) + R"("})",
               "\"category\" dài quá 100 ký tự");
  // Decomposed input counts as what is stored: e + two combining marks is one "ệ".
  expect_limit("title decomposed", R"({"id":"x","title":")" + repeat("e\u0323\u0302", 300) + R"("})",
               R"({"id":"x","title":")" + repeat("e\u0323\u0302", 301) + R"("})", "\"title\" dài quá 300 ký tự");
}

TEST(ParseImportLine, LimitsEveryBlockWhetherFromABodyOrFromBlocks) {
  expect_limit("body paragraph", R"({"id":"x","title":"T","body":"A\n\n)" + repeat("ữ", 20000) + R"("})",
               R"({"id":"x","title":"T","body":"A\n\n)" + repeat("ữ", 20001) + R"("})",
               "khối 2: \"text\" dài quá 20000 ký tự");
  expect_limit("block text", R"({"id":"x","title":"T","blocks":[{"type":"heading","text":")" + repeat("ữ", 20000) + R"("}]})",
               R"({"id":"x","title":"T","blocks":[{"type":"heading","text":")" + repeat("ữ", 20001) + R"("}]})",
               "khối 1: \"text\" dài quá 20000 ký tự");
  expect_limit("caption", R"({"id":"x","title":"T","blocks":[{"type":"figure","caption":")" + repeat("ả", 1000) + R"("}]})",
               R"({"id":"x","title":"T","blocks":[{"type":"figure","caption":")" + repeat("ả", 1001) + R"("}]})",
               "khối 1: \"caption\" dài quá 1000 ký tự");
  expect_limit("alt", R"({"id":"x","title":"T","blocks":[{"type":"figure","caption":"C","alt":")" + repeat("ả", 1000) + R"("}]})",
               R"({"id":"x","title":"T","blocks":[{"type":"figure","caption":"C","alt":")" + repeat("ả", 1001) + R"("}]})",
               "khối 1: \"alt\" dài quá 1000 ký tự");
  expect_limit("cite", R"({"id":"x","title":"T","blocks":[{"type":"quote","text":"Q","cite":")" + repeat("ả", 1000) + R"("}]})",
               R"({"id":"x","title":"T","blocks":[{"type":"quote","text":"Q","cite":")" + repeat("ả", 1001) + R"("}]})",
               "khối 1: \"cite\" dài quá 1000 ký tự");
  expect_limit("image", R"({"id":"x","title":"T","blocks":[{"type":"figure","image":")" + std::string(508, 'a') + R"(.jpg"}]})",
               R"({"id":"x","title":"T","blocks":[{"type":"figure","image":")" + std::string(509, 'a') + R"(.jpg"}]})",
               "khối 1: \"image\" dài quá 512 byte");
}

TEST(ParseImportLine, LimitsAuthorsTheSameInTheStringFormAsInTheArray) {
  auto names = [](std::size_t n, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? sep : "") + std::string("Tác giả ") + std::to_string(i);
    return out;
  };
  expect_limit("author string", R"({"id":"x","title":"T","author":")" + names(20, " - ") + R"("})",
               R"({"id":"x","title":"T","author":")" + names(21, " - ") + R"("})", "quá 20 tác giả");
  expect_limit("authors array", R"({"id":"x","title":"T","authors":[")" + names(20, R"(",")") + R"("]})",
               R"({"id":"x","title":"T","authors":[")" + names(21, R"(",")") + R"("]})", "quá 20 tác giả");
  auto r = parse_import_line(R"({"id":"x","title":"T","author":")" + names(5000, " - ") + R"("})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "quá 20 tác giả");
  expect_limit("author name", R"({"id":"x","title":"T","author":")" + repeat("ư", 100) + R"("})",
               R"({"id":"x","title":"T","author":")" + repeat("ư", 101) + R"("})", "tên tác giả dài quá 100 ký tự");
  expect_limit("author name in array", R"({"id":"x","title":"T","authors":[")" + repeat("ư", 100) + R"("]})",
               R"({"id":"x","title":"T","authors":[")" + repeat("ư", 101) + R"("]})", "tên tác giả dài quá 100 ký tự");
}

TEST(ParseImportLine, LimitsTheIdInBytes) {
  expect_limit("id", R"({"id":")" + std::string(200, 'a') + R"(","title":"T"})",
               R"({"id":")" + std::string(201, 'a') + R"(","title":"T"})", "\"id\" dài quá 200 byte");
}

TEST(ParseImportLine, TakesDatesFrom1945ToAYearAheadOfTheImport) {
  const std::int64_t now = *text::parse_iso8601("2026-12-04T10:00:00+07:00");
  auto at = [&](const char* date) {
    return parse_import_line(std::string(R"({"id":"x","title":"T","published":")") + date + R"("})", now);
  };
  ASSERT_TRUE(at("1945-01-01T00:00:00+07:00").ok());
  EXPECT_EQ(*at("1945-01-01T00:00:00+07:00")->published, -788943600);
  EXPECT_TRUE(at("1969-12-31T23:59:59Z").ok());
  EXPECT_TRUE(at("2027-12-04T10:00:00+07:00").ok());  // scheduled a year ahead
  auto early = at("1944-12-31T23:59:59+07:00");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().message, "\"published\" trước 1945-01-01, ngoài kho lưu trữ: 1944-12-31T23:59:59+07:00");
  auto late = at("2028-12-04T10:00:00+07:00");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().message, "\"published\" xa hơn một năm sau ngày nhập: 2028-12-04T10:00:00+07:00");
  EXPECT_FALSE(at("2262-04-11T00:00:00Z").ok());
}

// A line that corrects one field must not carry defaults for the others: the store would
// write them over what the article has (a retracted article published again, its body gone).
TEST(ParseImportLine, LeavesEveryFieldTheLineDoesNotCarryUnset) {
  auto r = parse_import_line(R"({"id":"ok1","title":"fix typo"})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->lead.has_value());
  EXPECT_FALSE(r->blocks.has_value());
  EXPECT_FALSE(r->authors.has_value());
  EXPECT_FALSE(r->category_name.has_value());
  EXPECT_FALSE(r->published.has_value());
  EXPECT_FALSE(r->status.has_value());
  r = parse_import_line(R"({"id":"ok1","title":"T","lead":null,"status":"","category":"  "})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->lead.has_value());
  EXPECT_FALSE(r->status.has_value());
  EXPECT_FALSE(r->category_name.has_value());
}

TEST(ParseImportLine, AnEmptyLeadBodyOrAuthorListIsGivenAndClearsTheField) {
  auto r = parse_import_line(R"({"id":"ok1","title":"T","lead":"","body":"","authors":[],"status":"published"})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->lead, std::optional<std::string>(""));
  ASSERT_TRUE(r->blocks.has_value());
  EXPECT_TRUE(r->blocks->empty());
  ASSERT_TRUE(r->authors.has_value());
  EXPECT_TRUE(r->authors->empty());
  EXPECT_EQ(r->status, std::optional<Status>(Status::published));
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
