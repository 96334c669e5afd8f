// /api/v1/admin/categories and /api/v1/admin/people: the short lists the newsroom app chooses
// from — a piece's category and the desk's category filter (which takes the id), the author
// filter and bylines. Every signed-in member, whatever their role, may read them: they name
// nothing a reporter may not know, and no password data or disabled account appears.
#include "admin/api_json.hpp"
#include "admin/routes.hpp"

namespace toasoan::admin {

void add_lookup_routes(http::Router& router, const Newsroom& n) {
  router.add("GET", "/api/v1/admin/categories", [&n](http::Request&, http::Response& res) {
    auto cats = n.office.categories();
    if (!cats) return send_error(res, cats.error());
    json list = json::array();
    for (const auto& c : *cats) list.push_back({{"id", c.id}, {"name", c.name}, {"slug", c.slug}});
    send(res, json{{"categories", list}});
  }, {}, guarded(n));

  router.add("GET", "/api/v1/admin/people", [&n](http::Request&, http::Response& res) {
    auto people = n.staff.members();
    if (!people) return send_error(res, people.error());
    json list = json::array();
    for (const auto& u : *people) {
      json roles = json::array();
      for (auto r : u.roles.list()) roles.push_back(newsroom::role_name(r));
      list.push_back({{"id", u.id}, {"username", u.username}, {"display_name", u.display_name}, {"roles", roles}});
    }
    send(res, json{{"people", list}});
  }, {}, guarded(n));
}

}  // namespace toasoan::admin
