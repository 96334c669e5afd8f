#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/change_watcher.hpp"
#include "app/commands.hpp"
#include "base/log.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "sample/sample.hpp"
#include "site/site.hpp"
#include "store/store.hpp"

namespace toasoan::app {
namespace {

// How stale a cached page may get after a change made outside this process.
constexpr std::chrono::milliseconds kChangePoll{250};

// Each connection is a file descriptor; the default soft limit (1024) would cap a busy
// evening at a few hundred readers.
void raise_fd_limit() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
  }
}

// A sqlite: URL's folder is created on first start, so `./scripts/run` works in a fresh tree.
void ensure_sqlite_folder(const std::string& db) {
  if (db.find("://") != std::string::npos && !db.starts_with("sqlite:")) return;
  std::string path = db.starts_with("sqlite:") ? db.substr(7) : db;
  auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
}

}  // namespace

int serve_command(const ServeOptions& o) {
  auto started = std::chrono::steady_clock::now();
  raise_fd_limit();
  ensure_sqlite_folder(o.db);
  auto opened = store::open(o.db, {.pool_size = o.db_pool});
  if (!opened) {
    std::fprintf(stderr, "toasoan: %s\n", opened.error().message.c_str());
    return 2;
  }
  std::unique_ptr<store::Store> store = std::move(*opened);
  if (auto m = store->migrate(); !m) {
    std::fprintf(stderr, "toasoan: %s\n", m.error().message.c_str());
    return 2;
  }
  if (o.sample) {
    auto empty = store->empty();
    if (empty && *empty) {
      auto r = sample::load(*store, o.media);
      if (!r) {
        std::fprintf(stderr, "toasoan: nội dung mẫu: %s\n", r.error().message.c_str());
        return 2;
      }
      log::info("sample content loaded: " + std::to_string(r->imported) + " articles");
    }
  }

  site::SiteConfig config;
  config.name = o.site_name;
  config.media_dir = o.media;
  config.default_image = o.default_image;
  config.sitemap_urls = o.sitemap_size;
  config.search.freshness_boost = o.search_freshness;
  config.search.freshness_half_life_days = o.search_half_life;
  site::Site site(*store, config);
  if (!o.public_url.empty()) site.set_public_url(o.public_url);
  ChangeWatcher watcher(*store, kChangePoll, [&site] { site.content_changed(); });

  http::ServerOptions server;
  server.listen = o.listen;
  server.threads = o.threads;
  server.access_log = o.access_log;
  server.limits.request_read = std::chrono::seconds(o.read_timeout);
  server.limits.idle = std::chrono::seconds(o.idle_timeout);
  server.on_listening = [&](const std::string& address) {
    // Without --public-url, links name the address actually bound (--listen may say port 0).
    if (o.public_url.empty()) site.set_public_url("http://" + address);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    log::info("serving http://" + address + "/ (ready in " + std::to_string(ms) + " ms)");
  };
  http::Router router;
  // Nothing is answered on the I/O thread yet: every page goes through the site on a worker.
  router.fast_path([](const http::Request&, http::Response&) { return false; });
  router.fallback([&site](http::Request& req, http::Response& res) { site.handle(req, res); },
                  {.body_limit = server.limits.body_bytes, .worker = true});
  auto s = http::serve(server, router);
  if (!s) {
    std::fprintf(stderr, "toasoan: %s\n", s.error().message.c_str());
    return 2;
  }
  log::info("stopped");
  return 0;
}

}  // namespace toasoan::app
