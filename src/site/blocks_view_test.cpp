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

}  // namespace
}  // namespace toasoan::site
