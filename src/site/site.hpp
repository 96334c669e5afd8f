// The public web surface: reader pages, the JSON read API, static assets and media. It gathers
// data from the store's reading side and search index, renders through the page views, and
// keeps what it rendered in the page cache, each page tagged with what it shows
// (cache_tags.hpp), until a change touches it.
//
// Two ways in, so a cached page never waits behind database work:
//   answer_cached() — on an I/O thread: static assets and cache hits, no I/O at all;
//   handle()        — on a worker thread: everything else (database, disk, rendering).
//
// Cookie-blind: no page reads a cookie or sets one, so every page is the same for every reader
// and can be cached here and by any proxy.
//
// Thread-safe: answer_cached() and handle() are called from many threads at once; apply(),
// content_changed() and scheduled_due() from the change follower; preview() from any worker.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "search/searcher.hpp"
#include "site/assets.hpp"
#include "site/layout.hpp"
#include "site/page_cache.hpp"
#include "site/search_gate.hpp"
#include "site/side_lists.hpp"
#include "site/routes.hpp"
#include "store/change_log.hpp"
#include "store/comments.hpp"
#include "store/reading.hpp"
#include "store/search_index.hpp"

namespace toasoan::site {

struct SiteConfig {
  std::string name = "Báo Đồi Mây";
  std::string public_url = "http://127.0.0.1:8080";  // no trailing slash
  std::filesystem::path media_dir = "data/media";
  // Rendered pages, ~40 KB each with their compressed forms. Sized so that a server holding
  // a whole archive stays under 100 MB resident. An eighth of it is kept for pages keyed by a
  // reader's query (search, the API), so a flood of unique queries cannot push the hot pages out.
  std::size_t cache_bytes = 32u << 20;
  int page_size = 20;                   // articles per category page
  int latest_count = 10;                // "Tin mới"
  int sitemap_urls = 50000;             // URLs per article sitemap file (the protocol's cap)
  // The picture shared for pages without a photo of their own, and the paper's logo:
  // absolute URLs; empty means the ones built in (web/static/og-default.png, logo.png).
  std::string default_image;
  std::string logo;
  search::SearchOptions search;  // ranking: the freshness boost and its half-life
  // Searches and suggestions run at once at most (SearchGate); beyond, 503 at once. `serve`
  // sets it to half the worker threads, so the other half stay free for the pages.
  int search_slots = 4;
  // Makes a missing file under the media folder when it can (a photo's variant another node
  // made, media/library.hpp): true when `stored_path` exists now. Unset: a missing file is 404.
  // Called on a worker; it may take as long as resizing one photo.
  std::function<bool(std::string_view stored_path)> make_missing_media;
  // Unix seconds now: what "published" means (an article dated later is not shown yet).
  // Replaced by tests to move time.
  std::function<std::int64_t()> clock;
};

class Site {
 public:
  // `comments` shows readers' approved comments under each article and in the list API; null
  // (tests, or a store without them) shows every article with none yet.
  Site(store::Reading& reading, store::SearchIndex& index, SiteConfig config, store::Comments* comments = nullptr);

  // Answers from memory when it can (a static asset, a cached page); false when the request
  // needs handle(). Never blocks.
  bool answer_cached(const http::Request& req, http::Response& res);
  // REQUIRES: answer_cached(req, res) was asked first and said false (it is the one look in
  // the cache, so each request counts once as a hit or a miss).
  void handle(const http::Request& req, http::Response& res);

  // Purges the pages that show what `changes` changed (the change follower calls it for each
  // batch it reads from the change log).
  void apply(const std::vector<store::Change>& changes);
  // Articles scheduled for now became due: the lists that may show them go.
  void scheduled_due();
  // Drops every cached page and the category list: the follower could not tell what changed
  // (a gap in the change log), or the date changed in Vietnam (every masthead shows it).
  void content_changed();

  // The article page as readers will see it once published, for the newsroom: the preview
  // banner, noindex, no canonical address unless it is live (article_preview_page). Works for a
  // draft with no slug and no publication time. Never cached here; the caller sends it with
  // Cache-Control: no-store. Blocks on the database (the side columns), so call it on a worker.
  std::string preview(const articles::Article& a);

  // The address links are made absolute with, once the server knows the port it bound.
  // REQUIRES: called before the first handle().
  void set_public_url(std::string url);

  const Assets& assets() const { return assets_; }
  CacheStats cache_stats() const { return cache_.stats(); }
  std::int64_t now() const { return config_.clock(); }

 private:
  using Categories = std::vector<articles::Category>;

  // A page and what it shows, for the cache.
  struct Rendered {
    std::shared_ptr<const CachedPage> page;
    std::vector<std::string> tags;
  };

  std::shared_ptr<const Categories> categories();
  // The cache key: the path and, in a fixed order, only the query parameters the route reads,
  // as it reads them; an unknown parameter ("?r=123") or a reordering selects the same entry.
  std::string cache_key(const http::Request& req, const Route& route, bool& cacheable, CacheClass& cls) const;
  // REQUIRES: `route` is parse_route(req.path).
  Rendered render(const http::Request& req, const Route& route);
  Rendered render_home(const Categories& cats);
  Rendered render_category(const Categories& cats, std::string_view slug, std::string_view query);
  Rendered render_article(const Categories& cats, std::int64_t id, std::string_view path, std::string_view query);
  // GET /api/v1/articles/{id}/comments?sort=newest|liked&page=N
  Rendered render_comments_api(std::int64_t article_id, std::string_view query);
  Rendered render_search(const Categories& cats, std::string_view query);
  Rendered render_search_api(const Categories& cats, std::string_view query);
  Rendered render_suggest_api(const Categories& cats, std::string_view query);
  // For each result, what its search snippet is cut from: the lead when it and the title show
  // every word of the query between them, else the lead and the start of the body.
  std::vector<std::string> snippet_texts(const std::vector<articles::Summary>& results, const search::Query& query);
  Rendered render_sitemap(const Categories& cats, std::string_view name);
  Rendered render_feed(const Categories& cats, std::string_view name);
  Rendered render_api(const Categories& cats, std::string_view rest, std::string_view query);
  std::shared_ptr<const CachedPage> error_page(const Categories& cats, int status);
  // The page for a failure the store or search reported; a 5xx is logged with its cause.
  std::shared_ptr<const CachedPage> failed(const Categories& cats, const Error& e);
  // The answer when the search gate is full: 503 (ErrorKind::unavailable), the HTML page or
  // the API's JSON error; not logged, since it is load, not a fault.
  std::shared_ptr<const CachedPage> search_busy(const Categories& cats, bool as_json);
  SiteInfo info(const Categories& cats) const;
  bool visible(const articles::Article& a) const;

  store::Reading& reading_;
  store::Comments* comments_;  // null: no comments yet anywhere
  SiteConfig config_;  // set_public_url() writes it before serving starts
  const Assets assets_;
  PageCache cache_;
  SideLists side_lists_{reading_};
  search::Searcher searcher_;
  SearchGate search_gate_;

  // The category list is read at most once per change; readers meanwhile keep the copy
  // they have (no lock is held across the database call).
  std::mutex categories_mutex_;
  std::shared_ptr<const Categories> categories_;  // GUARDED_BY(categories_mutex_); null: reload
  std::uint64_t categories_epoch_ = 0;            // GUARDED_BY(categories_mutex_)
};

}  // namespace toasoan::site
