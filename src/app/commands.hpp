// The subcommands of the toasoan binary. main.cpp parses the command line into these option
// structs; each command returns the process exit status: 0 success, 1 the work partly failed
// (an import with rejected lines), 2 the command could not run (bad option, no database).
#pragma once

#include <string>
#include <vector>

namespace toasoan::app {

struct ServeOptions {
  std::string listen;
  std::string db;
  std::string media;
  std::string site_name;
  std::string public_url;
  std::string default_image;
  int sitemap_size = 50000;
  int page_cache_mb = 32;  // rendered pages kept in memory; 0 renders every request
  int threads = 0;
  int workers = 0;  // threads for database and disk work; 0: two per core (http::ServerOptions)
  int db_pool = 8;  // most connections to a database server (store::OpenOptions::pool_size)
  bool sample = false;
  bool access_log = true;
  int read_timeout = 10;  // seconds; see http::Limits
  int idle_timeout = 30;
  double search_freshness = 0.5;  // search::SearchOptions
  double search_half_life = 30;
  // The newsroom: who may say a request came over https (X-Forwarded-Proto) and for whom
  // (X-Forwarded-For); the password hashing cost; how long a session lives.
  std::vector<std::string> trusted_proxies;
  std::string password_cost = "interactive";
  int session_idle_hours = 12;
  int session_days = 7;
  // Readers' comments: the per-address rate (0: no limits, for load tests), the reports that
  // send a comment back to moderation, how long personal data is kept.
  int comment_rate_limit = 5;
  int comment_reports = 3;
  int comment_data_days = 90;
  // Photos: the largest upload, and how many are processed at once (libvips; the rest wait).
  int photo_max_mb = 20;
  int photo_threads = 1;
};
int serve_command(const ServeOptions& options);

struct ImportOptions {
  std::string file;  // "-" for standard input
  std::string db;
  std::string media;  // where figures' photos are taken in (importer/figure_photos.hpp)
  bool overwrite = false;  // also write over articles edited in the newsroom since the last import
};
int import_command(const ImportOptions& options);

// `toasoan user ACTION`: add, list, set-roles, disable, enable, passwd. 0 done, 1 refused
// (bad name, weak password, unknown user), 2 the database could not be used.
struct UserOptions {
  std::string action;
  std::string username;
  std::string roles;  // "reporter,editor"
  std::string display_name;
  std::string db;
  std::string password_cost = "interactive";
};
int user_command(const UserOptions& options);

// `toasoan media check [--repair]` and `toasoan media gc [--dry-run]` (media_command.cpp says
// what each does and its exit codes).
struct MediaOptions {
  std::string action;  // "check" or "gc"
  std::string db;
  std::string media;
  bool repair = false;
  bool dry_run = false;
};
int media_command(const MediaOptions& options);

// Rebuilds the full-text index from the articles; 0 on success, 2 when it could not.
int reindex_command(const std::string& db);

}  // namespace toasoan::app
