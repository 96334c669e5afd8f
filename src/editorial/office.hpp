// The editorial office: an article's life in the newsroom, as its members act on it. Each
// method checks who may (newsroom/workflow.hpp's table), then writes the change, its revision,
// its audit line and its change-log entries in one unit of work. The API, the scheduler and
// the tests all come through here; none of them touch the desk directly.
//
// Errors: not_found for a piece that does not exist or that the caller may not see (a reporter
// learns nothing of others' pieces); forbidden with the table's reason; conflict when someone
// else saved or acted first; invalid for a piece that cannot be published yet — then
// Error::field lists every missing field, comma-separated ("title,lead"), and Error::message
// their messages in the same order, one per line.
//
// Thread-safe: every method from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "editorial/actor.hpp"
#include "newsroom/word_diff.hpp"
#include "newsroom/workflow.hpp"
#include "store/accounts.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"
#include "store/desk.hpp"
#include "store/reading.hpp"
#include "store/settings.hpp"

namespace toasoan::editorial {

struct Saving {
  store::PieceContent content;
  std::int64_t based_on = 0;
  bool autosave = false;
  std::optional<std::vector<std::int64_t>> coauthors;
};

struct Acting {
  newsroom::Action action;
  std::string note;
  std::optional<std::int64_t> at;  // schedule: when
};

// The word differences between two revisions, part by part.
struct RevisionDiff {
  std::vector<newsroom::DiffRun> title;
  std::vector<newsroom::DiffRun> lead;
  std::vector<std::vector<newsroom::DiffRun>> blocks;  // by position; a missing block is ""
};

struct Queue {
  std::string name;  // "mine", "waiting", "returned", "scheduled", "published_today"
  std::int64_t count = 0;
  std::vector<store::PieceSummary> first;
};

class Office {
 public:
  using Clock = std::function<std::int64_t()>;
  Office(store::Database& db, Clock clock);

  newsroom::Chain chain();  // the setting, full when unset or unreadable
  Status set_chain(const Actor& by, newsroom::Chain chain);

  // The caller's standing towards a piece (roles, and whether it is theirs).
  static newsroom::Standing standing(const store::User& user, const store::Piece& piece);
  // True when the user sees every piece, not only their own.
  static bool sees_all(const store::User& user);

  Result<store::Piece> create(const Actor& by, const Saving& s);
  Result<store::Piece> piece(const store::User& who, std::int64_t id);
  Result<store::Revision> save(const Actor& by, std::int64_t id, const Saving& s);
  Result<store::Piece> act(const Actor& by, std::int64_t id, const Acting& a);
  // Makes an old revision's content the newest (a new revision of kind "restore").
  Result<store::Revision> restore(const Actor& by, std::int64_t id, std::int64_t revision, std::int64_t based_on);

  Result<std::pair<std::vector<store::PieceSummary>, std::int64_t>> list(const store::User& who, store::DeskQuery q);
  Result<std::vector<store::Revision>> revisions(const store::User& who, std::int64_t id);
  Result<store::Revision> revision(const store::User& who, std::int64_t id, std::int64_t revision);
  Result<RevisionDiff> diff(const store::User& who, std::int64_t id, std::int64_t a, std::int64_t b);
  Result<std::vector<Queue>> queues(const store::User& who);

  // The categories in menu order: what a piece is filed under, and what the desk filters by.
  Result<std::vector<articles::Category>> categories() { return db_.reading().categories(); }

  // The audit log, as the chief and admins read it (the caller checked the role).
  Result<std::pair<std::vector<store::AuditEntry>, std::int64_t>> audit_log(const store::AuditQuery& q) {
    return db_.audit().list(q);
  }

  // Presence: the others seen on the piece in the last 30 seconds; with `heartbeat`, records
  // the caller's first.
  Result<std::vector<store::Presence>> present(const store::User& who, std::int64_t id, bool heartbeat);

  // Publishes every scheduled piece whose time has come; each exactly once however many nodes
  // run this at once (the piece's row decides). Returns how many this call published.
  Result<int> publish_due();

  // What stops a piece from being published: (field, message) for each missing part.
  static std::vector<std::pair<std::string, std::string>> publication_gaps(const store::PieceContent& c);

 private:
  void name_writers(std::vector<store::Revision>& revisions);
  Result<store::Piece> visible_piece(store::UnitOfWork* work, const store::User& who, std::int64_t id);
  Status audit(store::UnitOfWork& work, const Actor& by, std::string action, const store::Piece& p,
               const std::string& before, const std::string& after, const std::string& note);
  Result<bool> publish_one(std::int64_t id);
  store::Database& db_;
  Clock clock_;
};

}  // namespace toasoan::editorial
