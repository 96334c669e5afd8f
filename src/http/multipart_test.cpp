#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace toasoan::http {
namespace {

// A body as Chromium sends one: a file and a text field.
std::string browser_body(std::string_view photo) {
  std::string b;
  b += "------WebKitFormBoundaryx7Yq\r\n";
  b += "Content-Disposition: form-data; name=\"file\"; filename=\"ảnh hội nghị.jpg\"\r\n";
  b += "Content-Type: image/jpeg\r\n\r\n";
  b += photo;
  b += "\r\n------WebKitFormBoundaryx7Yq\r\n";
  b += "Content-Disposition: form-data; name=\"caption\"\r\n\r\n";
  b += "Quang cảnh hội nghị";
  b += "\r\n------WebKitFormBoundaryx7Yq--\r\n";
  return b;
}

TEST(MultipartBoundary, IsReadFromTheContentTypeQuotedOrNot) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundaryx7Yq"),
            "----WebKitFormBoundaryx7Yq");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data;boundary=\"a b:c\""), "a b:c");
  EXPECT_EQ(multipart_boundary("multipart/form-data; charset=utf-8; boundary=xyz"), "xyz");
}

TEST(MultipartBoundary, AnotherTypeOrAMissingOrOverlongBoundaryIsNone) {
  EXPECT_FALSE(multipart_boundary("application/json"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary="));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"unclosed"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));
  EXPECT_TRUE(multipart_boundary("multipart/form-data; boundary=" + std::string(70, 'a')));
}

TEST(ParseMultipart, GivesAFileByteForByteAndATextField) {
  std::string photo("\xFF\xD8\xFF\xE0\0\r\n--\r\n\r\nJFIF\xFF\xD9", 20);
  std::string body = browser_body(photo);
  auto parts = parse_multipart(body, "----WebKitFormBoundaryx7Yq");
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  const FormPart* file = find_part(*parts, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->data, photo);
  EXPECT_EQ(file->filename, "ảnh hội nghị.jpg");
  EXPECT_TRUE(file->has_filename);
  EXPECT_EQ(file->content_type, "image/jpeg");
  const FormPart* caption = find_part(*parts, "caption");
  ASSERT_NE(caption, nullptr);
  EXPECT_EQ(caption->data, "Quang cảnh hội nghị");
  EXPECT_FALSE(caption->has_filename);
  EXPECT_EQ(find_part(*parts, "credit"), nullptr);
}

TEST(ParseMultipart, APreambleAnEpilogueAndAnEmptyFileAreFine) {
  std::string body = "ignored preamble\r\n--b\r\nContent-Disposition: form-data; name=file; filename=\"\"\r\n\r\n"
                     "\r\n--b--\r\nignored epilogue";
  auto parts = parse_multipart(body, "b");
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "file");
  EXPECT_TRUE((*parts)[0].has_filename);
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].data, "");
}

TEST(ParseMultipart, BareLineFeedsAreTolerated) {
  std::string body = "--b\nContent-Disposition: form-data; name=\"a\"\n\nmột\n--b--\n";
  auto parts = parse_multipart(body, "b");
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].data, "một");
}

TEST(ParseMultipart, ABodyCutOffBeforeItsClosingBoundaryIsRefused) {
  std::string body = browser_body("\xFF\xD8\xFF");
  for (std::size_t cut : {body.size() - 40, body.size() / 2, std::size_t{10}, std::size_t{0}}) {
    auto parts = parse_multipart(std::string_view(body).substr(0, cut), "----WebKitFormBoundaryx7Yq");
    ASSERT_FALSE(parts.ok()) << "cut at " << cut;
    EXPECT_EQ(parts.error().kind, ErrorKind::invalid);
    EXPECT_NE(parts.error().message.find("Biểu mẫu"), std::string::npos) << parts.error().message;
  }
}

TEST(ParseMultipart, APartWithoutANameOrDispositionIsRefused) {
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "b").ok());
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b--", "b").ok());
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "b").ok());
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--", "b").ok());
  EXPECT_FALSE(parse_multipart("--b\r\nno colon here\r\n\r\nx\r\n--b--", "b").ok());
}

TEST(ParseMultipart, MoreThanTheAllowedPartsIsRefused) {
  std::string body;
  for (int i = 0; i < 5; ++i) body += "--b\r\nContent-Disposition: form-data; name=\"f" + std::to_string(i) + "\"\r\n\r\nx\r\n";
  body += "--b--\r\n";
  EXPECT_TRUE(parse_multipart(body, "b", 5).ok());
  auto refused = parse_multipart(body, "b", 4);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("quá 4 phần"), std::string::npos);
}

TEST(ParseMultipart, ABoundaryInsideTheDataMustStartALineToEndIt) {
  std::string body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx--b y\r\n--b--";
  auto parts = parse_multipart(body, "b");
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].data, "x--b y");
}

}  // namespace
}  // namespace toasoan::http
