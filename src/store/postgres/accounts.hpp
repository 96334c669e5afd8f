// Accounts (store/accounts.hpp) on PostgreSQL: writes with a unit of work run on its
// connection; reads (tried once more on a fresh connection after a lost one), session upkeep
// and failed-login records run on a pooled connection, each statement a transaction of its
// own. Thread-safe: any method from any thread.
#pragma once

#include "store/accounts.hpp"
#include "store/postgres/pool.hpp"

namespace toasoan::store::postgres {

class PostgresAccounts final : public Accounts {
 public:
  explicit PostgresAccounts(Pool& pool) : pool_(pool) {}

  // REQUIRES of every method taking a unit of work: it was begun by the PostgreSQL database this
  // area belongs to.
  Result<User> add_user(UnitOfWork& work, const NewUser& user, std::int64_t now) override;
  Result<std::optional<User>> user(std::int64_t id) override;
  Result<std::optional<User>> user_by_name(std::string_view username) override;
  Result<std::optional<std::pair<User, std::string>>> credentials(std::string_view username) override;
  Result<std::vector<User>> users() override;
  Status set_roles(UnitOfWork& work, std::int64_t id, newsroom::Roles roles) override;
  Status set_display_name(UnitOfWork& work, std::int64_t id, std::string_view name) override;
  Status set_disabled(UnitOfWork& work, std::int64_t id, bool disabled) override;
  Status set_password(UnitOfWork& work, std::int64_t id, std::string_view password_hash, std::int64_t now) override;

  Status add_session(UnitOfWork& work, std::string_view token_hash, std::int64_t user_id, std::int64_t now,
                     std::string_view address) override;
  Result<std::optional<std::pair<Session, User>>> session(std::string_view token_hash, std::int64_t idle_after,
                                                          std::int64_t created_after) override;
  Status touch_session(std::string_view token_hash, std::int64_t now) override;
  Status end_session(UnitOfWork& work, std::string_view token_hash) override;
  Result<std::int64_t> purge_sessions(std::int64_t idle_before, std::int64_t created_before) override;

  Status add_failure(std::string_view key, std::int64_t now) override;
  Result<std::pair<std::int64_t, std::int64_t>> failures(std::string_view key, std::int64_t since) override;
  Status clear_failures(std::string_view key) override;
  Result<std::int64_t> purge_failures(std::int64_t before) override;

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::postgres
