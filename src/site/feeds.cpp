#include "site/feeds.hpp"

#include "media/variants.hpp"
#include "site/assets.hpp"
#include "site/routes.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {

using namespace render::literals;

std::string rss(const SiteInfo& site, const Feed& feed, const ImageBytes& image_bytes) {
  render::Xml x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>"_html
    << site.name << " - "_html << feed.title << "</title><link>"_html << site.public_url << feed.link
    << "</link><description>"_html << feed.title << " trên "_html << site.name
    << "</description><language>vi</language><atom:link href=\""_html << site.public_url << feed.path
    << "\" rel=\"self\" type=\"application/rss+xml\"/>"_html;
  if (!feed.items.empty())
    x << "<lastBuildDate>"_html << text::format_rfc822_vn(feed.items.front().published_at) << "</lastBuildDate>"_html;
  for (const auto& s : feed.items) {
    std::string link = site.public_url + article_path(s);
    x << "<item><title>"_html << s.title << "</title><link>"_html << link << "</link><description>"_html << s.lead
      << "</description><pubDate>"_html << text::format_rfc822_vn(s.published_at)
      << "</pubDate><guid isPermaLink=\"true\">"_html << link << "</guid><category>"_html << s.category_name
      << "</category>"_html;
    // An uploaded photo's enclosure is its 1200-wide JPEG, as its link preview.
    const std::string shared = media::photo_variant_or(s.image, "social", "jpeg");
    if (std::string image = media_url(shared); !image.empty()) {
      if (!image.starts_with("http")) image = site.public_url + image;
      x << "<enclosure url=\""_html << image << "\" length=\""_html << image_bytes(shared) << "\" type=\""_html
        << content_type_for(shared) << "\"/>"_html;
    }
    x << "</item>"_html;
  }
  x << "</channel></rss>\n"_html;
  return x.take();
}

std::string feeds_page(const SiteInfo& site) {
  render::Html h;
  PageMeta meta;
  meta.title = "RSS";
  meta.description = "Các kênh RSS của " + site.name + ": tin mới nhất và từng chuyên mục.";
  meta.canonical = "/rss/";
  for (const auto& c : *site.categories) meta.feeds.push_back({c.name, category_feed_path(c.slug)});
  open_page(h, site, meta);
  h << "<h1>Kênh RSS</h1><p>Theo dõi tin của "_html << site.name
    << " trong trình đọc tin bằng các địa chỉ dưới đây.</p><ul class=\"list\">"_html;
  auto item = [&](const FeedLink& f) {
    h << "<li><a href=\""_html << f.path << "\">"_html << f.title << "</a> <code>"_html << site.public_url << f.path
      << "</code></li>"_html;
  };
  item(newest_feed());
  for (const auto& f : meta.feeds) item(f);
  h << "</ul>"_html;
  close_page(h, site, meta);
  return h.take();
}

std::string robots_txt(const SiteInfo& site) {
  return "User-agent: *\nDisallow: /api/\nAllow: /\n\nSitemap: " + site.public_url + "/sitemap.xml\nSitemap: " +
         site.public_url + "/sitemap-news.xml\n";
}

}  // namespace toasoan::site
