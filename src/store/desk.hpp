// The newsroom's desk: every piece (an article in any state: a draft nobody reads yet, a
// published article, one taken down), its revisions, who has it open, and the schedule.
// A piece is an article row (its id is the article's id, in the admin API and on the site);
// the revisions hold what the newsroom wrote, and the article row holds what readers see — the
// published revision — so a correction in progress never shows before it is published.
//
// Writes take the unit of work they run in, so a state change, its revision, its audit line
// (audit.hpp) and its change-log entries commit together. Newsroom work that readers cannot see
// (drafts, autosaves, presence) logs only a `piece <id>` entry, which purges no page; publishing
// goes through ArticleWriter and logs what the reading site needs. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"
#include "newsroom/workflow.hpp"

namespace toasoan::store {

class UnitOfWork;

namespace topic {
inline constexpr const char* piece = "piece";  // newsroom-only change to a piece: purges nothing
}  // namespace topic

// What a revision holds: the import format's fields.
struct PieceContent {
  std::string title;
  std::string lead;
  std::vector<articles::Block> blocks;
  std::vector<std::string> authors;  // the byline, as written
  std::string category;              // a category's name; "" until chosen
  std::optional<std::int64_t> published_at;  // a publication time the newsroom set, if any
  bool operator==(const PieceContent&) const = default;
};

struct Piece {
  std::int64_t id = 0;
  std::string external_id;  // "seed-1" for imported articles; "toa-soan-<random>" for new pieces
  newsroom::State state = newsroom::State::draft;
  bool returned = false;  // returned to its author and not submitted again since
  std::int64_t revision = 0;                  // the newest revision: the newsroom's copy
  std::optional<std::int64_t> published_revision;  // what readers see, when published once
  std::optional<std::int64_t> created_by;     // none: imported
  std::vector<std::int64_t> coauthors;        // users who may work on it as its author may
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;                // the newest revision's time
  std::optional<std::int64_t> updated_by;
  std::optional<std::int64_t> scheduled_at;   // when state == scheduled
  std::string slug;                           // "" until first published
  std::int64_t published_at = 0;              // the public publication time, 0 until published
  std::string correction_note;                // the latest correction's note, "" when none
  std::int64_t corrected_at = 0;
  PieceContent content;                       // the newest revision's content
};

struct Revision {
  std::int64_t id = 0;  // unique across pieces; grows
  std::int64_t article_id = 0;
  std::optional<std::int64_t> based_on;
  std::optional<std::int64_t> user_id;  // none: the import or the scheduler
  std::string username;                 // the user's name now, "" for none
  std::int64_t at = 0;
  std::string kind;    // "create", "save", "autosave", "action", "import", "restore"
  std::string action;  // for kind "action": "submit", "publish"…; "" otherwise
  newsroom::State state = newsroom::State::draft;  // the piece's state after this revision
  std::string note;
  PieceContent content;
};

struct NewRevision {
  std::optional<std::int64_t> user_id;
  std::string kind;  // "save", "autosave", "restore", "action"
  std::string action;
  std::string note;
  PieceContent content;
  // The revision the writer started from. When it is not the piece's newest revision, save()
  // answers conflict and writes nothing.
  std::int64_t based_on = 0;
  // An autosave folds into the newest revision instead of adding one when that revision is an
  // autosave by the same user, made at or after `now - fold_seconds`: its content and time
  // are replaced, its id stays.
  std::int64_t fold_seconds = 120;
};

struct Transition {
  newsroom::State state;                 // the state after
  bool returned = false;                 // set by a return, cleared otherwise
  std::optional<std::int64_t> scheduled_at;
  std::optional<std::int64_t> user_id;   // who; none for the scheduler
  std::string action;                    // "submit"…
  std::string note;
};

struct DeskQuery {
  std::optional<newsroom::State> state;
  std::optional<bool> returned;
  std::optional<std::int64_t> author;       // created by or co-authored by this user
  std::optional<std::int64_t> category_id;
  std::string text;                          // folded substring of title or lead (text::fold)
  std::optional<std::int64_t> changed_since; // updated_at >= this
  std::optional<std::int64_t> published_from;  // state published and published_at >= this
  std::optional<std::int64_t> visible_to;    // only pieces this user created or co-authors
  // Only pieces whose newest content (or, with no revision yet, the row's body), or whose
  // version readers see, holds this text as it is stored: a photo's hash, for where the
  // library's photo is used. A substring scan of each row the other conditions leave, so give
  // it changed_since too (the photo's upload time: no piece changed before it can show it).
  std::string shows;
  bool oldest_first = false;                 // by updated_at; newest first by default
  int limit = 20;
  int offset = 0;
};

struct PieceSummary {
  std::int64_t id = 0;
  std::string title;
  newsroom::State state = newsroom::State::draft;
  bool returned = false;
  std::string category;
  std::vector<std::string> authors;
  std::optional<std::int64_t> created_by;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> updated_by;
  std::optional<std::int64_t> scheduled_at;
  std::int64_t published_at = 0;
  std::int64_t revision = 0;
};

struct Presence {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::int64_t seen_at = 0;
};

class Desk {
 public:
  virtual ~Desk() = default;

