// Who is acting, as the audit log records it: a signed-in member of the newsroom, or the
// system (a command on the server's machine, the scheduler, the import). Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/accounts.hpp"

namespace toasoan::editorial {

struct Actor {
  std::optional<store::User> user;  // none: the system
  std::string address;              // the request's address; "" for commands
  std::string via;                  // "command", "scheduler", "api"

  static Actor system(std::string via) { return Actor{std::nullopt, "", std::move(via)}; }
  static Actor member(store::User u, std::string address) { return Actor{std::move(u), std::move(address), "api"}; }
};

}  // namespace toasoan::editorial
