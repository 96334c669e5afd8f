#include "site/site.hpp"

#include <charconv>
#include <fstream>

#include "base/clock.hpp"
#include "base/log.hpp"
#include "site/feeds.hpp"
#include "site/media_path.hpp"
#include "site/pages.hpp"
#include "search/highlight.hpp"
#include "site/search_page.hpp"
#include "site/search_params.hpp"
#include "site/sitemaps.hpp"
#include "text/datetime.hpp"
#include "site/routes.hpp"

namespace toasoan::site {
namespace {

// Pages change whenever the newsroom publishes; browsers revalidate every time, which costs
// a 304 when nothing changed.
constexpr const char* kPageCacheControl = "no-cache";
// Media never changes under one name: an edited photo is uploaded under a new one.
constexpr const char* kMediaCacheControl = "public, max-age=2592000";
constexpr std::uintmax_t kMaxMediaBytes = 64u << 20;
constexpr int kMaxPage = 100000;
// Longer queries (a search of hundreds of Vietnamese letters, percent-encoded) are not cached.
constexpr std::size_t kMaxCachedQueryBytes = 512;

constexpr const char* kHtml = "text/html; charset=utf-8";

// "page=N" as a page number: absent is 1; anything but 1..kMaxPage is no page at all.
std::optional<int> page_number(std::string_view query) { return http::int_param(query, "page", 1, 1, kMaxPage); }

}  // namespace

Site::Site(store::Store& store, SiteConfig config)
    : store_(store),
      config_(std::move(config)),
      // An eighth of the budget for pages keyed by what readers type; the total stays cache_bytes.
      cache_(config_.cache_bytes - config_.cache_bytes / 8, config_.cache_bytes / 8),
      searcher_(store, config_.search) {}

SiteInfo Site::info(const Categories& cats) const {
  SiteInfo i;
  i.name = config_.name;
  i.public_url = config_.public_url;
  i.categories = &cats;
  i.assets = &assets_;
  i.now = unix_now();
  i.default_image = config_.default_image.empty() ? config_.public_url + assets_.url("og-default.png")
                                                  : config_.default_image;
  i.logo = config_.logo.empty() ? config_.public_url + assets_.url("logo.png") : config_.logo;
  return i;
}

void Site::set_public_url(std::string url) {
  while (url.ends_with("/")) url.pop_back();
  config_.public_url = std::move(url);
}

void Site::content_changed() {
  {
    std::lock_guard lock(categories_mutex_);
    categories_.reset();
  }
  cache_.clear();
}

std::shared_ptr<const Site::Categories> Site::categories() {
  std::lock_guard lock(categories_mutex_);
  if (!categories_) {
    auto loaded = store_.categories();
    if (!loaded) {
      log::warn("categories: " + loaded.error().message);
      return nullptr;
    }
    categories_ = std::make_shared<const Categories>(std::move(*loaded));
  }
  return categories_;
}

void Site::handle(const http::Request& req, http::Response& res) {
  Route route = parse_route(req.path);
  bool read_only = req.method == "GET" || req.method == "HEAD";
  if (!read_only) {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.content_type = "text/plain; charset=utf-8";
    res.body = "Method Not Allowed";
    return;
  }
  if (route.kind == Route::Kind::asset) {
    if (const CachedPage* a = assets_.find(route.rest)) return respond(req, res, *a);
  }

  // The cache key: the path, and of the query only what selects a different page. A query too
  // long to key on whole is answered fresh: cutting the key would serve one page for another.
  std::string key(req.path);
  bool cacheable = true;
  if (route.kind == Route::Kind::category || route.kind == Route::Kind::api || route.kind == Route::Kind::search) {
    cacheable = req.query.size() <= kMaxCachedQueryBytes;
    if (!req.query.empty()) key.append("?").append(req.query);
  }
  if (cacheable)
    if (auto hit = cache_.get(key)) return respond(req, res, *hit);

  auto ticket = cache_.ticket();
  auto page = render(req, route);
  // Search and API answers are keyed by what readers type: their own budget, so a flood of
  // unique queries cannot push the hot pages out.
  auto cls = (route.kind == Route::Kind::search || route.kind == Route::Kind::api) && !req.query.empty()
                 ? CacheClass::query
                 : CacheClass::page;
  if (cacheable && (page->status == 200 || page->status == 301)) cache_.put(key, page, {}, cls, ticket);
  respond(req, res, *page);
}

std::shared_ptr<const CachedPage> Site::render(const http::Request& req, const Route& route) {
  static const Categories none;
  auto cats = categories();
  if (!cats) return error_page(none, 503);
  std::string_view path = req.path;
  switch (route.kind) {
    case Route::Kind::home: return render_home(*cats);
    case Route::Kind::category: return render_category(*cats, route.category_slug, req.query);
    case Route::Kind::article: return render_article(*cats, route.id, path);
    case Route::Kind::api: return render_api(*cats, route.rest, req.query);
    case Route::Kind::media: return media_file(*cats, route.rest);
    case Route::Kind::feed: return render_feed(*cats, route.rest);
    case Route::Kind::sitemap: return render_sitemap(*cats, route.rest);
    case Route::Kind::search: return render_search(*cats, req.query);
    case Route::Kind::feeds: return CachedPage::make(200, kHtml, feeds_page(info(*cats)), kPageCacheControl);
    case Route::Kind::robots:
      return CachedPage::make(200, "text/plain; charset=utf-8", robots_txt(info(*cats)), kPageCacheControl);
    default: break;
  }
  // "/thoi-su" for "/thoi-su/": a reader typed the section's address by hand.
  if (path.size() > 1 && path.find('/', 1) == std::string_view::npos) {
    for (const auto& c : *cats)
      if (path.substr(1) == c.slug) return redirect(category_path(c.slug));
  }
  return error_page(*cats, 404);
}

std::shared_ptr<const CachedPage> Site::redirect(const std::string& location) {
  return CachedPage::moved(location);
}

std::shared_ptr<const CachedPage> Site::error_page(const Categories& cats, int status) {
  std::string body = status == 404 ? not_found_page(info(cats)) : unavailable_page(info(cats));
  return CachedPage::make(status, kHtml, std::move(body), "no-store");
}

std::shared_ptr<const CachedPage> Site::render_home(const Categories& cats) {
  HomePageData d;
  auto newest = store_.latest({std::nullopt, config_.latest_count + 1, 0});
  if (!newest) return error_page(cats, 503);
  d.newest = std::move(*newest);
  for (const auto& c : cats) {
    auto items = store_.latest({c.id, 3, 0});
    if (!items) return error_page(cats, 503);
    d.sections.push_back({c, std::move(*items)});
  }
  return CachedPage::make(200, kHtml, home_page(info(cats), d), kPageCacheControl);
}

std::shared_ptr<const CachedPage> Site::render_category(const Categories& cats, std::string_view slug,
                                                        std::string_view query) {
  const articles::Category* cat = nullptr;
  for (const auto& c : cats)
    if (c.slug == slug) cat = &c;
  auto page = page_number(query);
  if (!cat || !page) return error_page(cats, 404);
  auto total = store_.count_published(cat->id);
  if (!total) return error_page(cats, 503);
  int pages = std::max<std::int64_t>(1, (*total + config_.page_size - 1) / config_.page_size);
  if (*page > pages) return error_page(cats, 404);
  auto items = store_.latest({cat->id, config_.page_size, (*page - 1) * config_.page_size});
  if (!items) return error_page(cats, 503);
  CategoryPageData d{*cat, std::move(*items), *page, pages};
  return CachedPage::make(200, kHtml, category_page(info(cats), d), kPageCacheControl);
}

std::shared_ptr<const CachedPage> Site::render_article(const Categories& cats, std::int64_t id, std::string_view path) {
  auto found = store_.article(id);
  if (!found) return error_page(cats, 503);
  if (!found->has_value() || (*found)->status != articles::Status::published) return error_page(cats, 404);
  const articles::Article& a = **found;
  std::string canonical = article_path(a);
  // An old or mistyped slug: send readers and search engines to the one true address.
  if (path != canonical) return redirect(canonical);
  ArticlePageData d;
  d.article = &a;
  auto latest = store_.latest({std::nullopt, config_.latest_count + 1, 0});
  if (!latest) return error_page(cats, 503);
  for (auto& s : *latest)
    if (s.id != a.id && static_cast<int>(d.latest.size()) < config_.latest_count) d.latest.push_back(std::move(s));
  auto related = store_.latest({a.category_id, 6, 0});
  if (!related) return error_page(cats, 503);
  for (auto& s : *related)
    if (s.id != a.id && d.related.size() < 5) d.related.push_back(std::move(s));
  return CachedPage::make(200, kHtml, article_page(info(cats), d), kPageCacheControl);
}

std::vector<std::string> Site::snippet_texts(const std::vector<articles::Summary>& results,
                                             const search::Query& query) {
  // Enough for any known-item match (they come from titles and leads) and short enough that
  // choosing the snippet stays in microseconds.
  constexpr std::size_t kSnippetSourceBytes = 4000;
  std::vector<std::string> out;
  std::vector<std::int64_t> need_body;  // results whose title and lead do not show the whole query
  for (const auto& s : results) {
    out.push_back(s.lead);
    // The title is shown above the snippet with its matches marked: what it shows, the
    // snippet need not show again.
    if (!search::finds_every_group({s.title, s.lead}, query)) need_body.push_back(s.id);
  }
  if (need_body.empty()) return out;
  auto read = store_.articles(need_body);  // one round trip for the page
  if (!read) return out;  // the store is briefly away: the leads still serve
  for (std::size_t i = 0; i < results.size(); ++i)
    for (const auto& a : *read) {
      if (a.id != results[i].id) continue;
      std::string& text = out[i];
      text = a.lead;
      for (const auto& b : a.blocks) {
        if (text.size() >= kSnippetSourceBytes) break;
        if (b.type == articles::Block::Type::figure) continue;
        // One long paragraph is cut too, at a character's first byte.
        std::size_t take = std::min(b.text.size(), kSnippetSourceBytes - text.size());
        while (take < b.text.size() && take > 0 && (static_cast<unsigned char>(b.text[take]) & 0xC0u) == 0x80u) --take;
        text.append("\n").append(b.text, 0, take);
      }
    }
  return out;
}

std::shared_ptr<const CachedPage> Site::render_search(const Categories& cats, std::string_view query) {
  SearchParams p = read_search_params(query, cats, kSearchPerPage);
  SearchPageData d;
  d.text = p.request.text;
  d.category = p.category;
  d.from = p.from;
  d.to = p.to;
  d.newest = p.request.newest_first;
  if (!p.error.empty()) {
    d.error = p.error;
    return CachedPage::make(400, kHtml, search_page(info(cats), d), "no-store");
  }
  auto r = searcher_.search(p.request, unix_now());
  if (!r) return error_page(cats, 503);
  d.query = std::move(r->query);
  d.truncated = r->truncated;
  d.total = r->total;
  d.page = p.request.page;
  d.per_page = p.request.per_page;
  d.pages = static_cast<int>(std::max<std::int64_t>(1, (r->total + d.per_page - 1) / d.per_page));
  if (d.total > 0 && d.page > d.pages) return error_page(cats, 404);
  auto texts = snippet_texts(r->results, d.query);
  for (std::size_t i = 0; i < r->results.size(); ++i)
    d.results.push_back({std::move(r->results[i]), std::move(texts[i])});
  return CachedPage::make(200, kHtml, search_page(info(cats), d), kPageCacheControl);
}

std::shared_ptr<const CachedPage> Site::render_sitemap(const Categories& cats, std::string_view name) {
  constexpr const char* kXml = "application/xml; charset=utf-8";
  auto xml = [](std::string body) { return CachedPage::make(200, kXml, std::move(body), kPageCacheControl); };
  SiteInfo site = info(cats);
  if (name == "sitemap.xml") {
    auto months = store_.archive_months();
    if (!months) return error_page(cats, 503);
    return xml(sitemap_index(site, article_sitemap_parts(*months, config_.sitemap_urls)));
  }
  if (name == "sitemap-categories.xml") return xml(categories_sitemap(site));
  if (name == "sitemap-news.xml") {
    auto items = store_.published_between(site.now - kNewsSitemapSeconds, site.now + 1, kNewsSitemapItems, 0);
    if (!items) return error_page(cats, 503);
    return xml(news_sitemap(site, *items));
  }
  int year, month, part;
  if (!parse_article_sitemap_name(name, year, month, part)) return error_page(cats, 404);
  auto from = text::vietnam_month_start(year, month);
  auto to = month == 12 ? text::vietnam_month_start(year + 1, 1) : text::vietnam_month_start(year, month + 1);
  auto items = store_.published_between(from, to, config_.sitemap_urls,
                                        static_cast<int>(std::min<std::int64_t>((part - 1) * std::int64_t{config_.sitemap_urls}, 1 << 30)));
  if (!items) return error_page(cats, 503);
  if (items->empty()) return error_page(cats, 404);
  return xml(articles_sitemap(site, *items));
}

std::shared_ptr<const CachedPage> Site::render_feed(const Categories& cats, std::string_view name) {
  Feed feed;
  std::optional<std::int64_t> category;
  if (name == "tin-moi-nhat") {
    feed.title = newest_feed().title;
    feed.path = newest_feed().path;
    feed.link = "/";
  } else {
    for (const auto& c : cats)
      if (c.slug == name) {
        category = c.id;
        feed.title = c.name;
        feed.path = category_feed_path(c.slug);
        feed.link = category_path(c.slug);
      }
    if (!category) return error_page(cats, 404);
  }
  auto items = store_.latest({category, kFeedItems, 0});
  if (!items) return error_page(cats, 503);
  feed.items = std::move(*items);
  auto image_bytes = [this](std::string_view image) -> std::int64_t {
    auto file = media_file_path(config_.media_dir, image);
    if (!file) return 0;
    std::error_code ec;
    auto size = std::filesystem::file_size(*file, ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
  };
  return CachedPage::make(200, "application/rss+xml; charset=utf-8", rss(info(cats), feed, image_bytes),
                          kPageCacheControl);
}

std::shared_ptr<const CachedPage> Site::media_file(const Categories& cats, std::string_view path) {
  auto found = media_file_path(config_.media_dir, path);
  if (!found) return error_page(cats, 404);
  const std::filesystem::path& file = *found;
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec || !std::filesystem::is_regular_file(file, ec) || size > kMaxMediaBytes) return error_page(cats, 404);
  std::ifstream in(file, std::ios::binary);
  std::string body(size, '\0');
  if (!in.read(body.data(), static_cast<std::streamsize>(size))) return error_page(cats, 404);
  return CachedPage::make(200, std::string(content_type_for(path)), std::move(body), kMediaCacheControl);
}

}  // namespace toasoan::site
