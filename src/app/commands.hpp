// The subcommands of the toasoan binary. main.cpp parses the command line into these option
// structs; each command returns the process exit status: 0 success, 1 the work partly failed
// (an import with rejected lines), 2 the command could not run (bad option, no database).
#pragma once

#include <string>

namespace toasoan::app {

struct ServeOptions {
  std::string listen;
  std::string db;
  std::string media;
  std::string site_name;
  std::string public_url;
  std::string default_image;
  int sitemap_size = 50000;
  int threads = 0;
  int workers = 0;  // threads for database and disk work; 0: two per core (http::ServerOptions)
  int db_pool = 8;  // most connections to a database server (store::OpenOptions::pool_size)
  bool sample = false;
  bool access_log = true;
  int read_timeout = 10;  // seconds; see http::Limits
  int idle_timeout = 30;
  double search_freshness = 0.5;  // search::SearchOptions
  double search_half_life = 30;
};
int serve_command(const ServeOptions& options);

struct ImportOptions {
  std::string file;  // "-" for standard input
  std::string db;
  bool overwrite = false;  // also write over articles edited in the newsroom since the last import
};
int import_command(const ImportOptions& options);

// Rebuilds the full-text index from the articles; 0 on success, 2 when it could not.
int reindex_command(const std::string& db);

}  // namespace toasoan::app