  // A new draft created by `user_id`, with its first revision (kind "create").
  virtual Result<Piece> create(UnitOfWork& work, std::int64_t user_id, const PieceContent& content,
                               std::int64_t now) = 0;
  virtual Result<std::optional<Piece>> piece(std::int64_t id) = 0;
  // The same read inside `work`, the row locked against other writers until it commits
  // (PostgreSQL: FOR UPDATE; SQLite's unit of work is the only writer already).
  virtual Result<std::optional<Piece>> piece(UnitOfWork& work, std::int64_t id) = 0;
  virtual Status set_coauthors(UnitOfWork& work, std::int64_t id, const std::vector<std::int64_t>& users) = 0;

  // A new revision of the piece's content (or the newest one folded, for an autosave). conflict
  // when `r.based_on` is not the newest revision; not_found for an unknown piece.
  virtual Result<Revision> save(UnitOfWork& work, std::int64_t id, const NewRevision& r, std::int64_t now) = 0;
  // Moves the piece to another state, adding a revision of kind "action" (the current content,
  // the action and its note): every state change is its own revision. conflict when the piece
  // is no longer in `from` (someone else acted first).
  virtual Result<Revision> transition(UnitOfWork& work, std::int64_t id, newsroom::State from, const Transition& t,
                                      std::int64_t now) = 0;

  // Puts the newest revision on the reading site (through ArticleWriter::upsert in `work`: its
  // slug, category, search entry and change-log entries): status published at `published_at`;
  // the slug is made at the first publication and kept after. `correction_note` non-empty:
  // a correction, shown on the page with `now` as its time.
  virtual Status publish(UnitOfWork& work, std::int64_t id, std::int64_t published_at,
                         std::string_view correction_note, std::int64_t now) = 0;
  // Takes the piece off the reading site (status unpublished); the newsroom still has it.
  virtual Status unpublish(UnitOfWork& work, std::int64_t id, std::int64_t now) = 0;

  // Pieces, and how many match in all.
  virtual Result<std::pair<std::vector<PieceSummary>, std::int64_t>> list(const DeskQuery& query) = 0;
  // A piece's revisions, newest first, without their content (content left empty).
  virtual Result<std::vector<Revision>> revisions(std::int64_t id) = 0;
  virtual Result<std::optional<Revision>> revision(std::int64_t revision_id) = 0;

  // Scheduled pieces due at `now`, oldest due first, and when the earliest one not yet due
  // falls due (its scheduled_at: the time the scheduler sleeps until).
  virtual Result<std::vector<std::int64_t>> due(std::int64_t now, int limit) = 0;
  virtual Result<std::optional<std::int64_t>> next_due(std::int64_t now) = 0;

  // Who has a piece open: a heartbeat from each open editor, and the others seen at or after
  // `since`.
  virtual Status heartbeat(std::int64_t id, std::int64_t user_id, std::int64_t now) = 0;
  virtual Result<std::vector<Presence>> present(std::int64_t id, std::int64_t since) = 0;
};

}  // namespace toasoan::store
