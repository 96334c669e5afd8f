#include "site/blocks_view.hpp"
#include "site/comments_view.hpp"
#include "site/pages.hpp"
#include "site/routes.hpp"
#include "site/seo.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {

using namespace render::literals;

namespace {

// The newsroom's latest correction, after the body where a reader who read the article finds
// it: when it was made, and what it says.
void correction_box(render::Html& h, const articles::Article& a) {
  if (a.correction_note.empty()) return;
  h << "<section class=\"box correction\" aria-labelledby=\"dinh-chinh\"><h2 id=\"dinh-chinh\">Đính chính</h2>"_html;
  if (a.corrected_at != 0)
    h << "<p class=\"meta\"><time datetime=\""_html << text::format_iso8601_vn(a.corrected_at) << "\">"_html
      << text::format_vi_datetime(a.corrected_at) << "</time></p>"_html;
  h << "<p>"_html << a.correction_note << "</p></section>"_html;
}

// The article page; a preview adds its banner, keeps out of search engines, and names no live
// address for an article that is not live.
std::string render_article(const SiteInfo& site, const ArticlePageData& d, bool preview) {
  const articles::Article& a = *d.article;
  const bool live = a.status == articles::Status::published && !a.slug.empty() && a.published_at <= site.now;
  render::Html h;
  PageMeta meta;
  meta.title = a.title;
  meta.description = a.lead;
  meta.active_category = a.category_slug;
  meta.comments_script = true;
  meta.feeds.push_back({a.category_name, category_feed_path(a.category_slug)});
  meta.noindex = preview;
  if (!preview || live) {
    meta.canonical = article_path(a);
    article_metadata(meta.head, site, a);
  }
  open_page(h, site, meta);
  if (preview)
    h << "<p class=\"preview-banner\" role=\"status\" style=\"background:#fff3cd;border:2px solid #9e1b20;"
         "padding:.5rem 1rem;font-weight:700;text-align:center\">Bản xem trước — chưa xuất bản</p>"_html;
  h << "<nav class=\"crumbs\" aria-label=\"Vị trí\"><ol><li><a href=\"/\">Trang chủ</a></li><li><a href=\""_html
    << category_path(a.category_slug) << "\">"_html << a.category_name << "</a></li></ol></nav>"_html;
  h << "<div class=\"layout\"><div><article class=\"article\"><h1>"_html << a.title << "</h1>"_html
    << "<p class=\"meta\"><time datetime=\""_html << text::format_iso8601_vn(a.published_at) << "\">"_html
    << text::format_vi_datetime(a.published_at) << "</time></p>"_html;
  if (!a.lead.empty()) h << "<p class=\"lead\">"_html << a.lead << "</p>"_html;
  h << "<div class=\"body\">"_html;
  render_blocks(h, a.blocks);
  h << "</div>"_html;
  correction_box(h, a);
  if (!a.authors.empty()) h << "<p class=\"byline\">"_html << articles::byline(a.authors) << "</p>"_html;
  h << "</article>"_html;
  if (d.comments) {
    comment_section(h, *d.comments);
  } else {
    // A preview: the section as it will open, empty.
    CommentSection empty;
    empty.article_id = a.id;
    empty.article_path = article_path(a);
    empty.closed = a.comments_closed;
    comment_section(h, empty);
  }
  h << "</div><aside>"_html;
  h << "<section class=\"box\" aria-labelledby=\"tin-moi\"><h2 id=\"tin-moi\">Tin mới</h2>"_html;
  h << d.latest << "</section>"_html;
  if (!d.related.empty()) {
    h << "<section class=\"box\" aria-labelledby=\"cung-chuyen-muc\"><h2 id=\"cung-chuyen-muc\">Cùng chuyên mục "_html
      << a.category_name << "</h2>"_html;
    h << d.related << "</section>"_html;
  }
  h << "</aside></div>"_html;
  close_page(h, site, meta);
  return h.take();
}

}  // namespace

std::string article_page(const SiteInfo& site, const ArticlePageData& d) { return render_article(site, d, false); }

std::string article_preview_page(const SiteInfo& site, const ArticlePageData& d) {
  // An article never published has no time yet: it shows the time it would have if published now.
  if (d.article->published_at != 0) return render_article(site, d, true);
  articles::Article a = *d.article;
  a.published_at = site.now;
  ArticlePageData now_data = d;
  now_data.article = &a;
  return render_article(site, now_data, true);
}

}  // namespace toasoan::site
