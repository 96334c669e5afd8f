// A newsroom member as the admin API shows them. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "store/accounts.hpp"

namespace toasoan::admin {

// {"id", "username", "display_name", "roles": [...], "disabled", "created", "password_changed"}
nlohmann::json user_json(const store::User& u);

}  // namespace toasoan::admin
