// The audit log: every action on an article, every login, failed login and logout, every user
// and setting change — who, when, from which address. Append-only: nothing here or above
// deletes a line. A change and its audit line are written in the same unit of work.
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace toasoan::store {

class UnitOfWork;

struct AuditEntry {
  std::int64_t id = 0;  // given by the store
  std::int64_t at = 0;  // Unix seconds
  std::optional<std::int64_t> user_id;  // none: the system (scheduler, import, a command)
  std::string username;                 // as it was then; "" for the system
  std::string address;                  // the request's address; "" for commands
  std::string action;                   // "article.submit", "login", "login.failed", "user.add"…
  std::optional<std::int64_t> article_id;
  std::string state_before;  // articles: the states around the action; "" otherwise
  std::string state_after;
  std::string note;    // the note given with the action
  std::string detail;  // anything else, JSON text ("{}" when nothing)
};

struct AuditQuery {
  std::optional<std::int64_t> user_id;
  std::string action;  // exact, or a prefix ending in '.' ("article.")
  std::optional<std::int64_t> article_id;
  std::optional<std::int64_t> from;  // at >= from
  std::optional<std::int64_t> to;    // at < to
  int limit = 50;
  int offset = 0;
};

class Audit {
 public:
  virtual ~Audit() = default;
  // Appends in `work`; the entry's id and at are the store's and `at` respectively.
  virtual Status append(UnitOfWork& work, const AuditEntry& entry) = 0;
  // The same in a unit of work of its own (a failed login changes nothing else).
  virtual Status append(const AuditEntry& entry) = 0;
  // Newest first, and how many match in all.
  virtual Result<std::pair<std::vector<AuditEntry>, std::int64_t>> list(const AuditQuery& query) = 0;
};

}  // namespace toasoan::store
