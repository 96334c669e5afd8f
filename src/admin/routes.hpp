// The newsroom's HTTP API (docs/api.md, "The newsroom API"): the session calls, and everything
// under /api/v1/admin/ and the preview under /toa-soan/xem-truoc/, each behind the sign-in and
// same-site middleware (guard.hpp). Handlers only translate between HTTP and the editorial
// office and staff (src/editorial), which hold every rule.
//
// Thread-safety: the handlers run on every worker at once; what they hold is thread-safe.
#pragma once

#include <functional>
#include <string>

#include "admin/guard.hpp"
#include "articles/article.hpp"
#include "editorial/moderation.hpp"
#include "editorial/office.hpp"
#include "editorial/staff.hpp"
#include "http/router.hpp"

namespace toasoan::media {
class Library;
class ProcessingQueue;
}  // namespace toasoan::media

namespace toasoan::admin {

struct Newsroom {
  editorial::Staff& staff;
  editorial::Office& office;
  editorial::Moderation& moderation;
  // Opens a moderator's live queue (server-sent events), or nullptr when this node has none.
  std::function<std::shared_ptr<http::Stream>()> queue_stream;
  // The photo library and the queue its uploads wait in; without them (tests of other routes)
  // there are no photo routes.
  media::Library* photos = nullptr;
  media::ProcessingQueue* processing = nullptr;
  GuardOptions guard;
  // Renders an article as the reading site will show it, marked as a preview.
  std::function<std::string(const articles::Article&)> preview;
  std::int64_t idle_seconds = 12 * 3600;  // the cookie's Max-Age follows the absolute expiry
  std::int64_t absolute_seconds = 7 * 24 * 3600;
};

void add_routes(http::Router& router, const Newsroom& n);

// The route groups, one file each.
void add_session_routes(http::Router& router, const Newsroom& n);
void add_user_routes(http::Router& router, const Newsroom& n);
void add_article_routes(http::Router& router, const Newsroom& n);
void add_record_routes(http::Router& router, const Newsroom& n);  // settings and audit
void add_lookup_routes(http::Router& router, const Newsroom& n);  // categories and people
void add_comment_routes(http::Router& router, const Newsroom& n);  // moderation, bans, readers' data
void add_media_routes(http::Router& router, const Newsroom& n);    // the photo library

// Middleware every admin route runs: signed in, then same site for changes.
std::vector<http::Middleware> guarded(const Newsroom& n);
// Who is acting on a guarded route: the signed-in member, from the request's address.
editorial::Actor actor_of(const http::Request& req, const Newsroom& n);

}  // namespace toasoan::admin
