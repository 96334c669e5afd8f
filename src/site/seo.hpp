// What a page tells search engines and sharing previews about itself: OpenGraph and Twitter
// card tags, and schema.org JSON-LD (NewsArticle and BreadcrumbList for an article; WebSite
// with a SearchAction and the newspaper's Organization for the home page). Written into the
// page's <head>; views only, no I/O.
#pragma once

#include "articles/article.hpp"
#include "render/html.hpp"
#include "site/layout.hpp"

namespace toasoan::site {

// The article's lead photo (articles::lead_photo) as an absolute URL, or the site's
// default picture when it has none.
std::string share_image(const SiteInfo& site, const articles::Article& a);

void article_metadata(render::Html& head, const SiteInfo& site, const articles::Article& a);
void home_metadata(render::Html& head, const SiteInfo& site);

}  // namespace toasoan::site
