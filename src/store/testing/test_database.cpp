#include "store/testing/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

namespace toasoan::store::testing {
namespace {

constexpr const char* kUrlVariable = "TOASOAN_TEST_POSTGRES_URL";

// Runs one statement on the server's own database; "" on success, else libpq's message.
std::string admin_exec(const std::string& server_url, const std::string& sql) {
  PGconn* c = PQconnectdb(server_url.c_str());
  std::string error;
  if (PQstatus(c) != CONNECTION_OK) {
    error = PQerrorMessage(c);
  } else {
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) error = PQerrorMessage(c);
    PQclear(r);
  }
  PQfinish(c);
  while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
  return error;
}

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}() % 100000;
  return std::to_string(::getpid()) + "_" + std::to_string(salt) + "_" + std::to_string(++counter);
}

}  // namespace

std::vector<std::string> engines() { return {"sqlite", "postgres"}; }

std::optional<std::string> postgres_server_url() {
  const char* v = std::getenv(kUrlVariable);
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

std::optional<std::string> skip_reason(std::string_view engine) {
  if (engine == "postgres" && !postgres_server_url())
    return std::string(kUrlVariable) +
           " is not set: PostgreSQL cases skipped (scripts/pg start DIR prints a URL to set it to)";
  return std::nullopt;
}

std::string with_database(std::string_view url, std::string_view dbname) {
  auto scheme = url.find("://");
  std::size_t authority = scheme == std::string_view::npos ? 0 : scheme + 3;
  auto path = url.find_first_of("/?", authority);
  std::string out(url.substr(0, path == std::string_view::npos ? url.size() : path));
  out += "/";
  out += dbname;
  if (path != std::string_view::npos) {
    auto query = url.find('?', path);
    if (query != std::string_view::npos) out += url.substr(query);
  }
  return out;
}

Result<std::unique_ptr<TestDatabase>> TestDatabase::create(std::string_view engine) {
  std::unique_ptr<TestDatabase> db(new TestDatabase());
  db->engine_ = std::string(engine);
  std::string suffix = unique_suffix();
  db->dir_ = std::filesystem::temp_directory_path() / ("toasoan-test-" + suffix);
  std::error_code ec;
  std::filesystem::remove_all(db->dir_, ec);
  std::filesystem::create_directories(db->dir_, ec);
  if (ec) return internal("cannot create " + db->dir_.string() + ": " + ec.message());
  if (engine == "sqlite") {
    db->name_ = (db->dir_ / "t.db").string();
    db->url_ = "sqlite:" + db->name_;
    return db;
  }
  if (engine != "postgres") return invalid("no such engine: " + std::string(engine));
  auto server = postgres_server_url();
  if (!server) return unavailable(*skip_reason(engine));
  db->server_url_ = *server;
  db->name_ = "toasoan_t_" + suffix;
  // template0 and an explicit encoding: a server whose default is not UTF-8 still gives one.
  if (auto e = admin_exec(*server, "CREATE DATABASE " + db->name_ + " TEMPLATE template0 ENCODING 'UTF8'");
      !e.empty())
    return unavailable("cannot create a test database on " + std::string(kUrlVariable) + " (its role needs CREATEDB): " + e);
  db->url_ = with_database(*server, db->name_);
  return db;
}

TestDatabase::~TestDatabase() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
  // FORCE ends connections a failed test left open.
  if (engine_ == "postgres") admin_exec(server_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

}  // namespace toasoan::store::testing
