#include "site/search_page.hpp"

#include "search/highlight.hpp"
#include "site/routes.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {

using namespace render::literals;

namespace {

void percent_encode(std::string& out, std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
}

void filters(render::Html& h, const SiteInfo& site, const SearchPageData& d) {
  h << "<form class=\"search-form\" role=\"search\" action=\"/tim-kiem\"><p><label for=\"q\">Từ khóa</label>"
       "<input type=\"search\" id=\"q\" name=\"q\" maxlength=\"500\" value=\""_html
    << d.text << "\"></p><details class=\"search-more\""_html;
  // The filters fold away on a phone; they stay open once the reader has used one.
  if (!d.category.empty() || !d.from.empty() || !d.to.empty() || d.newest) h << " open"_html;
  h << "><summary>Lọc và sắp xếp</summary><div class=\"search-filters\"><p><label for=\"category\">Chuyên mục</label>"
                 "<select id=\"category\" name=\"category\"><option value=\"\">Tất cả</option>"_html;
  for (const auto& c : *site.categories) {
    h << "<option value=\""_html << c.slug << "\""_html;
    if (c.slug == d.category) h << " selected"_html;
    h << ">"_html << c.name << "</option>"_html;
  }
  h << "</select></p><p><label for=\"from\">Từ ngày</label><input type=\"date\" id=\"from\" name=\"from\" value=\""_html
    << d.from << "\"></p><p><label for=\"to\">Đến ngày</label><input type=\"date\" id=\"to\" name=\"to\" value=\""_html
    << d.to << "\"></p><p><label for=\"sort\">Sắp xếp</label><select id=\"sort\" name=\"sort\">"
               "<option value=\"relevance\">Phù hợp nhất</option><option value=\"newest\""_html;
  if (d.newest) h << " selected"_html;
  h << ">Mới nhất</option></select></p></div></details><p><button type=\"submit\">Tìm kiếm</button></p></form>"_html;
}

}  // namespace

std::string search_query_string(const SearchPageData& d, int page) {
  std::string q = "q=";
  percent_encode(q, d.text);
  if (!d.category.empty()) q.append("&category=").append(d.category);
  if (!d.from.empty()) q.append("&from=").append(d.from);
  if (!d.to.empty()) q.append("&to=").append(d.to);
  if (d.newest) q.append("&sort=newest");
  if (d.per_page != kSearchPerPage) q.append("&per_page=").append(std::to_string(d.per_page));
  if (page > 1) q.append("&page=").append(std::to_string(page));
  return q;
}

std::string search_page(const SiteInfo& site, const SearchPageData& d) {
  render::Html h;
  PageMeta meta;
  meta.title = d.text.empty() ? "Tìm kiếm" : "Tìm kiếm: " + d.text;
  meta.description = "Tìm bài viết trên " + site.name + ".";
  open_page(h, site, meta);
  h << "<h1>Tìm kiếm</h1>"_html;
  filters(h, site, d);
  if (!d.error.empty()) {
    h << "<p class=\"notice\" role=\"alert\">"_html << d.error << "</p>"_html;
    close_page(h, site, meta);
    return h.take();
  }
  if (d.truncated)
    h << "<p class=\"notice\">Từ khóa quá dài: chỉ phần đầu (500 byte) được dùng để tìm.</p>"_html;
  if (d.query.empty()) {
    if (!d.text.empty())
      h << "<p class=\"no-results\">Từ khóa không có chữ hay số nào để tìm. Bạn hãy nhập vài từ, có dấu hoặc không dấu.</p>"_html;
    else
      h << "<p>Nhập vài từ trong tiêu đề hay nội dung bài viết, có dấu hoặc không dấu: "
           "“nghị quyết”, “nghi quyet” và “nghij quyeets” đều tìm được.</p>"_html;
    close_page(h, site, meta);
    return h.take();
  }
  if (d.total == 0) {
    h << "<p class=\"no-results\">Không tìm thấy bài viết nào cho «"_html << d.text
      << "».</p><ul><li>Kiểm tra lại chính tả, hoặc gõ không dấu.</li><li>Dùng ít từ hơn, hoặc từ khác cùng nghĩa.</li>"
         "<li>Bỏ bớt bộ lọc chuyên mục và ngày.</li></ul>"_html;
    close_page(h, site, meta);
    return h.take();
  }
  h << "<p class=\"search-count\">Tìm thấy "_html << (d.total_estimated ? "khoảng " : "") << d.total << " kết quả cho «"_html
    << d.text << "»</p>"_html;
  h << "<ol class=\"results\" start=\""_html << ((d.page - 1) * d.per_page + 1) << "\">"_html;
  for (const auto& r : d.results) {
    const auto& s = r.summary;
    h << "<li><h2><a href=\""_html << article_path(s) << "\">"_html;
    search::highlight(h, s.title, d.query);
    h << "</a></h2><p class=\"meta\"><a href=\""_html << category_path(s.category_slug) << "\">"_html
      << s.category_name << "</a> · <time datetime=\""_html << text::format_iso8601_vn(s.published_at) << "\">"_html
      << text::format_vi_datetime(s.published_at) << "</time>"_html;
    comment_count_link(h, s);
    h << "</p><p class=\"snippet\">"_html;
    search::snippet(h, r.text, d.query);
    h << "</p></li>"_html;
  }
  h << "</ol>"_html;
  if (d.pages > 1) {
    h << "<nav class=\"pager\" aria-label=\"Phân trang\"><span>"_html;
    if (d.page > 1)
      h << "<a rel=\"prev\" href=\"/tim-kiem?"_html << search_query_string(d, d.page - 1) << "\">← Trang trước</a>"_html;
    h << "</span><span>Trang "_html << d.page << "/"_html << d.pages << "</span><span>"_html;
    if (d.page < d.pages)
      h << "<a rel=\"next\" href=\"/tim-kiem?"_html << search_query_string(d, d.page + 1) << "\">Trang sau →</a>"_html;
    h << "</span></nav>"_html;
  }
  close_page(h, site, meta);
  return h.take();
}

}  // namespace toasoan::site
