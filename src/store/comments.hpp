// Readers' comments: what they wrote, the moderators' decisions, likes and reports, bans, the
// rate limits that hold across nodes, and the articles where comments are closed.
//
// A comment is pending until a moderator decides (approved, rejected, spam); a reply of the
// newspaper is approved at once. Only approved comments are shown, and each article row keeps
// how many it has (`articles.comment_count`, which Reading gives as Summary::comment_count), so
// lists show the count without counting.
//
// Change-log entries (change_log.hpp), in the unit of work that made the change:
//   comment        "<article id>:<comment id>"  what readers see of that comment changed: it
//                  was approved, or stopped being shown, edited, pinned, liked. Purges the
//                  article's page and its comments' JSON; live streams send it.
//   comment_count  "<article id>"  the article's count of approved comments changed: purges
//                  the lists that print it beside the article (a like changes no count).
//   comment_queue  "<article id>"  the moderation queue changed (a comment arrived, was
//                  reported back): purges nothing; the newsroom app's queue follows it.
//   article        "<article id>"  comments were closed or opened there.
//
// Readers' personal data (email, address) is erased after a set period (erase_personal) and on
// request (erase_reader).
//
// Thread-safe: every method from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace toasoan::store {

class UnitOfWork;

namespace topic {
inline constexpr const char* comment = "comment";              // "<article id>:<comment id>"
inline constexpr const char* comment_queue = "comment_queue";  // "<article id>"
inline constexpr const char* comment_count = "comment_count";  // "<article id>"
}  // namespace topic

enum class CommentStatus { pending, approved, rejected, spam };
std::string_view comment_status_name(CommentStatus s);  // "pending", …
std::optional<CommentStatus> comment_status_named(std::string_view name);

struct Comment {
  std::int64_t id = 0;
  std::int64_t article_id = 0;
  std::optional<std::int64_t> parent_id;  // a reply: its parent, itself never a reply
  std::string name;
  std::string email;    // "" when none given, or erased
  std::string address;  // the client's address; "" when erased
  std::string content;
  CommentStatus status = CommentStatus::pending;
  // Why a moderator should look: "links" (more than two), "words" (a disallowed word),
  // "reports" (readers reported it). Empty: nothing flagged.
  std::vector<std::string> flags;
  bool newsroom = false;  // written by the newspaper (a moderator's reply)
  std::optional<std::int64_t> user_id;  // the newsroom's writer, for newsroom replies
  bool pinned = false;
  bool edited = false;  // a moderator changed its text
  std::int64_t likes = 0;
  std::int64_t reports = 0;
  std::int64_t created_at = 0;  // Unix seconds
  std::int64_t moderated_at = 0;  // 0 until decided
  std::optional<std::int64_t> moderated_by;
  // For lists: the article's title and id (CommentQuery results only).
  std::string article_title;
};

struct NewComment {
  std::int64_t article_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string name;
  std::string email;
  std::string address;
  std::string content;
  std::vector<std::string> flags;
  CommentStatus status = CommentStatus::pending;  // approved for the newspaper's replies
  bool newsroom = false;
  std::optional<std::int64_t> user_id;
};

// The limits post() applies, across every node (kept in the database). 0 turns one off.
struct PostLimits {
  int per_address_per_minute = 5;
  int per_article_per_minute = 60;
  std::int64_t duplicate_seconds = 86400;  // the same text on the same article again
};

enum class PostOutcome {
  accepted,
  no_article,     // no such article, or not published now (draft, taken down, future)
  closed,         // the newsroom closed comments on it
  bad_parent,     // the parent is not a shown comment of this article, or is itself a reply
  banned,         // the address or the email is banned now
  address_limit,  // too many from this address this minute
  article_limit,  // too many on this article this minute
  duplicate,      // the same text on this article within duplicate_seconds
};

struct Posted {
  PostOutcome outcome = PostOutcome::accepted;
  std::int64_t id = 0;           // accepted: the new comment's id
  std::int64_t retry_after = 0;  // limits: seconds until one more is accepted
  std::string ban_reason;        // banned: the reason given
  std::int64_t ban_until = 0;    // banned: until when (Unix seconds)
};

enum class CommentOrder { newest, most_liked };

