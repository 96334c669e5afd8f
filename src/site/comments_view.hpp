// The readers' comment section under an article ("BÌNH LUẬN"), rendered on the server so it
// works without JavaScript: the count, the form (posting to /binh-luan/{id}, a hidden
// honeypot among its fields), the message after a post without JavaScript, and the first page
// of approved threads with their replies. web/static/comments.js adds the rest on top of this
// markup: sending with fetch, replies, likes, reports, sorting, more pages, live updates.
//
// Readers' text (names, comments) is always escaped: a link in it is plain text.
//
// No I/O; pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "render/html.hpp"
#include "store/comments.hpp"

namespace toasoan::site {

// Top-level comments a page (of the article page or of the list API) shows.
inline constexpr int kCommentThreadsPerPage = 20;

struct CommentSection {
  std::int64_t article_id = 0;
  std::string article_path;        // where the form without JavaScript comes back to
  std::int64_t total = 0;          // approved comments, replies included ("BÌNH LUẬN (12)")
  std::int64_t total_threads = 0;  // approved top-level comments in all
  std::vector<store::CommentThread> threads;  // the first page, newest first
  bool closed = false;                        // no form, a line saying so
  // After a post without JavaScript, the value of `?binh-luan=` (comment_notice_known()), or "".
  std::string_view notice;
};

// The section, from <section> to </section>. A pinned thread comes before the others.
void comment_section(render::Html& h, const CommentSection& section);

// The values `?binh-luan=` may take: "da-gui" (sent) and "loi-<code>" for each error code of
// the comment API. The page cache keys the article page by it only when it is one of these,
// so that any other value is the page without it and cannot make a new cache entry.
bool comment_notice_known(std::string_view value);
// The Vietnamese message for a known value; nullopt for any other.
std::optional<std::string_view> comment_notice_message(std::string_view value);

// "15/11/2023 05:13" in Vietnam time: a comment's time as the page shows it before the
// script turns it into "5 phút trước".
std::string comment_time(std::int64_t unix_seconds);

}  // namespace toasoan::site
