// A thin RAII layer over one libpq connection: where to connect (a Target parsed once from
// the --db URL), statements prepared once per connection and reused, parameters always sent
// apart from the SQL text, results as values, and errors as Results with the kind the rest of
// the program understands.
//
// A Connection is used by one thread at a time (the store's pool hands it out); libpq
// connections must never be shared between threads mid-query.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <initializer_list>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/result.hpp"

namespace toasoan::store::postgres {

// A checked --db URL, ready to connect with.
struct Target {
  std::string url;      // as given; may hold a password: never show it
  std::string display;  // "user@host:port/dbname": for messages and logs, never a password

  // Checks a postgresql:// or postgres:// URL with libpq's own parser. The error (invalid) is
  // one line and never repeats the password, even when libpq's message quotes the URL.
  static Result<Target> parse(std::string_view url);
};

// One query parameter in text form, or SQL NULL.
class Param {
 public:
  Param(std::nullptr_t) {}
  Param(std::int64_t v) : v_(std::to_string(v)) {}
  Param(int v) : v_(std::to_string(v)) {}
  Param(std::string_view v) : v_(std::string(v)) {}
  Param(const std::string& v) : v_(v) {}
  Param(const char* v) : v_(std::string(v)) {}
  Param(std::optional<std::int64_t> v) {
    if (v) v_ = std::to_string(*v);
  }
  const char* c_str() const { return v_ ? v_->c_str() : nullptr; }

 private:
  std::optional<std::string> v_;
};

// The rows of one successful statement, in text form.
class Rows {
 public:
  explicit Rows(PGresult* r) : r_(r, &PQclear) {}
  int size() const { return PQntuples(r_.get()); }
  bool empty() const { return size() == 0; }
  int columns() const { return PQnfields(r_.get()); }
  bool is_null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  std::string_view text(int row, int col) const {
    return {PQgetvalue(r_.get(), row, col), static_cast<std::size_t>(PQgetlength(r_.get(), row, col))};
  }
  std::int64_t int64(int row, int col) const;
  bool boolean(int row, int col) const { return text(row, col) == "t"; }
  double real(int row, int col) const { return std::strtod(PQgetvalue(r_.get(), row, col), nullptr); }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> r_;
};

class Connection {
 public:
  // Connects, with a connect timeout and TCP keepalives unless the URL says otherwise, and
  // client_encoding UTF8 whatever it says. Refuses a database whose encoding cannot hold
  // Vietnamese. The error (unavailable) is one line naming target.display.
  static Result<std::unique_ptr<Connection>> connect(const Target& target);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` as a statement prepared on this connection the first time its text is seen,
  // with `params` bound to $1, $2, … in order. The cache is keyed by the text itself, so a
  // statement built at run time is prepared once however many string objects spell it.
  Result<Rows> query(std::string_view sql, std::initializer_list<Param> params = {});
  // The same with parameters counted at run time (a statement built from the filters asked).
  Result<Rows> query(std::string_view sql, std::span<const Param> params);
  // How many statements this connection keeps prepared.
  std::size_t prepared_statements() const { return prepared_.size(); }

  // Runs one or more statements with no parameters (BEGIN, COMMIT, migrations): the simple
  // query protocol, so never with anything that came from outside.
  Status exec(std::string_view sql);

  // Pipeline mode: many statements sent back to back and their results read afterwards, so
  // a batch costs one round trip instead of one per row, and the server works on one row
  // while this side prepares the next. Use:
  //   prepare(sql) for each statement (preparing is not allowed in a pipeline);
  //   begin_pipeline(); send(…) × n; sync(); next_result() × n; end_pipeline().
  // After a failure the rest of the segment is skipped by the server and next_result()
  // reports it; end_pipeline() must still be called unless the connection broke().
  // REQUIRES: the results of one segment are small (the server writes them while this side
  // is still sending): keep segments to a few hundred statements.
  Status prepare(std::string_view sql);
  Status begin_pipeline();
  Status send(std::string_view sql, std::initializer_list<Param> params);
  Status sync();
  Result<Rows> next_result();
  Status end_pipeline();

  // Ends an open transaction, keeping last_sqlstate() and broken() as the failure that
  // caused it left them. A connection that cannot roll back stays in_transaction().
  void rollback();

  // True when the connection can no longer be used: the server closed it, the network
  // failed, or the server is shutting down. Its owner drops it and opens another.
  bool broken() const;
  // True when the last failure is worth retrying the whole transaction for: a serialization
  // failure, a deadlock or a unique violation a concurrent writer caused.
  bool retryable() const;
  // Whether a transaction is open or failed (the connection must not go back to the pool so).
  bool in_transaction() const;

  // The SQLSTATE of the last failed statement, "" when none or when the failure had none.
  const std::string& last_sqlstate() const { return sqlstate_; }

  PGconn* handle() { return conn_; }
  const std::string& display() const { return display_; }

 private:
  Connection(PGconn* c, std::string display) : conn_(c), display_(std::move(display)) {}
  Result<const char*> prepared_name(std::string_view sql);
  Error failure(const PGresult* r, std::string_view what);

  PGconn* conn_;
  std::string display_;
  // Transparent, so a lookup by string_view allocates nothing.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> prepared_;  // sql → statement name
  std::string sqlstate_;
  bool lost_ = false;  // a statement failed with a connection-level SQLSTATE
};

// A transaction on one connection outside any unit of work (migrations, a reindex). Rolls
// back unless committed, so an early return leaves nothing half-done.
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Status begin() { return c_.exec("BEGIN"); }
  Status commit() {
    auto s = c_.exec("COMMIT");
    if (s) done_ = true;
    return s;
  }
  ~Transaction() {
    if (!done_) c_.rollback();
  }

 private:
  Connection& c_;
  bool done_ = false;
};

// libpq's messages, made one line: newlines and tabs become single spaces, the end is trimmed.
std::string one_line(std::string_view message);

}  // namespace toasoan::store::postgres