// What the article page and the public API show: approved top-level comments (pinned first,
// then by the order asked), each followed by its approved replies, oldest first.
struct CommentThread {
  Comment comment;
  std::vector<Comment> replies;
};
struct CommentPage {
  std::vector<CommentThread> threads;
  std::int64_t total_threads = 0;  // approved top-level comments in all
  std::int64_t total = 0;          // approved comments in all, replies included
};

struct CommentQuery {
  // "pending", "approved", "rejected", "spam", or "flagged" (pending with a flag); "" for any.
  std::string status;
  std::optional<std::int64_t> article_id;
  std::string flag;  // "links", "words", "reports"; "" for any
  std::string email;    // exact; "" for any (a reader's request for their data)
  std::string address;  // exact; "" for any
  int limit = 50;
  int offset = 0;
};

struct Ban {
  std::int64_t id = 0;
  std::string kind;   // "address" or "email"
  std::string value;  // the address, or the email in lower case
  std::int64_t until = 0;  // Unix seconds
  std::string reason;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
};

class Comments {
 public:
  virtual ~Comments() = default;

  // Writes a batch of readers' comments in one unit of work that commits with one flush of
  // the disk for all of them (SQLite: synchronous=FULL for that commit; PostgreSQL: its normal
  // synchronous commit), checking each, in order, against what is stored (earlier ones of the
  // batch included): the article, closed comments, the parent, bans, limits, duplicates. One
  // outcome per comment, in the batch's order; an error when nothing could be written. An
  // accepted comment is durable when this returns.
  virtual Result<std::vector<Posted>> post(const std::vector<NewComment>& batch, const PostLimits& limits,
                                           std::int64_t now) = 0;

  virtual Result<std::optional<Comment>> comment(std::int64_t id) = 0;
  virtual Result<std::optional<Comment>> comment(UnitOfWork& work, std::int64_t id) = 0;

  // Approved comments of an article: `limit` threads after `offset`.
  virtual Result<CommentPage> shown(std::int64_t article_id, CommentOrder order, int limit, int offset) = 0;
  // The moderation queue and every other list: newest first, and how many match in all.
  virtual Result<std::pair<std::vector<Comment>, std::int64_t>> list(const CommentQuery& query) = 0;

  // Moderation, each in the moderator's unit of work (with its audit line). Each logs what
  // readers' pages need (see the header).
  virtual Status set_status(UnitOfWork& work, std::int64_t id, CommentStatus status, std::int64_t user_id,
                            std::int64_t now) = 0;
  virtual Status set_pinned(UnitOfWork& work, std::int64_t id, bool pinned) = 0;
  // Replaces the text (a typo fixed); marks it edited.
  virtual Status edit(UnitOfWork& work, std::int64_t id, std::string_view content) = 0;
  // The newspaper's reply, approved at once. Returns its id.
  virtual Result<std::int64_t> reply(UnitOfWork& work, const NewComment& reply, std::int64_t now) = 0;

  // A reader's like or report, once per voter (a hash of the browser's token): true when
  // counted, false when this voter already had. A report that brings an approved comment to
  // `report_threshold` sends it back to moderation, flagged "reports".
  virtual Result<bool> like(std::int64_t id, std::string_view voter) = 0;
  virtual Result<bool> report(std::int64_t id, std::string_view voter, int report_threshold) = 0;

  // Comments closed or open on an article (logs `article <id>`).
  virtual Status set_closed(UnitOfWork& work, std::int64_t article_id, bool closed) = 0;
  virtual Result<bool> closed(std::int64_t article_id) = 0;

  virtual Result<Ban> ban(UnitOfWork& work, const Ban& ban) = 0;  // id and created_at given
  virtual Status lift_ban(UnitOfWork& work, std::int64_t ban_id) = 0;
  virtual Result<std::vector<Ban>> bans(std::int64_t now) = 0;  // those still in force

  // Erases email and address of comments created before `before`, and the rate-limit records
  // older than a day. Returns how many comments lost their data.
  virtual Result<std::int64_t> erase_personal(std::int64_t before) = 0;
  // Deletes every comment written with this email (lower case) and their replies, fixing the
  // articles' counts and logging what readers see. Returns how many went.
  virtual Result<std::int64_t> erase_reader(UnitOfWork& work, std::string_view email) = 0;
};

}  // namespace toasoan::store
