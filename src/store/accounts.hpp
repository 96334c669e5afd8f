// Accounts: the newsroom's users, their sessions and the record of failed logins that
// throttling reads. Kept in the database so that every node sees the same sessions and the
// same lock-outs, and both survive a restart. Thread-safe.
//
// Writes take the unit of work they run in, so a user change commits with its audit line
// (audit.hpp); reads run on their own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "newsroom/roles.hpp"

namespace toasoan::store {

class UnitOfWork;

struct User {
  std::int64_t id = 0;
  std::string username;      // lower case, unique: "huy.thanh"
  std::string display_name;  // "Huy Thành"; the username when not given
  newsroom::Roles roles;
  bool disabled = false;
  std::int64_t created_at = 0;
  std::int64_t password_changed_at = 0;
};

struct NewUser {
  std::string username;  // already checked and lower-cased by the caller
  std::string display_name;
  newsroom::Roles roles;
  std::string password_hash;  // encoded Argon2id
};

// A signed-in session, found by the hash of its cookie's token.
struct Session {
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t last_seen = 0;
};

class Accounts {
 public:
  virtual ~Accounts() = default;

  // conflict when the username is taken.
  virtual Result<User> add_user(UnitOfWork& work, const NewUser& user, std::int64_t now) = 0;
  virtual Result<std::optional<User>> user(std::int64_t id) = 0;
  virtual Result<std::optional<User>> user_by_name(std::string_view username) = 0;
  // The encoded hash of a user's password ("" when none), with the user.
  virtual Result<std::optional<std::pair<User, std::string>>> credentials(std::string_view username) = 0;
  // Every user, by username.
  virtual Result<std::vector<User>> users() = 0;
  // Each returns not_found for an unknown id. set_disabled(true) and set_password also end
  // every session of the user, in the same unit of work.
  virtual Status set_roles(UnitOfWork& work, std::int64_t id, newsroom::Roles roles) = 0;
  virtual Status set_display_name(UnitOfWork& work, std::int64_t id, std::string_view name) = 0;
  virtual Status set_disabled(UnitOfWork& work, std::int64_t id, bool disabled) = 0;
  virtual Status set_password(UnitOfWork& work, std::int64_t id, std::string_view password_hash,
                              std::int64_t now) = 0;

  // Sessions: token_hash is the hex SHA-256 of the cookie's token (newsroom/password.hpp).
  virtual Status add_session(UnitOfWork& work, std::string_view token_hash, std::int64_t user_id,
                             std::int64_t now, std::string_view address) = 0;
  // The session and its user when the session exists, the user is not disabled, it was seen
  // after `idle_after` and created after `created_after`; nullopt otherwise (expired sessions
  // are deleted as they are found).
  virtual Result<std::optional<std::pair<Session, User>>> session(std::string_view token_hash,
                                                                  std::int64_t idle_after,
                                                                  std::int64_t created_after) = 0;
  // Marks the session seen at `now` (callers do it at most once a minute per session).
  virtual Status touch_session(std::string_view token_hash, std::int64_t now) = 0;
  virtual Status end_session(UnitOfWork& work, std::string_view token_hash) = 0;
  // Deletes sessions idle since before `idle_before` or created before `created_before`.
  virtual Result<std::int64_t> purge_sessions(std::int64_t idle_before, std::int64_t created_before) = 0;

  // Failed logins, for throttling across nodes: `key` is "user:NAME" or "address:IP".
  virtual Status add_failure(std::string_view key, std::int64_t now) = 0;
  // How many failures `key` had at or after `since`, and the newest of them (0 when none).
  virtual Result<std::pair<std::int64_t, std::int64_t>> failures(std::string_view key, std::int64_t since) = 0;
  // Forgets a key's failures (a successful login clears its account's).
  virtual Status clear_failures(std::string_view key) = 0;
  virtual Result<std::int64_t> purge_failures(std::int64_t before) = 0;
};

}  // namespace toasoan::store
