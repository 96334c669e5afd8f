// Readers' comments (comments.hpp) written once over SQL both engines accept: every statement
// is in PostgreSQL's $1 form, which SQLite runs as ?1 (shared_sql.hpp). An engine gives it a
// way to run a statement on a connection (Session, sql_session.hpp), to begin a unit of work
// and a durable one (post()'s: on the disk when it commits, power loss included), and the
// clause that locks a comment it reads in a unit (PostgreSQL: FOR UPDATE, so two moderators
// deciding on one comment take turns and its article's count moves once; SQLite's unit is the
// only writer already). sqlite/comments.hpp and postgres/comments.hpp are those engines.
//
// Emails are kept in lower case (ASCII letters), so a reader's request and an email ban find
// them whatever case they were typed in.
//
// Thread-safe: every method from any thread; a Session belongs to one call.
#pragma once

#include <memory>

#include "store/comments.hpp"
#include "store/database.hpp"
#include "store/sql_session.hpp"

namespace toasoan::store::sql {

class SqlComments : public Comments {
 public:
  Result<std::vector<Posted>> post(const std::vector<NewComment>& batch, const PostLimits& limits,
                                   std::int64_t now) override;
  Result<std::optional<Comment>> comment(std::int64_t id) override;
  Result<std::optional<Comment>> comment(UnitOfWork& work, std::int64_t id) override;
  Result<CommentPage> shown(std::int64_t article_id, CommentOrder order, int limit, int offset) override;
  Result<std::pair<std::vector<Comment>, std::int64_t>> list(const CommentQuery& query) override;
  Status set_status(UnitOfWork& work, std::int64_t id, CommentStatus status, std::int64_t user_id,
                    std::int64_t now) override;
  Status set_pinned(UnitOfWork& work, std::int64_t id, bool pinned) override;
  Status edit(UnitOfWork& work, std::int64_t id, std::string_view content) override;
  Result<std::int64_t> reply(UnitOfWork& work, const NewComment& reply, std::int64_t now) override;
  Result<bool> like(std::int64_t id, std::string_view voter) override;
  Result<bool> report(std::int64_t id, std::string_view voter, int report_threshold) override;
  Status set_closed(UnitOfWork& work, std::int64_t article_id, bool closed) override;
  Result<bool> closed(std::int64_t article_id) override;
  Result<Ban> ban(UnitOfWork& work, const Ban& ban) override;
  Status lift_ban(UnitOfWork& work, std::int64_t ban_id) override;
  Result<std::vector<Ban>> bans(std::int64_t now) override;
  Result<std::int64_t> erase_personal(std::int64_t before) override;
  Result<std::int64_t> erase_reader(UnitOfWork& work, std::string_view email) override;

 protected:
  // A session on a pooled connection of its own, outside any unit of work.
  virtual Result<std::unique_ptr<Session>> session() = 0;
  // A session on `work`'s connection. REQUIRES: `work` was begun by this engine's database.
  virtual std::unique_ptr<Session> session(UnitOfWork& work) = 0;
  virtual Result<std::unique_ptr<UnitOfWork>> begin() = 0;
  // A unit whose commit is on the disk, power loss included, when commit() returns.
  virtual Result<std::unique_ptr<UnitOfWork>> begin_durable() = 0;
  // Appended to a SELECT of `comments c` inside a unit of work, to lock the comment's row.
  virtual const char* lock_clause() const = 0;

 private:
  // A reader's vote, once per voter: true when counted.
  Result<bool> vote(std::int64_t id, std::string_view kind, std::string_view voter, int report_threshold);
};

}  // namespace toasoan::store::sql
