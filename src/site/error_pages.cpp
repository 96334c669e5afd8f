#include "site/pages.hpp"

namespace toasoan::site {

using namespace render::literals;

std::string not_found_page(const SiteInfo& site) {
  render::Html h;
  PageMeta meta;
  meta.title = "Không tìm thấy trang";
  open_page(h, site, meta);
  h << "<div class=\"notfound\"><h1>Không tìm thấy trang</h1>"
       "<p>Trang bạn tìm không tồn tại hoặc đã được chuyển đi nơi khác.</p>"
       "<p><a href=\"/\">Về trang chủ</a> để đọc tin mới nhất.</p></div>"_html;
  close_page(h, site, meta);
  return h.take();
}

std::string gone_page(const SiteInfo& site) {
  render::Html h;
  PageMeta meta;
  meta.title = "Bài viết đã được gỡ";
  meta.noindex = true;
  open_page(h, site, meta);
  h << "<div class=\"notfound\"><h1>Bài viết đã được gỡ</h1>"
       "<p>Bài viết này không còn trên báo.</p>"
       "<p><a href=\"/\">Về trang chủ</a> để đọc tin mới nhất.</p></div>"_html;
  close_page(h, site, meta);
  return h.take();
}

std::string unavailable_page(const SiteInfo& site) {
  render::Html h;
  PageMeta meta;
  meta.title = "Tạm thời gián đoạn";
  open_page(h, site, meta);
  h << "<div class=\"notfound\"><h1>Trang tạm thời gián đoạn</h1>"
       "<p>Hệ thống đang bận hoặc đang bảo trì. Bạn vui lòng thử lại sau ít phút.</p></div>"_html;
  close_page(h, site, meta);
  return h.take();
}

}  // namespace toasoan::site
