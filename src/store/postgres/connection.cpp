#include "store/postgres/connection.hpp"

#include <charconv>
#include <vector>

#include "base/log.hpp"

namespace toasoan::store::postgres {
namespace {

// What the URL can still override (it comes later in the keyword list, see connect()).
// Five seconds: long enough for a server across a data centre, short enough that `serve`
// says what is wrong before the operator gives up on it.
constexpr const char* kConnectTimeoutSeconds = "5";
// A server that vanishes without closing the socket (a crashed host, a cut cable) is noticed
// after about idle + interval × count = 60 s instead of the kernel's two hours.
constexpr const char* kKeepaliveIdleSeconds = "30";
constexpr const char* kKeepaliveIntervalSeconds = "10";
constexpr const char* kKeepaliveCount = "3";

bool starts_with_class(const std::string& sqlstate, std::string_view cls) {
  return sqlstate.size() == 5 && std::string_view(sqlstate).substr(0, cls.size()) == cls;
}

// Replaces every occurrence of `secret` in `text` with ***.
void redact_one(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3))
    text.replace(at, secret.size(), "***");
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int v = 0;
      auto [p, ec] = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
      if (ec == std::errc() && p == s.data() + i + 3) {
        out.push_back(static_cast<char>(v));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Removes the URL's password from a message, as given and percent-decoded: libpq quotes
// parts of the URL in some of its complaints ("invalid percent-encoded token: …").
std::string redact(std::string message, std::string_view url) {
  std::vector<std::string> secrets;
  if (auto scheme = url.find("://"); scheme != std::string_view::npos) {
    std::string_view rest = url.substr(scheme + 3);
    std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
      std::string_view userinfo = authority.substr(0, at);
      if (auto colon = userinfo.find(':'); colon != std::string_view::npos)
        secrets.emplace_back(userinfo.substr(colon + 1));
    }
  }
  for (auto at = url.find("password="); at != std::string_view::npos; at = url.find("password=", at + 1)) {
    std::string_view value = url.substr(at + 9);
    secrets.emplace_back(value.substr(0, value.find('&')));
  }
  for (const auto& s : secrets) {
    redact_one(message, s);
    redact_one(message, percent_decoded(s));
  }
  return message;
}

std::string describe(PGconn* c) {
  std::string out;
  const char* user = PQuser(c);
  const char* host = PQhost(c);
  const char* port = PQport(c);
  const char* db = PQdb(c);
  if (user && *user) out += std::string(user) + "@";
  out += host && *host ? host : "localhost";
  if (port && *port) out += std::string(":") + port;
  out += "/";
  if (db) out += db;
  return out;
}

// Server notices (NOTICE, WARNING, and the FATAL a server sends an idle connection before
// closing it) would otherwise go straight to standard error, unformatted.
void log_notice(void*, const char* message) { log::write(log::Level::debug, "PostgreSQL: " + one_line(message)); }

}  // namespace

