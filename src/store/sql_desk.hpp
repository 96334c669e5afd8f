// The desk (desk.hpp) written once over SQL both engines accept: every statement is in
// PostgreSQL's $1 form, which SQLite runs as ?1 (shared_sql.hpp). An engine gives it a way to
// run a statement on a connection (Session, sql_session.hpp), to begin a unit of work, the
// clause that locks a row it reads in a unit (PostgreSQL: FOR UPDATE; SQLite's unit is the
// only writer already), its own way of finding or making a category, and its ArticleWriter,
// which publication goes through. sqlite/desk.hpp and postgres/desk.hpp are those engines.
//
// User names are not the store's: Revision::username and Presence's names are left "", for the
// caller to fill from the accounts, so the desk depends on no other area's tables.
//
// Thread-safe: every method from any thread; a Session belongs to one call.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/article_writer.hpp"
#include "store/database.hpp"
#include "store/desk.hpp"
#include "store/sql_session.hpp"

namespace toasoan::store::sql {

class SqlDesk : public Desk {
 public:
  Result<Piece> create(UnitOfWork& work, std::int64_t user_id, const PieceContent& content,
                       std::int64_t now) override;
  Result<std::optional<Piece>> piece(std::int64_t id) override;
  Result<std::optional<Piece>> piece(UnitOfWork& work, std::int64_t id) override;
  Status set_coauthors(UnitOfWork& work, std::int64_t id, const std::vector<std::int64_t>& users) override;
  Result<Revision> save(UnitOfWork& work, std::int64_t id, const NewRevision& r, std::int64_t now) override;
  Result<Revision> transition(UnitOfWork& work, std::int64_t id, newsroom::State from, const Transition& t,
                              std::int64_t now) override;
  Status publish(UnitOfWork& work, std::int64_t id, std::int64_t published_at, std::string_view correction_note,
                 std::int64_t now) override;
  Status unpublish(UnitOfWork& work, std::int64_t id, std::int64_t now) override;
  Result<std::pair<std::vector<PieceSummary>, std::int64_t>> list(const DeskQuery& query) override;
  Result<std::vector<Revision>> revisions(std::int64_t id) override;
  Result<std::optional<Revision>> revision(std::int64_t revision_id) override;
  Result<std::vector<std::int64_t>> due(std::int64_t now, int limit) override;
  Result<std::optional<std::int64_t>> next_due(std::int64_t now) override;
  Status heartbeat(std::int64_t id, std::int64_t user_id, std::int64_t now) override;
  Result<std::vector<Presence>> present(std::int64_t id, std::int64_t since) override;

  // Fills the text filter's column for articles stored before it existed (migration 0007 cannot
  // fold in SQL), a few hundred rows a statement, each committing by itself (what it writes is
  // derived and written again alike by anyone). The engines' migrate() calls it on the
  // connection it migrates with; once done it finds nothing to do.
  static Status fill_desk_text(Session& s);
  // Its question, asked at every start: a range of the partial index articles_desk_text_missing
  // (migration 12), empty once filled, so a start reads no archive. $1 after this id, $2 rows.
  static constexpr const char* kUnfilledDeskText =
      "SELECT id, title, lead FROM articles WHERE desk_text = '' AND (title <> '' OR lead <> '') AND id > $1 "
      "ORDER BY id LIMIT $2";

 protected:
  // A session on a pooled connection of its own, outside any unit of work.
  virtual Result<std::unique_ptr<Session>> session() = 0;
  // A session on `work`'s connection. REQUIRES: `work` was begun by this engine's database.
  virtual std::unique_ptr<Session> session(UnitOfWork& work) = 0;
  virtual Result<std::unique_ptr<UnitOfWork>> begin() = 0;
  // Appended to a SELECT that reads a piece inside a unit of work, to lock its row.
  virtual const char* lock_clause() const = 0;
  // The category named `name`, made (as imports make them) when there is none.
  virtual Result<std::int64_t> category(UnitOfWork& work, const std::string& name) = 0;
  virtual ArticleWriter& writer() = 0;

 private:
  Result<std::optional<Piece>> read_piece(Session& s, std::int64_t id, bool locked);
  Result<Revision> add_revision(Session& s, std::int64_t id, const Revision& r);
};

}  // namespace toasoan::store::sql
