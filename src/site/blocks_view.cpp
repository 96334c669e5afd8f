#include "site/blocks_view.hpp"

#include "articles/runs.hpp"
#include "media/variants.hpp"
#include "site/layout.hpp"

namespace toasoan::site {

using namespace render::literals;
using articles::Block;

namespace {

// A block's text with its marks: each run escaped, inside <a>, <strong> and <em> as it is
// marked. The parsers let only allowed links into a body; one that got in some other way (an
// old row, a hand-edited database) is checked again here and shows as plain text.
void render_runs(render::Html& h, const std::vector<articles::Run>& runs, const std::string& text) {
  if (runs.empty()) {
    h << text;
    return;
  }
  for (const auto& r : runs) {
    const bool link = !r.link.empty() && articles::allowed_link(r.link);
    if (link) h << "<a href=\""_html << r.link << "\" rel=\"nofollow noopener\">"_html;
    if (r.bold) h << "<strong>"_html;
    if (r.italic) h << "<em>"_html;
    h << r.text;
    if (r.italic) h << "</em>"_html;
    if (r.bold) h << "</strong>"_html;
    if (link) h << "</a>"_html;
  }
}

// How wide the article column is drawn (site.css: .wrap, .layout): the browser picks the
// narrowest variant that fills it at the screen's density.
constexpr const char* kFigureSizes = "(min-width: 72rem) 50rem, (min-width: 48rem) calc(100vw - 22rem), calc(100vw - 2rem)";

// An uploaded photo (its image names one of its variants): WebP for the browsers that take it,
// JPEG for the rest, each in every width the photo has. False when the figure is not one.
bool render_picture(render::Html& h, const Block& b, const std::string& alt, bool lazy) {
  auto photo = media::parse_variant_path(b.image);
  if (!photo || b.width <= 0 || b.height <= 0) return false;
  std::string webp, jpeg, fallback;
  for (const auto& slot : media::slots_for(b.width, b.height)) {
    if (slot.name == "social") continue;
    std::string& set = slot.format == "webp" ? webp : jpeg;
    std::string url = media_url(media::variant_path(photo->hash, slot.name, slot.format));
    if (!set.empty()) set += ", ";
    set += url + " " + std::to_string(slot.width) + "w";
    // The one a browser without srcset shows: 960 wide when there is one.
    if (slot.format == "jpeg" && (fallback.empty() || slot.name == "960")) fallback = std::move(url);
  }
  h << "<picture><source type=\"image/webp\" srcset=\""_html << webp << "\" sizes=\""_html << kFigureSizes
    << "\"><img src=\""_html << fallback << "\" srcset=\""_html << jpeg << "\" sizes=\""_html << kFigureSizes
    << "\" alt=\""_html << alt << "\" width=\""_html << b.width << "\" height=\""_html << b.height << "\""_html;
  if (lazy) h << " loading=\"lazy\""_html;
  h << " decoding=\"async\"></picture>"_html;
  return true;
}

}  // namespace

void render_blocks(render::Html& h, const std::vector<Block>& blocks, int eager_figures) {
  int figures = 0;
  for (const auto& b : blocks) {
    switch (b.type) {
      case Block::Type::paragraph:
        h << "<p>"_html;
        render_runs(h, b.runs, b.text);
        h << "</p>"_html;
        break;
      case Block::Type::heading:
        h << "<h2>"_html;
        render_runs(h, b.runs, b.text);
        h << "</h2>"_html;
        break;
      case Block::Type::list:
        h << (b.ordered ? "<ol>"_html : "<ul>"_html);
        for (const auto& item : b.items) {
          h << "<li>"_html;
          render_runs(h, item, {});
          h << "</li>"_html;
        }
        h << (b.ordered ? "</ol>"_html : "</ul>"_html);
        break;
      case Block::Type::quote:
        h << "<blockquote><p>"_html;
        render_runs(h, b.runs, b.text);
        h << "</p>"_html;
        if (!b.cite.empty()) h << "<footer>— "_html << b.cite << "</footer>"_html;
        h << "</blockquote>"_html;
        break;
      case Block::Type::figure: {
        h << "<figure>"_html;
        std::string src = media_url(b.image);
        const std::string& shown_alt = b.alt.empty() ? b.caption : b.alt;
        if (src.empty()) {
          h << "<div class=\"photo-missing\" aria-hidden=\"true\"></div>"_html;
        } else if (!render_picture(h, b, shown_alt, figures >= eager_figures)) {
          h << "<img src=\""_html << src << "\" alt=\""_html << shown_alt << "\""_html;
          if (b.width > 0 && b.height > 0)
            h << " width=\""_html << b.width << "\" height=\""_html << b.height << "\""_html;
          if (figures >= eager_figures) h << " loading=\"lazy\""_html;
          h << " decoding=\"async\">"_html;
        }
        ++figures;
        if (!b.caption.empty() || !b.credit.empty()) {
          h << "<figcaption>"_html << b.caption;
          // After the caption, as the paper prints it: "Ảnh: Đỗ Hùng".
          if (!b.credit.empty()) {
            if (!b.caption.empty()) h << " ";
            h << "<span class=\"credit\">Ảnh: "_html << b.credit << "</span>"_html;
          }
          h << "</figcaption>"_html;
        }
        h << "</figure>"_html;
        break;
      }
    }
  }
}

}  // namespace toasoan::site
