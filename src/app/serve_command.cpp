#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "admin/app_files.hpp"
#include "admin/routes.hpp"
#include "app/change_follower.hpp"
#include "app/scheduler.hpp"
#include "base/clock.hpp"
#include "comments/inbox.hpp"
#include "comments/live.hpp"
#include "comments/rules.hpp"
#include "editorial/moderation.hpp"
#include "editorial/office.hpp"
#include "editorial/staff.hpp"
#include "media/library.hpp"
#include "media/photo.hpp"
#include "media/processing_queue.hpp"
#include "newsroom/password.hpp"
#include "app/commands.hpp"
#include "base/log.hpp"
#include "http/errors.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "sample/sample.hpp"
#include "site/comment_routes.hpp"
#include "site/site.hpp"
#include "store/comments.hpp"
#include "store/database.hpp"
#include "store/reading.hpp"
#include "store/search_index.hpp"

namespace toasoan::app {
namespace {

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

// Counters for the operator's monitoring, in Prometheus' text format. Only for requests made on
// this machine, not through a proxy: they say nothing secret, but they are not the readers'.
void metrics(const http::Request& req, http::Response& res, const site::Site& site, const ChangeFollower& follower,
             const comments::Inbox& inbox, const media::Library& photos) {
  bool local = (req.remote == "127.0.0.1" || req.remote == "::1") && req.header("X-Forwarded-For").empty() &&
               req.header("Forwarded").empty();
  res.content_type = "text/plain; version=0.0.4; charset=utf-8";
  res.set_header("Cache-Control", "no-store");
  if (!local) {
    res.status = 404;
    res.body = "Not Found";
    return;
  }
  auto c = site.cache_stats();
  auto line = [&res](const char* name, const char* help, std::uint64_t v) {
    res.body.append("# HELP ").append(name).append(" ").append(help).append("\n");
    res.body.append(name).append(" ").append(std::to_string(v)).append("\n");
  };
  line("toasoan_page_cache_hits_total", "Pages answered from the cache.", c.hits);
  line("toasoan_page_cache_misses_total", "Pages not in the cache.", c.misses);
  line("toasoan_page_cache_inserts_total", "Pages rendered and kept.", c.inserts);
  line("toasoan_page_cache_purged_total", "Pages removed because what they show changed.", c.purged);
  line("toasoan_page_cache_evicted_total", "Pages removed to stay within the budget.", c.evicted);
  line("toasoan_page_cache_declined_total", "Pages rendered and not kept: asked for once while the cache was full.",
       c.declined);
  line("toasoan_page_cache_entries", "Pages kept now (reader pages).", c.entries);
  line("toasoan_page_cache_bytes", "Bytes kept now (reader pages).", c.bytes);
  line("toasoan_query_cache_entries", "Pages kept now (search and API answers).", c.query_entries);
  line("toasoan_query_cache_bytes", "Bytes kept now (search and API answers).", c.query_bytes);
  line("toasoan_change_log_seq", "The last change-log entry this node applied.", follower.last_seq());
  line("toasoan_change_log_applied_total", "Change-log entries applied by this node.", follower.changes_applied());
  line("toasoan_comment_batches_total", "Group commits of readers' comments.", inbox.batches());
  line("toasoan_comments_written_total", "Readers' comments written in them.", inbox.written());
  line("toasoan_photos_made_total", "Photos whose missing variants this node made for readers.",
       static_cast<std::uint64_t>(photos.photos_made()));
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
  std::unique_ptr<store::Database> db = std::move(*opened);
  if (auto m = db->migrate(); !m) {
    std::fprintf(stderr, "toasoan: %s\n", m.error().message.c_str());
    return 2;
  }

  site::SiteConfig config;
  config.name = o.site_name;
  config.media_dir = o.media;
  config.default_image = o.default_image;
  config.sitemap_urls = o.sitemap_size;
  config.cache_bytes = static_cast<std::size_t>(o.page_cache_mb) << 20;
  config.search.freshness_boost = o.search_freshness;
  config.search.freshness_half_life_days = o.search_half_life;
  {
    // Half the workers (as the server counts them) may search at once; the other half stay
    // free for pages that need the database briefly.
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int workers = o.workers > 0 ? o.workers : 2 * cores;
    config.search_slots = std::max(1, workers / 2);
  }
  // Photos: processed beside the server (a few at once, a short queue), their originals in the
  // database and their variants in the media folder, made again here when this node lacks one.
  media::start_processing();
  media::Limits photo_limits;
  photo_limits.max_bytes = static_cast<std::size_t>(o.photo_max_mb) << 20;
  media::Library photos(*db, o.media, photo_limits, [] { return unix_now(); }, o.photo_threads);
  if (o.sample) {
    auto empty = db->reading().empty();
    if (empty && *empty) {
      auto r = sample::load(db->article_writer(), photos);
      if (!r) {
        std::fprintf(stderr, "toasoan: nội dung mẫu: %s\n", r.error().message.c_str());
        return 2;
      }
      log::info("sample content loaded: " + std::to_string(r->imported) + " articles");
    }
  }
  media::ProcessingQueue photo_queue(o.photo_threads, 4 * o.photo_threads);
  config.make_missing_media = [&photos](std::string_view path) {
    auto made = photos.make_missing(path);
    if (!made) log::warn("media: making " + std::string(path) + ": " + made.error().message);
    return made && *made;
  };
  site::Site site(db->reading(), db->search_index(), config, &db->comments());
  if (!o.public_url.empty()) site.set_public_url(o.public_url);
  // Readers' comments: written in groups (the inbox), told to open pages (the live hub),
  // checked against the admin's disallowed words, which every node rereads when they change.
  comments::InboxOptions inbox_options;
  inbox_options.limits.per_address_per_minute = o.comment_rate_limit;
  inbox_options.limits.per_article_per_minute = 12 * o.comment_rate_limit;
  comments::Inbox inbox(db->comments(), inbox_options, [] { return unix_now(); });
  comments::LiveHub live(db->change_log(), db->comments());
  editorial::Moderation moderation(*db, [] { return unix_now(); });
  std::atomic<std::shared_ptr<const comments::DisallowedWords>> words(std::make_shared<const comments::DisallowedWords>());
  auto load_words = [&moderation, &words] {
    if (auto w = moderation.words()) words.store(std::make_shared<const comments::DisallowedWords>(*w));
    else log::error("comments: reading the disallowed words: " + w.error().message);
  };
  load_words();
  FollowerHooks hooks{.changed =
                          [&site, &live, &load_words](const std::vector<store::Change>& c) {
                            site.apply(c);
                            live.apply(c);
                            for (const auto& e : c)
                              if (e.topic == "setting" && e.key == editorial::kCommentWordsSetting) load_words();
                          },
                      .everything =
                          [&site, &live, &load_words] {
                            site.content_changed();
                            live.everything();
                            load_words();
                          },
                      .due = [&site] { site.scheduled_due(); }};
  ChangeFollower follower(db->change_log(), db->reading(), std::move(hooks));

  http::Router router;
  // The reading site: a cached page is answered on the I/O thread; the rest on a worker.
  router.fast_path([&site](const http::Request& req, http::Response& res) { return site.answer_cached(req, res); });
  router.fallback([&site](http::Request& req, http::Response& res) { site.handle(req, res); });
  router.add("GET", "/metrics",
             [&site, &follower, &inbox, &photos](http::Request& req, http::Response& res) {
               metrics(req, res, site, follower, inbox, photos);
             },
             {.worker = false});

  // The newsroom: its API has its own handlers, behind the middleware (sign-in, CSRF and Origin
  // checks) that the reading site never passes through, and never touches the reading cache.
  auto cost = newsroom::PasswordCost::named(o.password_cost);
  if (!cost) {
    std::fprintf(stderr, "toasoan: --password-cost: %s\n", cost.error().message.c_str());
    return 2;
  }
  // Hashing is the one expensive thing a stranger can ask for: at most half the cores hash at
  // once, and few more wait, so that the workers stay free for readers' pages.
  const int login_slots = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / 2);
  newsroom::Passwords passwords(*cost, login_slots, login_slots);
  editorial::StaffOptions staff_options;
  staff_options.idle_seconds = std::int64_t{o.session_idle_hours} * 3600;
  staff_options.absolute_seconds = std::int64_t{o.session_days} * 86400;
  editorial::Staff staff(*db, passwords, staff_options, [] { return unix_now(); });
  editorial::Office office(*db, [] { return unix_now(); });
  std::string public_url = o.public_url;  // set once before serving, read after
  admin::Newsroom newsroom{.staff = staff,
                           .office = office,
                           .moderation = moderation,
                           .queue_stream = [&live] { return live.open_queue(); },
                           .photos = &photos,
                           .processing = &photo_queue,
                           .guard = {.public_url = [&public_url] { return public_url; },
                                     .trusted_proxies = o.trusted_proxies},
                           .preview = [&site](const articles::Article& a) { return site.preview(a); },
                           .idle_seconds = staff_options.idle_seconds,
                           .absolute_seconds = staff_options.absolute_seconds};
  admin::add_routes(router, newsroom);
  // The newsroom's web app, compiled in: public files, its data only through the API above.
  const admin::AppFiles app_files(admin::app_files::embedded_files());
  admin::add_app_routes(router, app_files);
  Scheduler scheduler(office, staff);
  // Commenters' emails and addresses are kept --comment-data-days, then erased (docs/operations.md).
  scheduler.every_hour([&db, days = o.comment_data_days] {
    auto n = db->comments().erase_personal(unix_now() - std::int64_t{days} * 86400);
    if (!n) log::error("comments: erasing old personal data: " + n.error().message);
    else if (*n > 0) log::info("comments: erased the email and address of " + std::to_string(*n) + " comment(s)");
  });