std::string one_line(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  bool space = false;
  for (char ch : message) {
    if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

Result<Target> Target::parse(std::string_view url) {
  std::string owned(url);
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(owned.c_str(), &err);
  if (!options) {
    std::string why = err ? one_line(err) : "không đủ bộ nhớ";
    PQfreemem(err);
    return invalid("--db: địa chỉ PostgreSQL không hợp lệ: " + redact(why, url) +
                   " (dạng đúng: postgresql://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN_CSDL)");
  }
  std::string user, host, port, db;
  for (auto* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string_view k = o->keyword;
    if (k == "user") user = o->val;
    else if (k == "host" || (k == "hostaddr" && host.empty())) host = o->val;
    else if (k == "port") port = o->val;
    else if (k == "dbname") db = o->val;
  }
  PQconninfoFree(options);
  Target t;
  t.url = std::move(owned);
  if (!user.empty()) t.display = user + "@";
  t.display += host.empty() ? "localhost" : host;
  if (!port.empty()) t.display += ":" + port;
  t.display += "/" + db;
  return t;
}

std::int64_t Rows::int64(int row, int col) const {
  auto s = text(row, col);
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

Result<std::unique_ptr<Connection>> Connection::connect(const Target& target) {
  // Later keywords override earlier ones, the URL's among them: it may change the timeouts
  // and the application name, but not the client encoding every stored string relies on.
  const char* keys[] = {"connect_timeout", "application_name", "keepalives", "keepalives_idle",
                        "keepalives_interval", "keepalives_count", "dbname", "client_encoding",
                        nullptr};
  const char* values[] = {kConnectTimeoutSeconds, "toasoan", "1", kKeepaliveIdleSeconds,
                          kKeepaliveIntervalSeconds, kKeepaliveCount, target.url.c_str(), "UTF8",
                          nullptr};
  PGconn* c = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!c) return unavailable("không đủ bộ nhớ để kết nối tới PostgreSQL " + target.display);
  std::string display = describe(c);
  if (PQstatus(c) != CONNECTION_OK) {
    std::string why = redact(one_line(PQerrorMessage(c)), target.url);
    PQfinish(c);
    return unavailable("không kết nối được tới PostgreSQL " + display + ": " + why);
  }
  PQsetNoticeProcessor(c, log_notice, nullptr);
  std::unique_ptr<Connection> conn(new Connection(c, std::move(display)));
  // Text goes in and out as UTF-8 bytes; a LATIN1 database would refuse Vietnamese at the
  // first write, far from the cause. SQL_ASCII stores bytes as given, which is also fine.
  const char* encoding = PQparameterStatus(c, "server_encoding");
  if (encoding && std::string_view(encoding) != "UTF8" && std::string_view(encoding) != "SQL_ASCII")
    return invalid("cơ sở dữ liệu PostgreSQL " + conn->display_ + " dùng bảng mã " + encoding +
                   "; toasoan cần UTF8 (CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0)");
  // Statements are prepared once and run many times. After five runs PostgreSQL may switch to
  // a generic plan, which for the full-text search ("$2 IS NULL OR category = $2", a tsquery
  // of unknown selectivity) walks every article: ~200 ms instead of ~1 ms. Plan per call.
  if (auto s = conn->exec("SET plan_cache_mode = force_custom_plan"); !s) return s.error();
  // A search of a common word holds a bitmap of its matches (docs/search.md). Past work_mem it
  // keeps pages instead of rows, and every row of those pages is checked again by opening its
  // whole document: at a million articles, 4 MB (the default) made a window's 1,200 matches
  // cost 3,400 pages of documents and 317 ms; 16 MB keeps them exact, 113 ms.
  if (auto s = conn->exec("SET work_mem = '16MB'"); !s) return s.error();
  return conn;
}

Connection::~Connection() { PQfinish(conn_); }

Error Connection::failure(const PGresult* r, std::string_view what) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  sqlstate_ = state ? state : "";
  // 08: connection exceptions; 57P01..03: the server is shutting down, crashed or starting.
  if (starts_with_class(sqlstate_, "08") || sqlstate_ == "57P01" || sqlstate_ == "57P02" || sqlstate_ == "57P03")
    lost_ = true;
  std::string why = one_line(r && *PQresultErrorMessage(r) ? PQresultErrorMessage(r) : PQerrorMessage(conn_));
  if (why.empty()) why = "không rõ lỗi";
  if (broken()) return unavailable("mất kết nối tới PostgreSQL " + display_ + ": " + why);
  if (retryable() || starts_with_class(sqlstate_, "23"))
    return {ErrorKind::conflict, "PostgreSQL " + std::string(what) + ": " + why};
  // 22: data exceptions (a value the column cannot hold); 54: too large for an index entry.
  if (starts_with_class(sqlstate_, "22") || starts_with_class(sqlstate_, "54"))
    return invalid("PostgreSQL không lưu được dữ liệu: " + why);
  return internal("PostgreSQL " + std::string(what) + ": " + why);
}

Result<const char*> Connection::prepared_name(std::string_view sql) {
  if (auto it = prepared_.find(sql); it != prepared_.end()) return it->second.c_str();
  std::string name = "toasoan_" + std::to_string(prepared_.size() + 1);
  std::string text(sql);
  PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
  if (PQresultStatus(r) != PGRES_COMMAND_OK) {
    Error e = failure(r, "prepare");
    PQclear(r);
    return e;
  }
  PQclear(r);
  return prepared_.emplace(std::move(text), std::move(name)).first->second.c_str();
}

Result<Rows> Connection::query(std::string_view sql, std::initializer_list<Param> params) {
  return query(sql, std::span<const Param>(params.begin(), params.size()));
}

Result<Rows> Connection::query(std::string_view sql, std::span<const Param> params) {
  auto name = prepared_name(sql);
  if (!name) return name.error();
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p.c_str());
  PGresult* r = PQexecPrepared(conn_, *name, static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0);
  auto status = PQresultStatus(r);
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
    sqlstate_.clear();
    return Rows(r);
  }
  Error e = failure(r, "query");
  PQclear(r);
  return e;
}

