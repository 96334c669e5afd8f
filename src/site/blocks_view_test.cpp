#include "site/blocks_view.hpp"

#include <gtest/gtest.h>

namespace toasoan::site {
namespace {

using articles::Block;

Block figure(std::string caption, std::string image = "") {
  Block b;
  b.type = Block::Type::figure;
  b.caption = std::move(caption);
  b.image = std::move(image);
  b.width = 1200;
  b.height = 800;
  return b;
}

std::string render(const std::vector<Block>& blocks) {
  render::Html h;
  render_blocks(h, blocks);
  return h.take();
}

TEST(RenderBlocks, EscapesEveryPieceOfText) {
  Block p;
  p.text = "<script>alert(1)</script>";
  Block q;
  q.type = Block::Type::quote;
  q.text = "\"x\" & y";
  q.cite = "<b>Ông A</b>";
  auto html = render({p, q, figure("<img src=x onerror=alert(1)>", "a.jpg")});
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;x&quot; &amp; y"), std::string::npos);
}

TEST(RenderBlocks, AFigureWithoutPhotoKeepsItsCaptionInAPlaceholder) {
  auto html = render({figure("Các đại biểu dự Hội nghị tại điểm cầu tỉnh.")});
  EXPECT_NE(html.find("class=\"photo-missing\""), std::string::npos);
  EXPECT_NE(html.find("<figcaption>Các đại biểu dự Hội nghị tại điểm cầu tỉnh.</figcaption>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
}

TEST(RenderBlocks, PhotosHaveSizeAltAndLoadLazilyAfterTheFirst) {
  auto html = render({figure("Một", "sample/photo-1.svg"), figure("Hai", "sample/photo-2.svg")});
  auto first = html.find("<img src=\"/media/sample/photo-1.svg\" alt=\"Một\" width=\"1200\" height=\"800\" decoding");
  EXPECT_NE(first, std::string::npos) << html;
  EXPECT_NE(html.find("photo-2.svg\" alt=\"Hai\" width=\"1200\" height=\"800\" loading=\"lazy\""), std::string::npos);
}

TEST(RenderBlocks, RefusesImagePathsThatLeaveTheMediaFolder) {
  auto html = render({figure("C", "../../etc/passwd"), figure("D", "javascript:alert(1)")});
  EXPECT_EQ(html.find("passwd"), std::string::npos);
  EXPECT_EQ(html.find("javascript"), std::string::npos);
}

Block marked(std::vector<articles::Run> runs) {
  Block b;
  for (const auto& r : runs) b.text += r.text;
  b.runs = std::move(runs);
  return b;
}

TEST(RenderBlocks, BoldItalicAndLinksBecomeMarkup) {
  auto html = render({marked({{"Theo ", false, false, ""},
                              {"Bộ Y tế", true, false, ""},
                              {", ", false, false, ""},
                              {"xem", false, true, "https://moh.gov.vn/a?b=1&c=2"}})});
  EXPECT_EQ(html,
            "<p>Theo <strong>Bộ Y tế</strong>, <a href=\"https://moh.gov.vn/a?b=1&amp;c=2\" rel=\"nofollow noopener\">"
            "<em>xem</em></a></p>");
}

TEST(RenderBlocks, MarkedHeadingsAndQuotesKeepTheirMarks) {
  Block h = marked({{"Tiêu đề ", false, false, ""}, {"đậm", true, true, ""}});
  h.type = Block::Type::heading;
  Block q = marked({{"Lời ", false, false, ""}, {"nghiêng", false, true, ""}});
  q.type = Block::Type::quote;
  q.cite = "Bà B";
  auto html = render({h, q});
  EXPECT_NE(html.find("<h2>Tiêu đề <strong><em>đậm</em></strong></h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<blockquote><p>Lời <em>nghiêng</em></p><footer>— Bà B</footer></blockquote>"), std::string::npos)
      << html;
}

TEST(RenderBlocks, ScriptInARunAndQuotesInALinkStayText) {
  auto html = render({marked({{"<script>alert(1)</script>", true, false, "https://a.vn/\"><script>x</script>"}})});
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"https://a.vn/&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""), std::string::npos) << html;
  EXPECT_NE(html.find("<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>"), std::string::npos) << html;
}

TEST(RenderBlocks, AJavascriptLinkNeverBecomesAnHref) {
  auto html = render({marked({{"bấm đây", false, false, "javascript:alert(1)"}}),
                      marked({{"hoặc đây", true, false, " https://a.vn/"}})});
  EXPECT_EQ(html.find("href"), std::string::npos) << html;
  EXPECT_EQ(html.find("<a"), std::string::npos) << html;
  EXPECT_EQ(html, "<p>bấm đây</p><p><strong>hoặc đây</strong></p>");
}

TEST(RenderBlocks, ListsAreBulletedOrNumbered) {
  Block ul;
  ul.type = Block::Type::list;
  ul.items = {{{"Một", false, false, ""}}, {{"Hai ", false, false, ""}, {"<b>", true, false, ""}}};
  ul.text = "Một\nHai <b>";
  Block ol = ul;
  ol.ordered = true;
  EXPECT_EQ(render({ul}), "<ul><li>Một</li><li>Hai <strong>&lt;b&gt;</strong></li></ul>");
  EXPECT_EQ(render({ol}), "<ol><li>Một</li><li>Hai <strong>&lt;b&gt;</strong></li></ol>");
}

}  // namespace
}  // namespace toasoan::site

namespace toasoan::site {
namespace {

const std::string kPhoto = "3fa9" + std::string(58, '0') + "c2";

TEST(RenderBlocks, AnUploadedPhotoIsAPictureWithWebpAndJpegInEveryWidthItHas) {
  Block b = figure("Quang cảnh hội nghị", "anh/3f/" + kPhoto + "-social.jpg");
  b.width = 2000;
  b.height = 1500;
  auto html = render({b});
  const std::string at = "/media/anh/3f/" + kPhoto;
  EXPECT_NE(html.find("<picture><source type=\"image/webp\" srcset=\"" + at + "-480.webp 480w, " + at + "-960.webp 960w, " +
                      at + "-1600.webp 1600w\" sizes=\""),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<img src=\"" + at + "-960.jpg\" srcset=\"" + at + "-480.jpg 480w, " + at + "-960.jpg 960w, " + at +
                      "-1600.jpg 1600w\""),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("width=\"2000\" height=\"1500\""), std::string::npos) << "no layout shift";
  EXPECT_NE(html.find("alt=\"Quang cảnh hội nghị\""), std::string::npos);
  EXPECT_EQ(html.find("-social"), std::string::npos) << "the preview picture is not for the page";
}

TEST(RenderBlocks, ASmallUploadedPhotoOffersOnlyWhatItHas) {
  Block b = figure("Ảnh nhỏ", "anh/3f/" + kPhoto + "-480.jpg");
  b.width = 300;
  b.height = 200;
  auto html = render({b, b});
  EXPECT_NE(html.find("srcset=\"/media/anh/3f/" + kPhoto + "-480.jpg 300w\""), std::string::npos) << html;
  EXPECT_EQ(html.find("-960"), std::string::npos);
  EXPECT_EQ(html.find("loading=\"lazy\""), html.rfind("loading=\"lazy\"")) << "the first figure loads at once, the next lazily";
}

TEST(RenderBlocks, APhotosCreditFollowsItsCaptionEscaped) {
  Block b = figure("Quang cảnh hội nghị.", "anh/3f/" + kPhoto + "-960.jpg");
  b.credit = "Đỗ <Hùng>";
  EXPECT_NE(render({b}).find("<figcaption>Quang cảnh hội nghị. <span class=\"credit\">Ảnh: Đỗ &lt;Hùng&gt;</span></figcaption>"),
            std::string::npos)
      << render({b});
  Block alone = figure("", "anh/3f/" + kPhoto + "-960.jpg");
  alone.credit = "TTXVN";
  EXPECT_NE(render({alone}).find("<figcaption><span class=\"credit\">Ảnh: TTXVN</span></figcaption>"), std::string::npos);
  EXPECT_EQ(render({figure("", "anh/3f/" + kPhoto + "-960.jpg")}).find("<figcaption>"), std::string::npos)
      << "no empty caption";
}

TEST(RenderBlocks, AnImportedFileStaysAPlainImage) {
  auto html = render({figure("Ảnh cũ", "2022/12/hoi-nghi.jpg")});
  EXPECT_EQ(html.find("<picture>"), std::string::npos);
  EXPECT_NE(html.find("<img src=\"/media/2022/12/hoi-nghi.jpg\""), std::string::npos) << html;
}

}  // namespace
}  // namespace toasoan::site
