#include "site/site.hpp"

#include <algorithm>
#include <span>

#include "base/clock.hpp"
#include "base/log.hpp"
#include "http/errors.hpp"
#include "media/variants.hpp"
#include "search/highlight.hpp"
#include "site/cache_tags.hpp"
#include "site/comments_view.hpp"
#include "site/feeds.hpp"
#include "site/media_path.hpp"
#include "site/pages.hpp"
#include "site/routes.hpp"
#include "site/search_page.hpp"
#include "site/search_params.hpp"
#include "site/sitemaps.hpp"
#include "text/datetime.hpp"

namespace toasoan::site {
namespace {

// Pages change whenever the newsroom publishes; browsers revalidate every time, which costs
// a 304 when nothing changed.
constexpr const char* kPageCacheControl = "no-cache";
// Media never changes under one name: an edited photo is uploaded under a new one.
constexpr const char* kMediaCacheControl = "public, max-age=2592000";
constexpr const char* kImmutableMediaCacheControl = "public, max-age=31536000, immutable";
// Served media may be SVG: styles and data: images inside it render; scripts, plugins, forms
// and frames do not, and `sandbox` gives the document an opaque origin besides.
constexpr const char* kMediaContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
constexpr int kMaxPage = 100000;
// Articles of the same category shown beside an article, under "Cùng chuyên mục".
constexpr int kRelatedShown = 5;
// Longer queries (a search of hundreds of Vietnamese letters, percent-encoded) are not cached.
constexpr std::size_t kMaxCachedQueryBytes = 512;

constexpr const char* kHtml = "text/html; charset=utf-8";

// "page=N" as a page number: absent is 1; anything but 1..kMaxPage is no page at all.
std::optional<int> page_number(std::string_view query) { return http::int_param(query, "page", 1, 1, kMaxPage); }

}  // namespace

Site::Site(store::Reading& reading, store::SearchIndex& index, SiteConfig config, store::Comments* comments)
    : reading_(reading),
      comments_(comments),
      config_(std::move(config)),
      // An eighth of the budget for pages keyed by what readers type; the total stays cache_bytes.
      cache_(config_.cache_bytes - config_.cache_bytes / 8, config_.cache_bytes / 8),
      searcher_(index, config_.search),
      search_gate_(config_.search_slots) {
  if (!config_.clock) config_.clock = unix_now;
}

SiteInfo Site::info(const Categories& cats) const {
  SiteInfo i;
  i.name = config_.name;
  i.public_url = config_.public_url;
  i.categories = &cats;
  i.assets = &assets_;
  i.now = now();
  i.default_image = config_.default_image.empty() ? config_.public_url + assets_.url("og-default.png")
                                                  : config_.default_image;
  i.logo = config_.logo.empty() ? config_.public_url + assets_.url("logo.png") : config_.logo;
  return i;
}

bool Site::visible(const articles::Article& a) const {
  return a.status == articles::Status::published && a.published_at <= now();
}

void Site::set_public_url(std::string url) {
  while (url.ends_with("/")) url.pop_back();
  config_.public_url = std::move(url);
}

void Site::content_changed() {
  {
    std::lock_guard lock(categories_mutex_);
    categories_.reset();
    ++categories_epoch_;
  }
  side_lists_.forget();
  cache_.clear();
}

void Site::apply(const std::vector<store::Change>& changes) {
  if (changes.empty()) return;
  tags::Purge p = tags::tags_for(changes);
  if (p.everything) return content_changed();
  side_lists_.forget();
  cache_.purge(p.tags);
}

void Site::scheduled_due() {
  std::vector<std::int64_t> ids;
  if (auto cats = categories())
    for (const auto& c : *cats) ids.push_back(c.id);
  side_lists_.forget();
  cache_.purge(tags::tags_for_due(ids).tags);
}

std::shared_ptr<const Site::Categories> Site::categories() {
  std::uint64_t epoch;
  {
    std::lock_guard lock(categories_mutex_);
    if (categories_) return categories_;
    epoch = categories_epoch_;
  }
  // Read outside the lock: with the database slow or its pool exhausted, other threads wait
  // for their own call, not behind this one.
  auto loaded = reading_.categories();
  if (!loaded) {
    log::error("categories: " + loaded.error().message);
    return nullptr;
  }
  auto fresh = std::make_shared<const Categories>(std::move(*loaded));
  std::lock_guard lock(categories_mutex_);
  // A change that arrived during the read may have made it stale: use it once, keep it not.
  if (epoch == categories_epoch_ && !categories_) categories_ = fresh;
  return fresh;
}

std::string Site::cache_key(const http::Request& req, const Route& route, bool& cacheable, CacheClass& cls) const {
  // The path, and of the query only what selects a different page: each parameter the route
  // reads, decoded as it reads it, in a fixed order. A query too long to key on whole is
  // answered fresh: cutting the key would serve one page for another.
  static constexpr std::string_view kSearch[] = {"q", "page", "per_page", "category", "from", "to", "sort"};
  static constexpr std::string_view kPage[] = {"page"};
  static constexpr std::string_view kSuggest[] = {"q"};
  static constexpr std::string_view kList[] = {"page", "per_page", "category"};
  static constexpr std::string_view kComments[] = {"sort", "page"};
  static constexpr std::string_view kArticle[] = {"binh-luan"};
  std::string key(req.path);
  cacheable = route.kind != Route::Kind::media;
  cls = CacheClass::page;
  std::span<const std::string_view> known;
  if (route.kind == Route::Kind::category) known = kPage;
  else if (route.kind == Route::Kind::search) known = kSearch;
  else if (route.kind == Route::Kind::api) {
    if (route.rest == "search") known = kSearch;
    else if (route.rest == "search/suggest") known = kSuggest;
    else if (route.rest == "articles") known = kList;
    else if (route.rest.starts_with("articles/") && route.rest.ends_with("/comments")) known = kComments;
  } else if (route.kind == Route::Kind::article) {
    known = kArticle;
  }
  if (known.empty() || req.query.empty()) return key;
  std::size_t value_bytes = 0;
  bool any = false;
  for (std::string_view name : known) {
    auto value = http::find_query_param(req.query, name);
    if (!value) continue;
    // After a post without JavaScript: one of a few messages. Any other value shows the page
    // without one, and so must not make an entry of its own.
    if (name == "binh-luan" && !comment_notice_known(*value)) continue;
    // Length-prefixed, so no value can pass for a parameter boundary.
    key.append(any ? "&" : "?").append(name).append("=").append(std::to_string(value->size())).append(":").append(*value);
    value_bytes += value->size();
    any = true;
  }
  if (value_bytes > kMaxCachedQueryBytes) cacheable = false;
  // Keyed by what a reader typed: many, mostly asked once. A category's pages and an article's
  // few notices are the site's own pages.
  if (any && route.kind != Route::Kind::category && route.kind != Route::Kind::article) cls = CacheClass::query;
  return key;
}

bool Site::answer_cached(const http::Request& req, http::Response& res) {
  if (req.method != "GET" && req.method != "HEAD") return false;
  Route route = parse_route(req.path);
  if (route.kind == Route::Kind::asset) {
    if (const CachedPage* a = assets_.find(route.rest)) {
      respond(req, res, *a);
      return true;
    }
  }
  bool cacheable;
  CacheClass cls;
  std::string key = cache_key(req, route, cacheable, cls);
  if (!cacheable) return false;
  auto hit = cache_.get(key);
  if (!hit) return false;
  respond(req, res, *hit);
  return true;
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
  // The cache was asked on the I/O thread already (answer_cached, the router's fast path):
  // asking again here would count every miss twice and build the key twice.
  if (route.kind == Route::Kind::asset)
    if (const CachedPage* a = assets_.find(route.rest)) return respond(req, res, *a);

  if (route.kind == Route::Kind::media) {
    // Sent from the file in pieces (with Range), never read whole into memory. The address is
    // percent-encoded ("ảnh đẹp.jpg" comes as "%E1%BA%A3nh%20…"); the file has the decoded name.
    auto name = media_request_path(route.rest);
    auto file = name ? media_file_path(config_.media_dir, *name) : std::nullopt;
    std::error_code ec;
    auto size = file ? std::filesystem::file_size(*file, ec) : 0;
    if (file && ec && config_.make_missing_media && config_.make_missing_media(*name)) {
      ec.clear();
      size = std::filesystem::file_size(*file, ec);
    }
    if (!file || ec || !std::filesystem::is_regular_file(*file, ec)) {
      static const Categories none;
      auto cats = categories();
      return respond(req, res, *error_page(cats ? *cats : none, 404));
    }
    res.content_type = std::string(content_type_for(*name));
    // A photo's variant is named by the hash of its photo: what it shows never changes.
    res.set_header("Cache-Control", media::parse_variant_path(*name) ? kImmutableMediaCacheControl : kMediaCacheControl);
    // An SVG (or an HTML file someone put there) is a document: opened directly, its scripts
    // would run on the site's origin. This policy lets pictures render and nothing run; nosniff
    // keeps a browser from taking a picture for a page.
    res.set_header("Content-Security-Policy", kMediaContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.file = http::FileBody{*file, size};
    return;
  }

  bool cacheable;
  CacheClass cls;
  std::string key = cache_key(req, route, cacheable, cls);
  auto ticket = cache_.ticket();
  Rendered r = render(req, route);
  if (cacheable && (r.page->status == 200 || r.page->status == 301)) cache_.put(key, r.page, std::move(r.tags), cls, ticket);
  respond(req, res, *r.page);
  // Busy (the search gate) or the database away: both pass in a moment.
  if (r.page->status == 503) res.set_header("Retry-After", "1");
}

Site::Rendered Site::render(const http::Request& req, const Route& route) {
  static const Categories none;
  auto cats = categories();
  if (!cats) return {error_page(none, 503), {}};
  std::string_view path = req.path;
  switch (route.kind) {
    case Route::Kind::home: return render_home(*cats);
    case Route::Kind::category: return render_category(*cats, route.category_slug, req.query);
    case Route::Kind::article: return render_article(*cats, route.id, path, req.query);
    case Route::Kind::api: return render_api(*cats, route.rest, req.query);
    case Route::Kind::feed: return render_feed(*cats, route.rest);
    case Route::Kind::sitemap: return render_sitemap(*cats, route.rest);
    case Route::Kind::search: return render_search(*cats, req.query);
    case Route::Kind::feeds: return {CachedPage::make(200, kHtml, feeds_page(info(*cats)), kPageCacheControl), {}};
    case Route::Kind::robots:
      return {CachedPage::make(200, "text/plain; charset=utf-8", robots_txt(info(*cats)), kPageCacheControl), {}};
    default: break;
  }
  // "/thoi-su" for "/thoi-su/": a reader typed the section's address by hand.
  if (path.size() > 1 && path.find('/', 1) == std::string_view::npos) {
    for (const auto& c : *cats)
      if (path.substr(1) == c.slug) return {CachedPage::moved(category_path(c.slug)), {}};
  }
  return {error_page(*cats, 404), {}};
}

std::shared_ptr<const CachedPage> Site::failed(const Categories& cats, const Error& e) {
  // Every 5xx is logged with its cause; the reader sees the status's page.
  int status = http::status_for(e.kind);
  if (status >= 500) log::error(std::string(http::code_for(e.kind)) + ": " + e.message);
  return error_page(cats, status == 404 ? 404 : 503);
}

std::shared_ptr<const CachedPage> Site::error_page(const Categories& cats, int status) {
  std::string body = status == 404 ? not_found_page(info(cats)) : unavailable_page(info(cats));
  return CachedPage::make(status, kHtml, std::move(body), "no-store");
}

Site::Rendered Site::render_home(const Categories& cats) {
  HomePageData d;
  const auto t = now();
  auto newest = reading_.latest({std::nullopt, config_.latest_count + 1, 0, t});
  if (!newest) return {failed(cats, newest.error()), {}};
  d.newest = std::move(*newest);
  std::vector<std::string> shown{tags::all_listings};
  tags::add_articles_with_counts(shown, d.newest);
  for (const auto& c : cats) {
    auto items = reading_.latest({c.id, 3, 0, t});
    if (!items) return {failed(cats, items.error()), {}};
    tags::add_articles_with_counts(shown, *items);
    d.sections.push_back({c, std::move(*items)});
  }
  return {CachedPage::make(200, kHtml, home_page(info(cats), d), kPageCacheControl), std::move(shown)};
}

Site::Rendered Site::render_category(const Categories& cats, std::string_view slug, std::string_view query) {
  const articles::Category* cat = nullptr;
  for (const auto& c : cats)
    if (c.slug == slug) cat = &c;
  auto page = page_number(query);
  if (!cat || !page) return {error_page(cats, 404), {}};
  const auto t = now();
  auto total = reading_.count_published(cat->id, t);
  if (!total) return {failed(cats, total.error()), {}};
  int pages = static_cast<int>(std::max<std::int64_t>(1, (*total + config_.page_size - 1) / config_.page_size));
  if (*page > pages) return {error_page(cats, 404), {}};
  auto items = reading_.latest({cat->id, config_.page_size, (*page - 1) * config_.page_size, t});
  if (!items) return {failed(cats, items.error()), {}};
  std::vector<std::string> shown{tags::listing(cat->id)};
  tags::add_articles_with_counts(shown, *items);
  CategoryPageData d{*cat, std::move(*items), *page, pages};
  return {CachedPage::make(200, kHtml, category_page(info(cats), d), kPageCacheControl), std::move(shown)};
}

Site::Rendered Site::render_article(const Categories& cats, std::int64_t id, std::string_view path,
                                    std::string_view query) {
  auto found = reading_.article(id);
  if (!found) return {failed(cats, found.error()), {}};
  if (!found->has_value()) return {error_page(cats, 404), {}};
  const articles::Article& a = **found;
  if (!visible(a)) {
    // Published once (it has a slug) and taken down since, or retracted: 410 tells search
    // engines to drop it now. Tagged with the article, so that a page kept of it would go when
    // the article is restored. A draft never published stays unknown to readers: 404.
    if (a.status == articles::Status::unpublished && !a.slug.empty())
      return {CachedPage::make(410, kHtml, gone_page(info(cats)), "no-store"), {tags::article(a.id)}};
    return {error_page(cats, 404), {}};
  }
  std::string canonical = article_path(a);
  // An old or mistyped slug: send readers and search engines to the one true address.
  if (path != canonical) return {CachedPage::moved(canonical), {tags::article(a.id)}};
  ArticlePageData d;
  d.article = &a;
  const auto t = now();
  // Its own comments and their count (a count never changes without a `comment` entry of the
  // same article); the side lists show titles only (no counts), so an approval elsewhere
  // leaves this page cached.
  std::vector<std::string> shown{tags::article(a.id), tags::comments(a.id), tags::all_listings,
                                 tags::listing(a.category_id)};
  auto latest = side_lists_.newest(std::nullopt, config_.latest_count, t);
  if (!latest) return {failed(cats, latest.error()), {}};
  write_beside(d.latest, shown, **latest, a.id);
  auto related = side_lists_.newest(a.category_id, kRelatedShown, t);
  if (!related) return {failed(cats, related.error()), {}};
  write_beside(d.related, shown, **related, a.id);
  // The comments: the first page of approved threads, newest first. Tagged article:<id> with
  // the rest of the page, so an approval (a `comment` change) purges it.
  CommentSection comments;
  comments.article_id = a.id;
  comments.article_path = article_path(a);
  comments.closed = a.comments_closed;
  std::string notice = http::query_param(query, "binh-luan");
  if (comment_notice_known(notice)) comments.notice = notice;
  // The article's count of approved comments, kept in the transaction of every moderation,
  // says when there is none to read: most articles, each render spared two queries.
  if (comments_ && a.comment_count > 0) {
    auto shown = comments_->shown(a.id, store::CommentOrder::newest, kCommentThreadsPerPage, 0);
    if (!shown) return {failed(cats, shown.error()), {}};
    comments.total = shown->total;
    comments.total_threads = shown->total_threads;
    comments.threads = std::move(shown->threads);
  }
  d.comments = &comments;
  return {CachedPage::make(200, kHtml, article_page(info(cats), d), kPageCacheControl), std::move(shown)};
}

std::string Site::preview(const articles::Article& a) {
  static const Categories none;
  auto cats = categories();
  ArticlePageData d;
  d.article = &a;
  // The same side columns readers will see; with the store away, the preview still shows the
  // article itself.
  const auto t = now();
  std::vector<std::string> tags;  // a preview is never cached
  if (auto latest = side_lists_.newest(std::nullopt, config_.latest_count, t)) write_beside(d.latest, tags, **latest, a.id);
  if (a.category_id != 0)
    if (auto related = side_lists_.newest(a.category_id, kRelatedShown, t))
      write_beside(d.related, tags, **related, a.id);
  return article_preview_page(info(cats ? *cats : none), d);
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
  auto read = reading_.articles(need_body);  // one round trip for the page
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

Site::Rendered Site::render_search(const Categories& cats, std::string_view query) {
  SearchParams p = read_search_params(query, cats, kSearchPerPage);
  SearchPageData d;
  d.text = p.request.text;
  d.category = p.category;
  d.from = p.from;
  d.to = p.to;
  d.newest = p.request.newest_first;
  if (!p.error.empty()) {
    d.error = p.error;
    return {CachedPage::make(400, kHtml, search_page(info(cats), d), "no-store"), {}};
  }
  // The empty search page asks nothing of the database and so needs no place at the gate.
  std::optional<SearchGate::Pass> pass;
  if (!p.request.text.empty() && !pass.emplace(search_gate_.enter())) return {search_busy(cats, false), {}};
  auto r = searcher_.search(p.request, now());
  if (!r) return {failed(cats, r.error()), {}};
  d.query = std::move(r->query);
  d.truncated = r->truncated;
  d.total = r->total;
  d.total_estimated = r->total_estimated;
  d.page = p.request.page;
  d.per_page = p.request.per_page;
  d.pages = static_cast<int>(std::max<std::int64_t>(1, (r->total + d.per_page - 1) / d.per_page));
  if (d.total > 0 && d.page > d.pages) return {error_page(cats, 404), {}};
  auto texts = snippet_texts(r->results, d.query);
  for (std::size_t i = 0; i < r->results.size(); ++i)
    d.results.push_back({std::move(r->results[i]), std::move(texts[i])});
  // Each result shows its article's comment count: the page goes when that changes.
  std::vector<std::string> shown{tags::search};
  for (const auto& result : d.results) {
    shown.push_back(tags::article(result.summary.id));
    shown.push_back(tags::counted(result.summary.id));
  }
  return {CachedPage::make(200, kHtml, search_page(info(cats), d), kPageCacheControl), std::move(shown)};
}

Site::Rendered Site::render_sitemap(const Categories& cats, std::string_view name) {
  constexpr const char* kXml = "application/xml; charset=utf-8";
  auto xml = [](std::string body, std::string tag) -> Rendered {
    return {CachedPage::make(200, kXml, std::move(body), kPageCacheControl), {std::move(tag)}};
  };
  SiteInfo site = info(cats);
  if (name == "sitemap.xml") {
    auto months = reading_.archive_months(site.now);
    if (!months) return {failed(cats, months.error()), {}};
    return xml(sitemap_index(site, article_sitemap_parts(*months, config_.sitemap_urls)), tags::sitemap);
  }
  if (name == "sitemap-categories.xml") return {CachedPage::make(200, kXml, categories_sitemap(site), kPageCacheControl), {}};
  if (name == "sitemap-news.xml") {
    auto items = reading_.published_between(site.now - kNewsSitemapSeconds, site.now + 1, kNewsSitemapItems, 0, site.now);
    if (!items) return {failed(cats, items.error()), {}};
    return xml(news_sitemap(site, *items), tags::sitemap);
  }
  int year, month, part;
  if (!parse_article_sitemap_name(name, year, month, part)) return {error_page(cats, 404), {}};
  auto from = text::vietnam_month_start(year, month);
  auto to = month == 12 ? text::vietnam_month_start(year + 1, 1) : text::vietnam_month_start(year, month + 1);
  auto items = reading_.addresses_between(
      from, to, config_.sitemap_urls,
      static_cast<int>(std::min<std::int64_t>((part - 1) * std::int64_t{config_.sitemap_urls}, 1 << 30)), site.now);
  if (!items) return {failed(cats, items.error()), {}};
  if (items->empty()) return {error_page(cats, 404), {}};
  return xml(articles_sitemap(site, *items), tags::sitemap);
}

Site::Rendered Site::render_feed(const Categories& cats, std::string_view name) {
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
    if (!category) return {error_page(cats, 404), {}};
  }
  auto items = reading_.latest({category, kFeedItems, 0, now()});
  if (!items) return {failed(cats, items.error()), {}};
  feed.items = std::move(*items);
  std::vector<std::string> shown{category ? tags::listing(*category) : tags::all_listings};
  tags::add_articles(shown, feed.items);
  auto image_bytes = [this](std::string_view image) -> std::int64_t {
    auto file = media_file_path(config_.media_dir, image);
    if (!file) return 0;
    std::error_code ec;
    auto size = std::filesystem::file_size(*file, ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
  };
  return {CachedPage::make(200, "application/rss+xml; charset=utf-8", rss(info(cats), feed, image_bytes),
                           kPageCacheControl),
          std::move(shown)};
}

}  // namespace toasoan::site