Status Connection::exec(std::string_view sql) {
  std::string owned(sql);
  PGresult* r = PQexec(conn_, owned.c_str());
  auto status = PQresultStatus(r);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    sqlstate_.clear();
    PQclear(r);
    return ok_status();
  }
  Error e = failure(r, "exec");
  PQclear(r);
  return e;
}

Status Connection::prepare(std::string_view sql) {
  if (auto name = prepared_name(sql); !name) return name.error();
  return ok_status();
}

Status Connection::begin_pipeline() {
  if (PQenterPipelineMode(conn_) != 1) return failure(nullptr, "pipeline");
  return ok_status();
}

Status Connection::send(std::string_view sql, std::initializer_list<Param> params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) return internal("PostgreSQL: statement sent in a pipeline before it was prepared");
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p.c_str());
  if (PQsendQueryPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                          nullptr, 0) != 1)
    return failure(nullptr, "send");
  return ok_status();
}

Status Connection::sync() {
  if (PQpipelineSync(conn_) != 1) return failure(nullptr, "sync");
  return ok_status();
}

Result<Rows> Connection::next_result() {
  PGresult* r = PQgetResult(conn_);
  if (!r) return failure(nullptr, "pipeline");  // nothing where a result was due: the link broke
  // Each statement's results end with a null; read it so the next call gets the next one.
  auto finish = [&] {
    if (PGresult* end = PQgetResult(conn_)) PQclear(end);
  };
  auto status = PQresultStatus(r);
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
    finish();
    return Rows(r);
  }
  if (status == PGRES_PIPELINE_ABORTED) {  // skipped after an earlier failure; keep its SQLSTATE
    PQclear(r);
    finish();
    return internal("PostgreSQL: statement skipped after an earlier failure");
  }
  Error e = failure(r, "query");
  PQclear(r);
  if (!broken()) finish();
  return e;
}

Status Connection::end_pipeline() {
  // Up to the sync point: anything left unread is dropped.
  for (int guard = 0; guard < 100000; ++guard) {
    PGresult* r = PQgetResult(conn_);
    if (!r) {
      if (broken()) break;
      continue;
    }
    auto status = PQresultStatus(r);
    PQclear(r);
    if (status == PGRES_PIPELINE_SYNC) break;
  }
  if (PQexitPipelineMode(conn_) != 1) {
    lost_ = true;  // a connection stuck in a pipeline is of no further use
    return unavailable("PostgreSQL " + display_ + ": " + one_line(PQerrorMessage(conn_)));
  }
  return ok_status();
}

void Connection::rollback() {
  if (PQstatus(conn_) != CONNECTION_OK) return;
  PQclear(PQexec(conn_, "ROLLBACK"));
}

bool Connection::broken() const { return lost_ || PQstatus(conn_) != CONNECTION_OK; }

bool Connection::retryable() const {
  // 40001 serialization_failure, 40P01 deadlock_detected, 23505 unique_violation (another
  // writer inserted the same key between our check and our insert).
  return sqlstate_ == "40001" || sqlstate_ == "40P01" || sqlstate_ == "23505";
}

bool Connection::in_transaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

}  // namespace toasoan::store::postgres
