// Moderation: what the newsroom does with readers' comments. Each method checks who may, then
// writes the change, its audit line (`comment.<action>`) and its change-log entries in one unit
// of work, as the office does for articles.
//
// Who may: moderators, editors, secretaries and the chief moderate (approve, reject, spam, pin,
// edit, reply, ban, close and open an article's comments); admins set the disallowed words; a
// reader's data is exported or erased by admins and the chief (a request under Vietnam's
// personal-data decree).
//
// Errors: forbidden with the reason; not_found for no such comment or article; invalid for a
// text that breaks the comment rules (comments/rules.hpp) or an action the comment's state does
// not allow (pinning a comment readers do not see).
//
// Thread-safe: every method from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "editorial/actor.hpp"
#include "store/comments.hpp"
#include "store/database.hpp"

namespace toasoan::editorial {

enum class CommentAction { approve, reject, spam, pin, unpin, edit, reply };
std::optional<CommentAction> comment_action_named(std::string_view name);
const char* comment_action_name(CommentAction a);

class Moderation {
 public:
  using Clock = std::function<std::int64_t()>;
  Moderation(store::Database& db, Clock clock);

  static bool may_moderate(const store::User& u);
  static bool may_handle_reader_data(const store::User& u);

  Result<std::pair<std::vector<store::Comment>, std::int64_t>> list(const Actor& by, const store::CommentQuery& q);
  // One action on one comment; `content` for edit and reply. Returns the comment after it
  // (reply: the newspaper's new reply).
  Result<store::Comment> act(const Actor& by, std::int64_t id, CommentAction action, std::string_view content);
  // approve, reject or spam on several, in one unit of work: all or none. Returns how many.
  Result<std::int64_t> act_on_many(const Actor& by, const std::vector<std::int64_t>& ids, CommentAction action);

  Result<store::Ban> ban(const Actor& by, std::string kind, std::string value, int days, std::string reason);
  Status lift_ban(const Actor& by, std::int64_t ban_id);
  Result<std::vector<store::Ban>> bans(const Actor& by);

  Status set_closed(const Actor& by, std::int64_t article_id, bool closed);
  Result<bool> closed(std::int64_t article_id);

  // The disallowed words (the setting "comment_words", a JSON array).
  Result<std::vector<std::string>> words();
  Status set_words(const Actor& by, const std::vector<std::string>& words);

  Result<std::vector<store::Comment>> reader_comments(const Actor& by, std::string_view email);
  Result<std::int64_t> erase_reader(const Actor& by, std::string_view email);

 private:
  Status audit(store::UnitOfWork& work, const Actor& by, std::string action, std::int64_t article_id,
               std::string detail);
  store::Database& db_;
  Clock clock_;
};

inline constexpr const char* kCommentWordsSetting = "comment_words";

}  // namespace toasoan::editorial
