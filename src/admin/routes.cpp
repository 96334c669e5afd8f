#include "admin/routes.hpp"

#include "admin/api_json.hpp"

namespace toasoan::admin {

std::vector<http::Middleware> guarded(const Newsroom& n) { return {signed_in(n.staff), same_site(n.guard)}; }

editorial::Actor actor_of(const http::Request& req, const Newsroom& n) {
  return editorial::Actor::member(signed_of(req).user, client_address(req, n.guard));
}

void add_routes(http::Router& router, const Newsroom& n) {
  add_session_routes(router, n);
  add_user_routes(router, n);
  add_article_routes(router, n);
  add_record_routes(router, n);
  add_lookup_routes(router, n);
  add_comment_routes(router, n);
  add_media_routes(router, n);
  // Anything else under the admin prefix: a JSON 404, never the reading site's page.
  for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"})
    router.add(method, "/api/v1/admin/{*rest}", [](http::Request&, http::Response& res) {
      send(res, json{{"error", "not_found"}, {"reason", "Không có địa chỉ API này"}}, 404);
    }, {.worker = false});
}

}  // namespace toasoan::admin