  // Readers' comments, the writing side and the live stream: no session, their own checks.
  site::ReaderComments reader_comments{
      .inbox = inbox,
      .store = db->comments(),
      .words = [&words] { return words.load(); },
      .address = [&newsroom](const http::Request& req) { return admin::client_address(req, newsroom.guard); },
      .public_url = [&public_url] { return public_url; },
      .stream = [&live](std::int64_t id, std::optional<std::uint64_t> last) { return live.open_article(id, last); },
      .report_threshold = o.comment_reports,
      .read = [&site](http::Request& req, http::Response& res) {
        if (!site.answer_cached(req, res)) site.handle(req, res);
      }};
  site::add_comment_routes(router, reader_comments);

  // The demo's first start says how to get into the newsroom, rather than make an account
  // whose password everyone would know.
  bool no_account = false;
  if (o.sample) {
    auto users = staff.users();
    no_account = users && users->empty();
  }

  http::ServerOptions server;
  server.listen = o.listen;
  server.threads = o.threads;
  server.workers = o.workers;
  server.access_log = o.access_log;
  server.limits.request_read = std::chrono::seconds(o.read_timeout);
  server.limits.idle = std::chrono::seconds(o.idle_timeout);
  server.on_listening = [&](const std::string& address) {
    // Without --public-url, links name the address actually bound (--listen may say port 0).
    if (o.public_url.empty()) {
      public_url = "http://" + address;
      site.set_public_url(public_url);
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    log::info("serving http://" + address + "/ (ready in " + std::to_string(ms) + " ms)");
    if (no_account)
      log::info("the newsroom at http://" + address +
                "/toa-soan/ has no account yet: add the first with `toasoan user add NAME --role admin` "
                "(with this --db, if not the default; it asks for the password)");
  };
  scheduler.start();
  auto s = http::serve(server, router);
  scheduler.stop();
  if (!s) {
    std::fprintf(stderr, "toasoan: %s\n", s.error().message.c_str());
    return 2;
  }
  log::info("stopped");
  return 0;
}

}  // namespace toasoan::app
