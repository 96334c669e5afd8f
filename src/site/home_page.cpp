#include "site/pages.hpp"

#include "media/variants.hpp"
#include "site/routes.hpp"
#include "site/seo.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {

using namespace render::literals;

namespace {

void time_tag(render::Html& h, std::int64_t t) {
  h << "<time datetime=\""_html << text::format_iso8601_vn(t) << "\">"_html << text::format_vi_datetime(t)
    << "</time>"_html;
}

// A story with its photo (when it has one), headline, date and lead.
void card(render::Html& h, const articles::Summary& s, bool eager, std::string_view heading_tag) {
  std::string href = article_path(s);
  // An uploaded photo's narrowest JPEG: a card is a column of a phone's screen at most.
  std::string src = media_url(media::photo_variant_or(s.image, "480", "jpeg"));
  if (!src.empty()) {
    h << "<a href=\""_html << href << "\" tabindex=\"-1\" aria-hidden=\"true\"><img src=\""_html << src
      << "\" alt=\"\""_html;
    if (s.image_width > 0 && s.image_height > 0)
      h << " width=\""_html << s.image_width << "\" height=\""_html << s.image_height << "\""_html;
    if (!eager) h << " loading=\"lazy\""_html;
    h << " decoding=\"async\"></a>"_html;
  }
  if (heading_tag == "h2") h << "<h2><a href=\""_html << href << "\">"_html << s.title << "</a></h2>"_html;
  else h << "<h3><a href=\""_html << href << "\">"_html << s.title << "</a></h3>"_html;
  time_tag(h, s.published_at);
  comment_count_link(h, s);
  h << "<p>"_html << excerpt(s.lead, 220) << "</p>"_html;
}

}  // namespace

std::string home_page(const SiteInfo& site, const HomePageData& d) {
  render::Html h;
  PageMeta meta;
  meta.description = site.name + " — tin tức thời sự, kinh tế, xã hội, văn hóa, thể thao mới nhất.";
  meta.canonical = "/";
  home_metadata(meta.head, site);
  open_page(h, site, meta);
  h << "<h1 class=\"visually-hidden\">"_html << site.name << " — Tin tức mới nhất</h1>"_html;
  if (d.newest.empty()) {
    h << "<p>Chưa có bài viết nào.</p>"_html;
  } else {
    h << "<section class=\"top\" aria-label=\"Tin nổi bật\"><div class=\"card\">"_html;
    card(h, d.newest.front(), /*eager=*/true, "h2");
    h << "</div><div><h2>Tin mới</h2>"_html;
    std::vector<articles::Summary> rest(d.newest.begin() + 1, d.newest.end());
    headline_list(h, rest);
    h << "</div></section>"_html;
  }
  for (const auto& section : d.sections) {
    if (section.items.empty()) continue;
    h << "<section class=\"section-block\"><h2><a href=\""_html << category_path(section.category.slug) << "\">"_html
      << section.category.name << "</a></h2><ul class=\"cards\">"_html;
    for (const auto& s : section.items) {
      h << "<li class=\"card\">"_html;
      card(h, s, false, "h3");
      h << "</li>"_html;
    }
    h << "</ul></section>"_html;
  }
  close_page(h, site, meta);
  return h.take();
}

std::string category_page(const SiteInfo& site, const CategoryPageData& d) {
  render::Html h;
  PageMeta meta;
  meta.title = d.page > 1 ? d.category.name + " - Trang " + std::to_string(d.page) : d.category.name;
  meta.description = "Tin tức " + d.category.name + " mới nhất trên " + site.name + ".";
  std::string base = category_path(d.category.slug);
  meta.canonical = d.page > 1 ? base + "?page=" + std::to_string(d.page) : base;
  meta.active_category = d.category.slug;
  meta.feeds.push_back({d.category.name, category_feed_path(d.category.slug)});
  open_page(h, site, meta);
  h << "<nav class=\"crumbs\" aria-label=\"Vị trí\"><ol><li><a href=\"/\">Trang chủ</a></li><li>"_html
    << d.category.name << "</li></ol></nav><h1>"_html << d.category.name << "</h1>"_html;
  if (d.items.empty()) {
    h << "<p>Chuyên mục chưa có bài viết.</p>"_html;
  } else {
    h << "<ul class=\"cards\">"_html;
    bool first = d.page == 1;
    for (const auto& s : d.items) {
      h << "<li class=\"card\">"_html;
      card(h, s, first, "h2");
      first = false;
      h << "</li>"_html;
    }
    h << "</ul>"_html;
  }
  if (d.pages > 1) {
    h << "<nav class=\"pager\" aria-label=\"Phân trang\"><span>"_html;
    if (d.page > 1)
      h << "<a rel=\"prev\" href=\""_html << (d.page == 2 ? base : base + "?page=" + std::to_string(d.page - 1))
        << "\">← Trang trước</a>"_html;
    h << "</span><span>Trang "_html << d.page << "/"_html << d.pages << "</span><span>"_html;
    if (d.page < d.pages)
      h << "<a rel=\"next\" href=\""_html << base << "?page="_html << (d.page + 1) << "\">Trang sau →</a>"_html;
    h << "</span></nav>"_html;
  }
  close_page(h, site, meta);
  return h.take();
}

}  // namespace toasoan::site
