#include "store/sqlite/settings.hpp"

#include "store/accounts_sql.hpp"
#include "store/sqlite/unit_of_work.hpp"

namespace toasoan::store::sqlite {

Result<std::optional<std::string>> SqliteSettings::get(std::string_view name) {
  static const std::string text = sql::sqlite_form(sql::kGetSetting);
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, text);
  s.bind(name);
  int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return step_error(c);
  return std::optional<std::string>(s.text(0));
}

Result<std::map<std::string, std::string>> SqliteSettings::all() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, sql::kAllSettings);
  std::map<std::string, std::string> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) out.emplace(s.text(0), s.text(1));
  if (rc != SQLITE_DONE) return step_error(c);
  return out;
}

Status SqliteSettings::set(UnitOfWork& unit, std::string_view name, std::string_view value) {
  static const std::string text = sql::sqlite_form(sql::kSetSetting);
  SqliteUnitOfWork& work = sqlite_work(unit);
  Connection& c = work.connection();
  {
    TOASOAN_SQLITE_STATEMENT(s, c, text);
    s.bind(name, value);
    if (s.step() != SQLITE_DONE) return step_error(c);
  }
  return work.record(sql::kSettingTopic, name);
}

}  // namespace toasoan::store::sqlite
