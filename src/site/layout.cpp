#include "site/layout.hpp"

#include "site/media_path.hpp"
#include "site/routes.hpp"
#include "text/count.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {

using namespace render::literals;

namespace {

// "Thứ Sáu, 27/11/2026": the masthead's date, the date-time without its " HH:MM".
std::string today(std::int64_t now) {
  std::string s = text::format_vi_datetime(now);
  return s.size() > 6 ? s.substr(0, s.size() - 6) : s;
}

}  // namespace

void open_page(render::Html& h, const SiteInfo& site, const PageMeta& meta) {
  h << "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"_html;
  if (!meta.title.empty()) h << meta.title << " - "_html;
  h << site.name << "</title>"_html;
  if (!meta.description.empty())
    h << "<meta name=\"description\" content=\""_html << excerpt(meta.description, 300) << "\">"_html;
  if (!meta.canonical.empty())
    h << "<link rel=\"canonical\" href=\""_html << site.public_url << meta.canonical << "\">"_html;
  // Large previews in search results and news aggregators, for the pages they may show.
  if (meta.noindex) h << "<meta name=\"robots\" content=\"noindex\">"_html;
  else h << "<meta name=\"robots\" content=\"max-image-preview:large\">"_html;
  auto feed_link = [&](const FeedLink& f) {
    h << "<link rel=\"alternate\" type=\"application/rss+xml\" title=\""_html << f.title << "\" href=\""_html
      << f.path << "\">"_html;
  };
  feed_link(newest_feed());
  for (const auto& f : meta.feeds) feed_link(f);
  h << meta.head;
  h << "<link rel=\"stylesheet\" href=\""_html << site.assets->url("site.css") << "\">"_html
    << "</head><body><a class=\"skip\" href=\"#noi-dung\">Bỏ qua, đến nội dung chính</a>"_html
    << "<header class=\"masthead\"><div class=\"wrap\"><a class=\"brand\" href=\"/\">"_html << site.name
    << "</a><form class=\"masthead-search\" role=\"search\" action=\"/tim-kiem\"><label class=\"visually-hidden\" "
       "for=\"tu-khoa\">Tìm kiếm</label><input type=\"search\" id=\"tu-khoa\" name=\"q\" maxlength=\"500\" "
       "placeholder=\"Tìm kiếm\" list=\"goi-y\" autocomplete=\"off\"><datalist id=\"goi-y\"></datalist>"
       "<button type=\"submit\">Tìm</button></form><span class=\"today\">"_html
    << today(site.now) << "</span></div></header>"_html
    << "<nav class=\"sections\" aria-label=\"Chuyên mục\"><ul><li><a href=\"/\">Trang chủ</a></li>"_html;
  for (const auto& c : *site.categories) {
    h << "<li><a href=\""_html << category_path(c.slug) << "\""_html;
    if (c.slug == meta.active_category) h << " aria-current=\"page\""_html;
    h << ">"_html << c.name << "</a></li>"_html;
  }
  h << "</ul></nav><main id=\"noi-dung\"><div class=\"wrap\">"_html;
}

void close_page(render::Html& h, const SiteInfo& site, const PageMeta& meta) {
  h << "</div></main><footer class=\"footer\"><div class=\"wrap\"><p>© "_html << site.name
    << ". Trang tin điện tử chạy trên toasoan.</p><p><a href=\"/\">Trang chủ</a> · <a href=\"/rss/\">RSS</a></p></div></footer>"_html;
  if (meta.comments_script)
    h << "<script src=\""_html << site.assets->url("comments.js") << "\" defer></script>"_html;
  h << "<script src=\""_html << site.assets->url("search.js") << "\" defer></script>"_html;
  h << "</body></html>\n"_html;
}

FeedLink newest_feed() { return {"Tin mới nhất", "/rss/tin-moi-nhat.rss"}; }

std::string category_feed_path(std::string_view category_slug) {
  return "/rss/" + std::string(category_slug) + ".rss";
}

std::string media_url(std::string_view image) {
  if (image.empty()) return {};
  if (image.starts_with("https://") || image.starts_with("http://")) return std::string(image);
  // A path the server would not serve gets no link at all, rather than one that answers 404.
  if (!is_safe_media_path(image)) return {};
  return "/media/" + encode_media_path(image);
}

void headline_list(render::Html& h, const std::vector<articles::Summary>& items) {
  h << "<ul class=\"list\">"_html;
  for (const auto& s : items) {
    h << "<li><a href=\""_html << article_path(s) << "\">"_html << s.title << "</a><time datetime=\""_html
      << text::format_iso8601_vn(s.published_at) << "\">"_html << text::format_vi_datetime(s.published_at)
      << "</time>"_html;
    comment_count_link(h, s);
    h << "</li>"_html;
  }
  h << "</ul>"_html;
}

void comment_count_link(render::Html& h, const articles::Summary& s) {
  if (s.comment_count <= 0) return;
  h << " <a class=\"comment-count\" href=\""_html << article_path(s) << "#binh-luan\">"_html << s.comment_count
    << " bình luận</a>"_html;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  if (text::count_chars(text) <= max_chars) return std::string(text);
  std::string cut = text::truncate_chars(text, max_chars);
  auto space = cut.rfind(' ');
  if (space != std::string::npos && space > cut.size() / 2) cut.resize(space);
  while (!cut.empty() && (cut.back() == ',' || cut.back() == ' ' || cut.back() == ';')) cut.pop_back();
  return cut + "…";
}

}  // namespace toasoan::site
