#include "store/postgres/change_log.hpp"

#include <poll.h>

#include <thread>

#include "base/log.hpp"
#include "store/postgres/advisory_locks.hpp"
#include "store/shared_sql.hpp"

namespace toasoan::store::postgres {
namespace {

using Clock = std::chrono::steady_clock;

int millis_until(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1 << 30));
}

// Reads what the socket holds (libpq's sockets are non-blocking) and takes the notifications
// out of libpq's queue. False when the connection is gone.
bool drain(PGconn* pc, bool& heard) {
  bool alive = PQconsumeInput(pc) == 1 && PQstatus(pc) == CONNECTION_OK;
  while (PGnotify* n = PQnotifies(pc)) {
    PQfreemem(n);
    heard = true;
  }
  return alive;
}

}  // namespace

Result<std::unique_ptr<Connection>> PostgresChangeLog::listen(const Target& target) {
  auto c = Connection::connect(target);
  if (!c) return c.error();
  if (auto s = (*c)->exec(std::string("LISTEN ") + kChangeChannel); !s) return s.error();
  return c;
}

Result<std::uint64_t> PostgresChangeLog::last_seq() {
  return pool_.read([&](Connection& c) -> Result<std::uint64_t> {
    auto r = c.query(sql::kLastSeq);
    if (!r) return r.error();
    return static_cast<std::uint64_t>(r->int64(0, 0));
  });
}

Result<ChangeBatch> PostgresChangeLog::since(std::uint64_t after, int limit) {
  if (limit <= 0) return ChangeBatch{{}, false, after};  // as on SQLite
  return pool_.read([&](Connection& c) -> Result<ChangeBatch> {
    auto r = c.query(sql::kSince, {static_cast<std::int64_t>(after), limit});
    if (!r) return r.error();
    ChangeBatch out;
    out.last = after;
    for (int i = 0; i < r->size(); ++i) {
      Change ch{static_cast<std::uint64_t>(r->int64(i, 0)), std::string(r->text(i, 1)), std::string(r->text(i, 2)),
                r->int64(i, 3)};
      // Numbers have no holes, so an oldest entry beyond after + 1 means the ones between went.
      if (i == 0 && static_cast<std::uint64_t>(r->int64(i, 4)) > after + 1) out.gap = true;
      out.last = ch.seq;
      out.changes.push_back(std::move(ch));
    }
    return out;
  });
}

Result<std::int64_t> PostgresChangeLog::purge(std::int64_t before) {
  static const std::string sql = std::string("WITH gone AS (") + sql::kPurge + " RETURNING 1) SELECT count(*) FROM gone";
  return pool_.read([&](Connection& c) -> Result<std::int64_t> {
    auto r = c.query(sql, {before});
    if (!r) return r.error();
    return r->int64(0, 0);
  });
}

Status PostgresChangeLog::wait(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  const std::uint64_t heard_before = heard_.load();
  // Queue for the listener by polling a plain mutex: one follower per node waits here, so the
  // queue is short, and std::timed_mutex's clock-based lock is invisible to ThreadSanitizer.
  std::unique_lock lock(listen_mutex_, std::defer_lock);
  while (!lock.try_lock()) {
    // Another waiter heard something while this one queued for the listener.
    if (heard_.load() != heard_before || Clock::now() >= deadline) return ok_status();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (heard_.load() != heard_before) return ok_status();
  for (;;) {
    if (!listener_) {
      auto l = listen(pool_.target());
      if (!l) {
        std::this_thread::sleep_until(deadline);
        return l.error();
      }
      listener_ = std::move(*l);
      // Whatever was committed while nobody listened is unknown: the caller reads since().
      ++heard_;
      return ok_status();
    }
    PGconn* pc = listener_->handle();
    bool heard = false;
    bool alive = drain(pc, heard);
    if (heard) {
      ++heard_;
      return ok_status();
    }
    if (!alive) {
      log::warn("PostgreSQL " + pool_.target().display + ": mất kết nối nhận thông báo thay đổi, sẽ kết nối lại");
      listener_.reset();
      continue;
    }
    int wait_ms = millis_until(deadline);
    if (wait_ms == 0) return ok_status();
    pollfd p{PQsocket(pc), POLLIN, 0};
    if (::poll(&p, 1, wait_ms) < 0 && errno != EINTR) {
      listener_.reset();
      continue;
    }
    // Readable (a notification, or the server closing the session): drain() on the next turn.
    if (p.revents == 0 && millis_until(deadline) == 0) return ok_status();
  }
}

}  // namespace toasoan::store::postgres
