#include "store/postgres/settings.hpp"

#include "store/accounts_sql.hpp"
#include "store/postgres/unit_of_work.hpp"

namespace toasoan::store::postgres {

Result<std::optional<std::string>> PostgresSettings::get(std::string_view name) {
  return pool_.read([&](Connection& c) -> Result<std::optional<std::string>> {
    auto r = c.query(sql::kGetSetting, {name});
    if (!r) return r.error();
    if (r->empty()) return std::optional<std::string>();
    return std::optional<std::string>(r->text(0, 0));
  });
}

Result<std::map<std::string, std::string>> PostgresSettings::all() {
  return pool_.read([&](Connection& c) -> Result<std::map<std::string, std::string>> {
    auto r = c.query(sql::kAllSettings);
    if (!r) return r.error();
    std::map<std::string, std::string> out;
    for (int i = 0; i < r->size(); ++i) out.emplace(r->text(i, 0), r->text(i, 1));
    return out;
  });
}

Status PostgresSettings::set(UnitOfWork& unit, std::string_view name, std::string_view value) {
  PostgresUnitOfWork& work = postgres_work(unit);
  auto r = work.connection().query(sql::kSetSetting, {name, value});
  if (!r) return r.error();
  return work.record(sql::kSettingTopic, name);
}

}  // namespace toasoan::store::postgres
