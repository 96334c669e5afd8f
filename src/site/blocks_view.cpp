#include "site/blocks_view.hpp"

#include "site/layout.hpp"

namespace toasoan::site {

using namespace render::literals;
using articles::Block;

void render_blocks(render::Html& h, const std::vector<Block>& blocks, int eager_figures) {
  int figures = 0;
  for (const auto& b : blocks) {
    switch (b.type) {
      case Block::Type::paragraph:
        h << "<p>"_html << b.text << "</p>"_html;
        break;
      case Block::Type::heading:
        h << "<h2>"_html << b.text << "</h2>"_html;
        break;
      case Block::Type::quote:
        h << "<blockquote><p>"_html << b.text << "</p>"_html;
        if (!b.cite.empty()) h << "<footer>— "_html << b.cite << "</footer>"_html;
        h << "</blockquote>"_html;
        break;
      case Block::Type::figure: {
        h << "<figure>"_html;
        std::string src = media_url(b.image);
        if (src.empty()) {
          h << "<div class=\"photo-missing\" aria-hidden=\"true\"></div>"_html;
        } else {
          const std::string& alt = b.alt.empty() ? b.caption : b.alt;
          h << "<img src=\""_html << src << "\" alt=\""_html << alt << "\""_html;
          if (b.width > 0 && b.height > 0)
            h << " width=\""_html << b.width << "\" height=\""_html << b.height << "\""_html;
          if (figures >= eager_figures) h << " loading=\"lazy\""_html;
          h << " decoding=\"async\">"_html;
        }
        ++figures;
        if (!b.caption.empty()) h << "<figcaption>"_html << b.caption << "</figcaption>"_html;
        h << "</figure>"_html;
        break;
      }
    }
  }
}

}  // namespace toasoan::site
