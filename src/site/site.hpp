// The public web surface: reader pages, the JSON read API, static assets and media, behind
// one request handler. It gathers data from the store, renders through the page views, and
// keeps what it rendered in the page cache until the content changes.
//
// Thread-safe: handle() is called from every I/O thread at once; content_changed() from the
// change watcher.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "site/assets.hpp"
#include "site/layout.hpp"
#include "search/searcher.hpp"
#include "site/page_cache.hpp"
#include "site/routes.hpp"
#include "store/store.hpp"

namespace toasoan::site {

struct SiteConfig {
  std::string name = "Báo Đồi Mây";
  std::string public_url = "http://127.0.0.1:8080";  // no trailing slash
  std::filesystem::path media_dir = "data/media";
  // Rendered pages, ~40 KB each with their compressed forms. Sized so that a server holding
  // a whole archive stays under 100 MB resident.
  std::size_t cache_bytes = 32u << 20;
  int page_size = 20;                   // articles per category page
  int latest_count = 10;                // "Tin mới"
  int sitemap_urls = 50000;             // URLs per article sitemap file (the protocol's cap)
  // The picture shared for pages without a photo of their own, and the paper's logo:
  // absolute URLs; empty means the ones built in (web/static/og-default.png, logo.png).
  std::string default_image;
  std::string logo;
  search::SearchOptions search;  // ranking: the freshness boost and its half-life
};

class Site {
 public:
  Site(store::Store& store, SiteConfig config);

  void handle(const http::Request& req, http::Response& res);

  // Drops every cached page and reloads the category list; call when the store's change
  // token moves.
  void content_changed();

  // The address links are made absolute with, once the server knows the port it bound.
  // REQUIRES: called before the first handle().
  void set_public_url(std::string url);

  const Assets& assets() const { return assets_; }

 private:
  using Categories = std::vector<articles::Category>;

  std::shared_ptr<const Categories> categories();
  // REQUIRES: `route` is parse_route(req.path).
  std::shared_ptr<const CachedPage> render(const http::Request& req, const Route& route);
  std::shared_ptr<const CachedPage> render_home(const Categories& cats);
  std::shared_ptr<const CachedPage> render_category(const Categories& cats, std::string_view slug,
                                                    std::string_view query);
  std::shared_ptr<const CachedPage> render_article(const Categories& cats, std::int64_t id, std::string_view path);
  std::shared_ptr<const CachedPage> render_search(const Categories& cats, std::string_view query);
  std::shared_ptr<const CachedPage> render_search_api(const Categories& cats, std::string_view query);
  std::shared_ptr<const CachedPage> render_suggest_api(std::string_view query);
  // For each result, what its search snippet is cut from: the lead when it and the title show
  // every word of the query between them, else the lead and the start of the body.
  std::vector<std::string> snippet_texts(const std::vector<articles::Summary>& results, const search::Query& query);
  std::shared_ptr<const CachedPage> render_sitemap(const Categories& cats, std::string_view name);
  std::shared_ptr<const CachedPage> render_feed(const Categories& cats, std::string_view name);
  std::shared_ptr<const CachedPage> render_api(const Categories& cats, std::string_view rest, std::string_view query);
  std::shared_ptr<const CachedPage> redirect(const std::string& location);
  std::shared_ptr<const CachedPage> error_page(const Categories& cats, int status);
  std::shared_ptr<const CachedPage> media_file(const Categories& cats, std::string_view path);
  SiteInfo info(const Categories& cats) const;

  store::Store& store_;
  SiteConfig config_;  // set_public_url() writes it before serving starts
  const Assets assets_;
  PageCache cache_;
  search::Searcher searcher_;

  std::mutex categories_mutex_;
  std::shared_ptr<const Categories> categories_;  // GUARDED_BY(categories_mutex_); null: reload
};

}  // namespace toasoan::site
