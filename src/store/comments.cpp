#include "store/comments.hpp"

namespace toasoan::store {

// The names stored in comments.status (migration 0008's CHECK) and given by the API.
std::string_view comment_status_name(CommentStatus s) {
  switch (s) {
    case CommentStatus::pending: return "pending";
    case CommentStatus::approved: return "approved";
    case CommentStatus::rejected: return "rejected";
    case CommentStatus::spam: return "spam";
  }
  return "pending";
}

std::optional<CommentStatus> comment_status_named(std::string_view name) {
  for (auto s : {CommentStatus::pending, CommentStatus::approved, CommentStatus::rejected, CommentStatus::spam})
    if (comment_status_name(s) == name) return s;
  return std::nullopt;
}

}  // namespace toasoan::store
