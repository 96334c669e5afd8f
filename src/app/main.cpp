// toasoan: one binary for the whole newspaper. Parses the command line, reads the
// environment defaults of docs/operations.md, and runs a subcommand (app/commands.hpp).
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdlib>

#include "app/commands.hpp"

namespace {

std::string env_or(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

// Range() lets "nan" through (every comparison with it is false); a weight must be a number.
const CLI::Validator kFinite(
    [](std::string& v) {
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      return end != v.c_str() && *end == '\0' && std::isfinite(d) ? std::string() : "not a number: " + v;
    },
    "NUMBER");

}  // namespace

int main(int argc, char** argv) {
  using namespace toasoan::app;
  CLI::App app{"toasoan — nền tảng báo điện tử (online newspaper platform)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "toasoan 0.1.0");

  const std::string default_db = env_or("TOASOAN_DB", "sqlite:data/toasoan.db");

  ServeOptions serve;
  serve.listen = env_or("TOASOAN_LISTEN", "127.0.0.1:8080");
  serve.db = default_db;
  serve.media = env_or("TOASOAN_MEDIA", "data/media");
  serve.site_name = env_or("TOASOAN_SITE_NAME", "Báo Đồi Mây");
  serve.public_url = env_or("TOASOAN_PUBLIC_URL", "");
  auto* s = app.add_subcommand("serve", "Serve the reading site and the API");
  s->add_option("--listen", serve.listen, "Address to listen on, host:port (env TOASOAN_LISTEN)")->capture_default_str();
  s->add_option("--db", serve.db, "Database: sqlite:PATH or postgresql://… (env TOASOAN_DB)")->capture_default_str();
  s->add_option("--media", serve.media, "Folder of photos and other media (env TOASOAN_MEDIA)")->capture_default_str();
  s->add_flag("--sample", serve.sample, "Fill an empty database with the demo newspaper");
  s->add_option("--site-name", serve.site_name, "The newspaper's name (env TOASOAN_SITE_NAME)")->capture_default_str();
  s->add_option("--public-url", serve.public_url,
                "Public address used in canonical links and the API, e.g. https://baodoimay.vn "
                "(env TOASOAN_PUBLIC_URL; default http://LISTEN)");
  serve.default_image = env_or("TOASOAN_DEFAULT_IMAGE", "");
  s->add_option("--default-image", serve.default_image,
                "Absolute URL of the picture shared for articles without a photo (env TOASOAN_DEFAULT_IMAGE; "
                "default: the built-in one)");
  s->add_option("--page-cache-mb", serve.page_cache_mb,
                "Memory for rendered pages, in MB (0 keeps none: every request is rendered, for measuring)")
      ->capture_default_str()
      ->check(CLI::Range(0, 4096));
  s->add_option("--sitemap-size", serve.sitemap_size, "URLs per article sitemap file (the protocol's cap is 50000)")
      ->capture_default_str()->check(CLI::Range(1, 50000));
  s->add_option("--threads", serve.threads, "I/O threads (default: one per core)")->check(CLI::Range(0, 256));
  s->add_option("--workers", serve.workers,
                "Worker threads for pages not in the cache: database, search, disk (default: two per core)")
      ->envname("TOASOAN_WORKERS")->check(CLI::Range(0, 1024));
  s->add_option("--db-pool", serve.db_pool,
                "Most connections to a PostgreSQL server; nodes × this must stay under its max_connections")
      ->envname("TOASOAN_DB_POOL")->capture_default_str()->check(CLI::Range(1, 1000));
  s->add_option("--read-timeout", serve.read_timeout, "Seconds a client may take to send one request")
      ->capture_default_str()->check(CLI::Range(1, 3600));
  s->add_option("--idle-timeout", serve.idle_timeout, "Seconds a keep-alive connection may wait for its next request")
      ->capture_default_str()->check(CLI::Range(1, 3600));
  s->add_option("--search-freshness", serve.search_freshness,
                "How much a new article gains in search ranking, 0 (off) to 20; a headline phrase match "
                "gains 10 to 20 (env TOASOAN_SEARCH_FRESHNESS)")
      ->envname("TOASOAN_SEARCH_FRESHNESS")->capture_default_str()->check(kFinite)->check(CLI::Range(0.0, 20.0));
  s->add_option("--search-half-life", serve.search_half_life,
                "Days after which that gain has halved (env TOASOAN_SEARCH_HALF_LIFE)")
      ->envname("TOASOAN_SEARCH_HALF_LIFE")->capture_default_str()->check(kFinite)->check(CLI::Range(0.1, 3650.0));
  serve.password_cost = env_or("TOASOAN_PASSWORD_COST", "interactive");
  s->add_option("--trusted-proxy", serve.trusted_proxies,
                "Address of a reverse proxy whose X-Forwarded-For and X-Forwarded-Proto are believed (repeatable)")
      ->envname("TOASOAN_TRUSTED_PROXY")->delimiter(',');
  s->add_option("--password-cost", serve.password_cost,
                "Argon2id cost for newsroom passwords: interactive, moderate, sensitive (env TOASOAN_PASSWORD_COST)")
      ->capture_default_str();
  s->add_option("--session-idle-hours", serve.session_idle_hours, "Hours a newsroom session may stay unused")
      ->capture_default_str()->check(CLI::Range(1, 24 * 30));
  s->add_option("--session-days", serve.session_days, "Days a newsroom session lives at most")
      ->capture_default_str()->check(CLI::Range(1, 365));
  s->add_option("--comment-rate-limit", serve.comment_rate_limit,
                "Readers' comments a minute from one address, on all nodes (12 × this on one article); 0: no limits")
      ->capture_default_str()->check(CLI::Range(0, 100000));
  s->add_option("--comment-reports", serve.comment_reports,
                "Readers' reports that send an approved comment back to moderation")
      ->capture_default_str()->check(CLI::Range(1, 1000));
  s->add_option("--comment-data-days", serve.comment_data_days,
                "Days a commenter's email and address are kept before they are erased")
      ->capture_default_str()->check(CLI::Range(1, 3650));
  s->add_option("--photo-max-mb", serve.photo_max_mb, "Largest photo a reporter may upload, in MB")
      ->capture_default_str()->check(CLI::Range(1, 200));
  s->add_option("--photo-threads", serve.photo_threads,
                "Photos processed at once (decoding, resizing); uploads beyond wait in a short queue")
      ->capture_default_str()->check(CLI::Range(1, 64));
  bool no_access_log = false;
  s->add_flag("--no-access-log", no_access_log, "Do not write a line per request to standard error");

  ImportOptions import;
  import.db = default_db;
  import.media = serve.media;
  auto* i = app.add_subcommand("import", "Import articles from a JSON Lines file (- for standard input)");
  i->add_option("FILE", import.file, "JSON Lines file, one article a line")->required();
  i->add_option("--db", import.db, "Database: sqlite:PATH or postgresql://… (env TOASOAN_DB)")->capture_default_str();
  i->add_option("--media", import.media, "Folder of photos and other media: figures' photos go there (env TOASOAN_MEDIA)")
      ->capture_default_str();
  i->add_flag("--overwrite", import.overwrite,
              "Also overwrite articles edited in the newsroom since they were last imported");

  std::string reindex_db = default_db;
  auto* r = app.add_subcommand("reindex", "Rebuild the search index from the articles");
  r->add_option("--db", reindex_db, "Database: sqlite:PATH or postgresql://… (env TOASOAN_DB)")->capture_default_str();

  UserOptions user;
  user.db = default_db;
  user.password_cost = env_or("TOASOAN_PASSWORD_COST", "interactive");
  auto* u = app.add_subcommand("user", "Newsroom accounts: add, list, set-roles, disable, enable, passwd");
  u->require_subcommand(1);
  auto user_sub = [&](const char* name, const char* help, bool needs_name) {
    auto* c = u->add_subcommand(name, help);
    if (needs_name) c->add_option("NAME", user.username, "Username")->required();
    c->add_option("--db", user.db, "Database: sqlite:PATH or postgresql://… (env TOASOAN_DB)")->capture_default_str();
    c->add_option("--password-cost", user.password_cost, "Argon2id cost (env TOASOAN_PASSWORD_COST)")
        ->capture_default_str();
    c->callback([&user, name] { user.action = name; });
    return c;
  };
  auto* ua = user_sub("add", "Add a user; the password is read from standard input", true);
  ua->add_option("--role", user.roles, "Roles: reporter, editor, secretary, chief, moderator, admin (comma-separated)")
      ->required();
  ua->add_option("--display-name", user.display_name, "The name shown in the newsroom, e.g. \"Huy Thành\"");
  user_sub("list", "List users", false);
  auto* ur = user_sub("set-roles", "Replace a user's roles", true);
  ur->add_option("ROLES", user.roles, "Roles, comma-separated")->required();
  user_sub("disable", "Disable a user and end their sessions", true);
  user_sub("enable", "Enable a disabled user", true);
  user_sub("passwd", "Set a user's password (read from standard input) and end their sessions", true);

  MediaOptions media;
  media.db = default_db;
  media.media = serve.media;
  auto* m = app.add_subcommand("media", "The media folder against the photo library: check, gc");
  m->require_subcommand(1);
  auto media_sub = [&](const char* name, const char* help) {
    auto* c = m->add_subcommand(name, help);
    c->add_option("--db", media.db, "Database: sqlite:PATH or postgresql://… (env TOASOAN_DB)")->capture_default_str();
    c->add_option("--media", media.media, "Folder of photos and other media (env TOASOAN_MEDIA)")->capture_default_str();
    c->callback([&media, name] { media.action = name; });
    return c;
  };
  media_sub("check", "Look for every stored photo's variants")
      ->add_flag("--repair", media.repair, "Make the missing ones from the originals");
  media_sub("gc", "Remove variant files of photos no longer stored")
      ->add_flag("--dry-run", media.dry_run, "Only count them");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  serve.access_log = !no_access_log;
  if (s->parsed()) return serve_command(serve);
  if (i->parsed()) return import_command(import);
  if (r->parsed()) return reindex_command(reindex_db);
  if (u->parsed()) return user_command(user);
  if (m->parsed()) return media_command(media);
  return 2;
}
