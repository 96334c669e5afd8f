#include "comments/rules.hpp"

#include <gtest/gtest.h>

namespace toasoan::comments {
namespace {

Draft draft(std::string content, std::string name = "Minh Anh", std::string email = "") {
  return Draft{.name = std::move(name), .email = std::move(email), .content = std::move(content), .website = ""};
}

std::string field_of(const Result<store::NewComment>& r) { return r ? "" : r.error().field; }

TEST(CommentRules, FourCharactersAreRefusedWithTheModelPagesMessageAndFiveAccepted) {
  auto four = check(draft("abcd"), {});
  ASSERT_FALSE(four);
  EXPECT_EQ(four.error().field, "content");
  EXPECT_EQ(four.error().message, kTooShort);
  EXPECT_TRUE(check(draft("abcde"), {}));
}

TEST(CommentRules, FiveHundredCharactersPassAndFiveHundredAndOneDoNot) {
  EXPECT_TRUE(check(draft(std::string(500, 'a')), {}));
  auto over = check(draft(std::string(501, 'a')), {});
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().message, kTooLong);
}

TEST(CommentRules, ADecomposedLetterCountsOnceAndIsStoredComposed) {
  // "Việt!" typed as V i e + U+0323 + U+0302 t !: five letters, as a reader sees them.
  auto r = check(draft("Vie\xCC\xA3\xCC\x82t!"), {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content, "Vi\xE1\xBB\x87t!");
  // 500 decomposed "ệ" are 500 characters, not 1,500.
  std::string many;
  for (int i = 0; i < 500; ++i) many += "e\xCC\xA3\xCC\x82";
  EXPECT_TRUE(check(draft(many), {}));
}

TEST(CommentRules, OnlySpacesAreTooShortWhateverTheSpaces) {
  EXPECT_EQ(field_of(check(draft("      \n\t  "), {})), "content");
  // No-break spaces and ideographic spaces are trimmed as the browser's trim() does.
  EXPECT_EQ(field_of(check(draft("\xC2\xA0\xC2\xA0 ab \xE3\x80\x80\xE3\x80\x80"), {})), "content");
}

TEST(CommentRules, FiveEmojiAreAComment) { EXPECT_TRUE(check(draft("😀😀😀😀😀"), {})); }

TEST(CommentRules, TheNameMustHaveTwoToFiftyCharacters) {
  EXPECT_EQ(field_of(check(draft("Bình luận hay", "A"), {})), "name");
  EXPECT_EQ(field_of(check(draft("Bình luận hay", std::string(10000, 'x')), {})), "name");
  EXPECT_EQ(field_of(check(draft("Bình luận hay", "   "), {})), "name");
  auto r = check(draft("Bình luận hay", "  Nguyễn \n Văn   A "), {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Nguyễn Văn A");
}

TEST(CommentRules, AnEmailIsOptionalCheckedAndKeptInLowerCase) {
  EXPECT_EQ(field_of(check(draft("Bình luận hay", "Minh", "khong-phai-email"), {})), "email");
  EXPECT_EQ(field_of(check(draft("Bình luận hay", "Minh", "a@b"), {})), "email");
  auto r = check(draft("Bình luận hay", "Minh", " Minh.Anh@Example.VN "), {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->email, "minh.anh@example.vn");
}

TEST(CommentRules, AFilledHoneypotIsRefused) {
  Draft d = draft("Bình luận hay");
  d.website = "http://spam.example";
  EXPECT_EQ(field_of(check(d, {})), "website");
}

TEST(CommentRules, ControlCharactersAreTakenOutAndHtmlIsKeptAsText) {
  auto r = check(draft("<script>alert(1)</script>\x01\x02"), {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content, "<script>alert(1)</script>");
}

TEST(CommentRules, MoreThanTwoLinksAreFlaggedNotRefused) {
  auto two = check(draft("xem http://a.vn và https://b.vn"), {});
  ASSERT_TRUE(two);
  EXPECT_TRUE(two->flags.empty());
  auto three = check(draft("xem http://a.vn, HTTPS://b.vn và www.c.vn"), {});
  ASSERT_TRUE(three);
  EXPECT_EQ(three->flags, std::vector<std::string>{"links"});
}

TEST(CommentRules, ADisallowedWordHitsWithoutMarksAndWithDForDStroke) {
  DisallowedWords words({"đồ ngốc", "đm"});
  for (const char* text : {"Anh là đồ ngốc à", "anh la do ngoc a", "ANH LÀ ĐỒ NGỐC", "bài viết dm quá", "Đ.M bài này"}) {
    auto r = check(draft(text), words);
    ASSERT_TRUE(r) << text;
    EXPECT_EQ(r->flags, std::vector<std::string>{"words"}) << text;
  }
}

TEST(CommentRules, ADisallowedWordInsideAnotherWordDoesNotHit) {
  DisallowedWords words({"dm"});
  auto r = check(draft("Quản trị admin trả lời rất nhanh"), words);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->flags.empty());
}

TEST(CommentRules, AModeratorsTextMeetsTheSameLengthRule) {
  EXPECT_FALSE(check_content("abcd"));
  EXPECT_EQ(*check_content("  Đã sửa lỗi chính tả  "), "Đã sửa lỗi chính tả");
}

}  // namespace
}  // namespace toasoan::comments
