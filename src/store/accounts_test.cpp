// The accounts, audit and settings areas (accounts.hpp, audit.hpp, settings.hpp), tested on
// every engine: each case runs on SQLite and on PostgreSQL (skipped, saying why, when
// TOASOAN_TEST_POSTGRES_URL is unset), each time on a database of its own.
#include "store/accounts.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "store/audit.hpp"
#include "store/change_log.hpp"
#include "store/database.hpp"
#include "store/settings.hpp"
#include "store/testing/area_test.hpp"

namespace toasoan::store {
namespace {

using newsroom::Role;
using newsroom::Roles;
using Table = std::vector<std::vector<std::string>>;

// Raw SQL on the test's database, as a person with a database shell would run it: the rows,
// or the engine's error.
Result<Table> sqlite_raw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return internal("cannot open " + path);
  }
  Table out;
  sqlite3_stmt* s = nullptr;
  std::optional<Error> failed;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    failed = internal(sqlite3_errmsg(db));
  } else {
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        auto t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
        row.push_back(t ? t : "<null>");
      }
      out.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) failed = internal(sqlite3_errmsg(db));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  if (failed) return *failed;
  return out;
}

Result<Table> pg_raw(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string why = PQerrorMessage(c);
    PQfinish(c);
    return internal(why);
  }
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(c, sql.c_str());
  Table out;
  std::optional<Error> failed;
  if (PQresultStatus(r) == PGRES_TUPLES_OK) {
    for (int i = 0; i < PQntuples(r); ++i) {
      std::vector<std::string> row;
      for (int j = 0; j < PQnfields(r); ++j) row.push_back(PQgetisnull(r, i, j) ? "<null>" : PQgetvalue(r, i, j));
      out.push_back(std::move(row));
    }
  } else if (PQresultStatus(r) != PGRES_COMMAND_OK) {
    failed = internal(PQerrorMessage(c));
  }
  PQclear(r);
  PQfinish(c);
  if (failed) return *failed;
  return out;
}

constexpr std::int64_t kNow = 1'800'000'000;

class AccountsTest : public testing::AreaTest {
 protected:
  Accounts& accounts() { return store_->accounts(); }
  Audit& audit() { return store_->audit(); }
  Settings& settings() { return store_->settings(); }

  Result<Table> raw(const std::string& sql) {
    return GetParam() == "postgres" ? pg_raw(db_->url(), sql) : sqlite_raw(db_->name(), sql);
  }
  std::string count(const std::string& table) {
    auto r = raw("SELECT count(*) FROM " + table);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? (*r)[0][0] : "?";
  }


  // Adds a user in a unit of its own and returns it.
  User add(const std::string& username, Roles roles = {Role::reporter}, const std::string& display = "") {
    auto w = begin();
    auto u = accounts().add_user(*w, NewUser{username, display, roles, "$argon2id$" + username}, kNow);
    EXPECT_TRUE(u.ok()) << u.error().message;
    auto c = w->commit();
    EXPECT_TRUE(c.ok()) << c.error().message;
    return u.ok() ? *u : User{};
  }

  void add_session(const std::string& token, std::int64_t user_id, std::int64_t at) {
    auto w = begin();
    auto s = accounts().add_session(*w, token, user_id, at, "203.0.113.7");
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_TRUE(w->commit().ok());
  }

  // Whether the session is valid at kNow with a 30-minute idle limit and a 12-hour lifetime.
  bool signed_in(const std::string& token, std::int64_t now = kNow) {
    auto s = accounts().session(token, now - 1800, now - 12 * 3600);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() && s->has_value();
  }

  // The change-log entries committed so far, as "topic key".
  std::vector<std::string> logged() { return changes_after(0); }
};

INSTANTIATE_TEST_SUITE_P(, AccountsTest, ::testing::ValuesIn(testing::engines()),
                         testing::engine_name<::testing::TestParamInfo<std::string>>);

// --- Users -------------------------------------------------------------------------------

TEST_P(AccountsTest, AddsUsersAndReadsThemByIdByNameAndInOrder) {
  User huy = add("huy.thanh", {Role::editor}, "Huy Thành");
  User an = add("an.nguyen");
  EXPECT_GT(huy.id, 0);
  EXPECT_NE(huy.id, an.id);
  EXPECT_EQ(an.display_name, "an.nguyen");  // the username when none is given

  auto by_id = accounts().user(huy.id);
  ASSERT_TRUE(by_id.ok() && by_id->has_value());
  EXPECT_EQ((*by_id)->username, "huy.thanh");
  EXPECT_EQ((*by_id)->display_name, "Huy Thành");
  EXPECT_EQ((*by_id)->roles, (Roles{Role::editor}));
  EXPECT_FALSE((*by_id)->disabled);
  EXPECT_EQ((*by_id)->created_at, kNow);
  EXPECT_EQ((*by_id)->password_changed_at, kNow);

  auto by_name = accounts().user_by_name("an.nguyen");
  ASSERT_TRUE(by_name.ok() && by_name->has_value());
  EXPECT_EQ((*by_name)->id, an.id);
  EXPECT_EQ((*by_name)->display_name, "an.nguyen");
  // Names are looked up exactly: the caller lower-cases what people type.
  EXPECT_FALSE(accounts().user_by_name("An.Nguyen")->has_value());
  EXPECT_FALSE(accounts().user(huy.id + an.id + 100)->has_value());

  auto creds = accounts().credentials("huy.thanh");
  ASSERT_TRUE(creds.ok() && creds->has_value());
  EXPECT_EQ((*creds)->first.id, huy.id);
  EXPECT_EQ((*creds)->second, "$argon2id$huy.thanh");
  EXPECT_FALSE(accounts().credentials("nobody")->has_value());

  auto all = accounts().users();
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].username, "an.nguyen");
  EXPECT_EQ((*all)[1].username, "huy.thanh");
}

TEST_P(AccountsTest, ATakenUsernameIsAConflictAndTheUnitGoesOn) {
  add("huy.thanh");
  auto w = begin();
  auto again = accounts().add_user(*w, NewUser{"huy.thanh", "Ai đó", {Role::chief}, "x"}, kNow);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().message, "Tên đăng nhập đã có");
  // The refusal leaves the unit of work usable: the rest of it still commits.
  auto other = accounts().add_user(*w, NewUser{"lan.pham", "", {Role::reporter}, "y"}, kNow);
  ASSERT_TRUE(other.ok()) << other.error().message;
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(count("users"), "2");
  EXPECT_EQ(accounts().user_by_name("huy.thanh")->value().roles, (Roles{Role::reporter}));
}

TEST_P(AccountsTest, RolesRoundTripWhateverTheSet) {
  User u = add("thu.ky", {Role::secretary, Role::admin, Role::moderator});
  EXPECT_EQ(accounts().user(u.id)->value().roles, (Roles{Role::secretary, Role::admin, Role::moderator}));
  for (Roles roles : {Roles{Role::reporter, Role::editor, Role::secretary, Role::chief, Role::moderator, Role::admin},
                      Roles{Role::chief}, Roles{}}) {
    auto w = begin();
    ASSERT_TRUE(accounts().set_roles(*w, u.id, roles).ok());
    ASSERT_TRUE(w->commit().ok());
    auto back = accounts().user(u.id);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->value().roles, roles) << roles.to_string();
  }
}

TEST_P(AccountsTest, ChangesTheDisplayName) {
  User u = add("huy.thanh");
  auto w = begin();
  ASSERT_TRUE(accounts().set_display_name(*w, u.id, "Thành Huy").ok());
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(accounts().user(u.id)->value().display_name, "Thành Huy");
}

TEST_P(AccountsTest, AnUnknownUserIsNotFound) {
  User u = add("huy.thanh");
  const std::int64_t nobody = u.id + 1000;
  auto w = begin();
  for (Status s : {accounts().set_roles(*w, nobody, {Role::admin}), accounts().set_display_name(*w, nobody, "X"),
                   accounts().set_disabled(*w, nobody, true), accounts().set_password(*w, nobody, "h", kNow),
                   accounts().add_session(*w, "token", nobody, kNow, "")}) {
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, ErrorKind::not_found) << s.error().message;
  }
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(count("sessions"), "0");
  EXPECT_EQ(accounts().user(u.id)->value().roles, (Roles{Role::reporter}));
}

// --- Sessions ----------------------------------------------------------------------------

TEST_P(AccountsTest, FindsASessionWithItsUser) {
  User u = add("huy.thanh", {Role::editor});
  add_session("hash-1", u.id, kNow - 60);
  auto s = accounts().session("hash-1", kNow - 1800, kNow - 3600);
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->first.user_id, u.id);
  EXPECT_EQ((*s)->first.created_at, kNow - 60);
  EXPECT_EQ((*s)->first.last_seen, kNow - 60);
  EXPECT_EQ((*s)->second.username, "huy.thanh");
  EXPECT_EQ((*s)->second.roles, (Roles{Role::editor}));
  EXPECT_FALSE(signed_in("hash-2"));
}

TEST_P(AccountsTest, DisablingAUserEndsItsSessionsAndKeepsThemEnded) {
  User u = add("huy.thanh");
  User other = add("an.nguyen");
  add_session("a", u.id, kNow);
  add_session("b", u.id, kNow);
  add_session("c", other.id, kNow);
  {
    auto w = begin();
    ASSERT_TRUE(accounts().set_disabled(*w, u.id, true).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  EXPECT_TRUE(accounts().user(u.id)->value().disabled);
  EXPECT_FALSE(signed_in("a"));
  EXPECT_FALSE(signed_in("b"));
  EXPECT_TRUE(signed_in("c"));
  EXPECT_EQ(count("sessions"), "1");
  // A session opened for a disabled user (a login racing the disabling) does not sign in.
  add_session("d", u.id, kNow);
  EXPECT_FALSE(signed_in("d"));
  {
    auto w = begin();
    ASSERT_TRUE(accounts().set_disabled(*w, u.id, false).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  EXPECT_FALSE(accounts().user(u.id)->value().disabled);
  EXPECT_FALSE(signed_in("a"));  // enabling again brings no session back
}

TEST_P(AccountsTest, DisablingInAUnitThatRollsBackEndsNothing) {
  User u = add("huy.thanh");
  add_session("a", u.id, kNow);
  {
    auto w = begin();
    ASSERT_TRUE(accounts().set_disabled(*w, u.id, true).ok());
  }  // not committed
  EXPECT_FALSE(accounts().user(u.id)->value().disabled);
  EXPECT_TRUE(signed_in("a"));
}

TEST_P(AccountsTest, ChangingThePasswordEndsEverySessionOfTheUser) {
  User u = add("huy.thanh");
  add_session("a", u.id, kNow);
  add_session("b", u.id, kNow);
  {
    auto w = begin();
    ASSERT_TRUE(accounts().set_password(*w, u.id, "$argon2id$new", kNow + 10).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  EXPECT_FALSE(signed_in("a"));
  EXPECT_FALSE(signed_in("b"));
  auto creds = accounts().credentials("huy.thanh");
  ASSERT_TRUE(creds.ok() && creds->has_value());
  EXPECT_EQ((*creds)->second, "$argon2id$new");
  EXPECT_EQ((*creds)->first.password_changed_at, kNow + 10);
}

TEST_P(AccountsTest, ASessionExpiresWhenIdleAndIsDeleted) {
  User u = add("huy.thanh");
  add_session("a", u.id, kNow - 1000);
  EXPECT_TRUE(signed_in("a"));                   // seen 1000 s ago, the limit is 1800
  ASSERT_TRUE(accounts().touch_session("a", kNow).ok());
  EXPECT_TRUE(signed_in("a", kNow + 1800));      // seen exactly at the limit: still in
  EXPECT_FALSE(signed_in("a", kNow + 1801));
  EXPECT_EQ(count("sessions"), "0");             // deleted as it was found
  EXPECT_FALSE(signed_in("a", kNow));
}

TEST_P(AccountsTest, ASessionExpiresAtItsAgeHoweverBusy) {
  User u = add("huy.thanh");
  add_session("a", u.id, kNow);
  std::int64_t t = kNow;
  for (; t <= kNow + 12 * 3600; t += 1200) {
    ASSERT_TRUE(accounts().touch_session("a", t).ok());
    ASSERT_TRUE(signed_in("a", t)) << t - kNow;
  }
  ASSERT_TRUE(accounts().touch_session("a", t).ok());
  EXPECT_FALSE(signed_in("a", t));
  EXPECT_EQ(count("sessions"), "0");
}

TEST_P(AccountsTest, ATouchNeverMovesLastSeenBack) {
  User u = add("huy.thanh");
  add_session("a", u.id, kNow);
  ASSERT_TRUE(accounts().touch_session("a", kNow + 100).ok());
  ASSERT_TRUE(accounts().touch_session("a", kNow + 50).ok());
  EXPECT_EQ(accounts().session("a", 0, 0)->value().first.last_seen, kNow + 100);
  EXPECT_TRUE(accounts().touch_session("unknown", kNow).ok());
}

TEST_P(AccountsTest, EndingASessionSignsOutThatSessionOnly) {
  User u = add("huy.thanh");
  add_session("a", u.id, kNow);
  add_session("b", u.id, kNow);
  auto w = begin();
  ASSERT_TRUE(accounts().end_session(*w, "a").ok());
  ASSERT_TRUE(accounts().end_session(*w, "never-was").ok());
  ASSERT_TRUE(w->commit().ok());
  EXPECT_FALSE(signed_in("a"));
  EXPECT_TRUE(signed_in("b"));
}

TEST_P(AccountsTest, PurgeDeletesIdleAndOldSessionsAndSaysHowMany) {
  User u = add("huy.thanh");
  add_session("old", u.id, kNow - 20 * 3600);
  ASSERT_TRUE(accounts().touch_session("old", kNow).ok());  // busy, but too old
  add_session("idle", u.id, kNow - 3600);
  add_session("fresh", u.id, kNow - 60);
  auto n = accounts().purge_sessions(kNow - 1800, kNow - 12 * 3600);
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 2);
  auto left = raw("SELECT token_hash FROM sessions");
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, (Table{{"fresh"}}));
  EXPECT_EQ(*accounts().purge_sessions(kNow - 1800, kNow - 12 * 3600), 0);
}

// --- Failed logins -----------------------------------------------------------------------

TEST_P(AccountsTest, FailuresAreCountedPerKeyWithinTheWindowAndCleared) {
  for (std::int64_t at : {kNow - 900, kNow - 300, kNow - 120, kNow - 5})
    ASSERT_TRUE(accounts().add_failure("user:huy.thanh", at).ok());
  ASSERT_TRUE(accounts().add_failure("address:203.0.113.7", kNow - 10).ok());

  auto f = accounts().failures("user:huy.thanh", kNow - 600);
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(f->first, 3);
  EXPECT_EQ(f->second, kNow - 5);
  EXPECT_EQ(*accounts().failures("user:huy.thanh", kNow - 300), (std::pair<std::int64_t, std::int64_t>{3, kNow - 5}));
  EXPECT_EQ(*accounts().failures("user:huy.thanh", 0), (std::pair<std::int64_t, std::int64_t>{4, kNow - 5}));
  EXPECT_EQ(*accounts().failures("address:203.0.113.7", 0), (std::pair<std::int64_t, std::int64_t>{1, kNow - 10}));
  EXPECT_EQ(*accounts().failures("user:an", 0), (std::pair<std::int64_t, std::int64_t>{0, 0}));

  ASSERT_TRUE(accounts().clear_failures("user:huy.thanh").ok());
  EXPECT_EQ(*accounts().failures("user:huy.thanh", 0), (std::pair<std::int64_t, std::int64_t>{0, 0}));
  EXPECT_EQ(accounts().failures("address:203.0.113.7", 0)->first, 1);  // other keys keep theirs
}

TEST_P(AccountsTest, PurgeForgetsOldFailuresOnly) {
  ASSERT_TRUE(accounts().add_failure("user:a", kNow - 7200).ok());
  ASSERT_TRUE(accounts().add_failure("user:b", kNow - 4000).ok());
  ASSERT_TRUE(accounts().add_failure("user:a", kNow - 10).ok());
  auto n = accounts().purge_failures(kNow - 3600);
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(*accounts().failures("user:a", 0), (std::pair<std::int64_t, std::int64_t>{1, kNow - 10}));
  EXPECT_EQ(accounts().failures("user:b", 0)->first, 0);
}

// --- The change log ----------------------------------------------------------------------

TEST_P(AccountsTest, EveryAccountWriteLogsItsChange) {
  User u = add("huy.thanh");
  const std::string entry = "account " + std::to_string(u.id);
  EXPECT_EQ(logged(), std::vector<std::string>{entry});
  auto write = [&](auto&& f) {
    auto before = logged().size();
    auto w = begin();
    Status s = f(*w);
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_TRUE(w->commit().ok());
    auto after = logged();
    ASSERT_EQ(after.size(), before + 1);
    EXPECT_EQ(after.back(), entry);
  };
  write([&](UnitOfWork& w) { return accounts().set_roles(w, u.id, {Role::chief}); });
  write([&](UnitOfWork& w) { return accounts().set_display_name(w, u.id, "Huy"); });
  write([&](UnitOfWork& w) { return accounts().set_disabled(w, u.id, true); });
  write([&](UnitOfWork& w) { return accounts().set_disabled(w, u.id, false); });
  write([&](UnitOfWork& w) { return accounts().set_password(w, u.id, "h", kNow); });
  write([&](UnitOfWork& w) { return accounts().add_session(w, "t", u.id, kNow, ""); });
  write([&](UnitOfWork& w) { return accounts().end_session(w, "t"); });
}

// --- Settings ----------------------------------------------------------------------------

TEST_P(AccountsTest, SettingsAreSetReadAndLogged) {
  EXPECT_FALSE(settings().get("chain")->has_value());
  EXPECT_TRUE(settings().all()->empty());
  {
    auto w = begin();
    ASSERT_TRUE(settings().set(*w, "chain", "reporter,editor,chief").ok());
    ASSERT_TRUE(settings().set(*w, "banned_words", "[\"xấu\"]").ok());
    ASSERT_TRUE(w->commit().ok());
  }
  {
    auto w = begin();
    ASSERT_TRUE(settings().set(*w, "chain", "reporter,chief").ok());  // replaced, not added
    ASSERT_TRUE(w->commit().ok());
  }
  {
    auto w = begin();
    ASSERT_TRUE(settings().set(*w, "chain", "never").ok());
  }  // rolled back
  EXPECT_EQ(settings().get("chain")->value(), "reporter,chief");
  auto all = settings().all();
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(*all, (std::map<std::string, std::string>{{"banned_words", "[\"xấu\"]"}, {"chain", "reporter,chief"}}));
  EXPECT_EQ(logged(), (std::vector<std::string>{"setting chain", "setting banned_words", "setting chain"}));
}

// --- The audit log -----------------------------------------------------------------------

AuditEntry line(std::int64_t at, std::optional<std::int64_t> user, std::string action,
                std::optional<std::int64_t> article = std::nullopt) {
  AuditEntry e;
  e.at = at;
  e.user_id = user;
  e.username = user ? "user" + std::to_string(*user) : "";
  e.address = user ? "198.51.100.1" : "";
  e.action = std::move(action);
  e.article_id = article;
  return e;
}

TEST_P(AccountsTest, AnAuditLineExistsExactlyWhenItsUnitCommits) {
  User u = add("huy.thanh");
  {
    auto w = begin();
    ASSERT_TRUE(accounts().set_roles(*w, u.id, {Role::admin}).ok());
    ASSERT_TRUE(audit().append(*w, line(kNow, u.id, "user.roles")).ok());
  }  // not committed: neither the change nor its line
  EXPECT_EQ(count("audit_log"), "0");
  EXPECT_EQ(accounts().user(u.id)->value().roles, (Roles{Role::reporter}));
  {
    auto w = begin();
    ASSERT_TRUE(accounts().set_roles(*w, u.id, {Role::admin}).ok());
    AuditEntry e = line(kNow, u.id, "article.approve", 42);
    e.state_before = "editing";
    e.state_after = "approved";
    e.note = "Đã duyệt";
    e.detail = R"({"revision":3})";
    ASSERT_TRUE(audit().append(*w, e).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  // And alone, in a unit of its own, with the system as author and no detail.
  ASSERT_TRUE(audit().append(line(kNow + 1, std::nullopt, "login.failed")).ok());

  auto l = audit().list({});
  ASSERT_TRUE(l.ok()) << l.error().message;
  ASSERT_EQ(l->second, 2);
  ASSERT_EQ(l->first.size(), 2u);
  const AuditEntry& sys = l->first[0];
  EXPECT_EQ(sys.action, "login.failed");
  EXPECT_FALSE(sys.user_id.has_value());
  EXPECT_FALSE(sys.article_id.has_value());
  EXPECT_EQ(sys.username, "");
  EXPECT_EQ(sys.detail, "{}");
  const AuditEntry& e = l->first[1];
  EXPECT_LT(e.id, sys.id);
  EXPECT_EQ(e.at, kNow);
  EXPECT_EQ(e.user_id, u.id);
  EXPECT_EQ(e.username, "user" + std::to_string(u.id));
  EXPECT_EQ(e.address, "198.51.100.1");
  EXPECT_EQ(e.article_id, 42);
  EXPECT_EQ(e.state_before, "editing");
  EXPECT_EQ(e.state_after, "approved");
  EXPECT_EQ(e.note, "Đã duyệt");
  EXPECT_EQ(e.detail, R"({"revision":3})");
}

TEST_P(AccountsTest, TheAuditListFiltersAndPagesNewestFirst) {
  // 1: user 1 login; 2: user 2 article.submit on 7; 3: user 1 article.approve on 7;
  // 4: system article.publish on 8; 5: user 2 article.submit on 8; 6: user 1 articles.export
  std::vector<AuditEntry> lines = {line(100, 1, "login"),          line(200, 2, "article.submit", 7),
                                   line(300, 1, "article.approve", 7), line(400, std::nullopt, "article.publish", 8),
                                   line(500, 2, "article.submit", 8),  line(600, 1, "articles.export")};
  for (const auto& e : lines) ASSERT_TRUE(audit().append(e).ok());
  auto actions = [&](AuditQuery q) {
    auto r = audit().list(q);
    EXPECT_TRUE(r.ok()) << r.error().message;
    std::vector<std::string> out;
    if (!r.ok()) return std::pair(out, std::int64_t{-1});
    for (const auto& e : r->first) out.push_back(e.action + "@" + std::to_string(e.at));
    return std::pair(out, r->second);
  };
  using V = std::vector<std::string>;
  auto all = actions({});
  EXPECT_EQ(all.first, (V{"articles.export@600", "article.submit@500", "article.publish@400", "article.approve@300",
                          "article.submit@200", "login@100"}));
  EXPECT_EQ(all.second, 6);

  AuditQuery by_user;
  by_user.user_id = 1;
  EXPECT_EQ(actions(by_user), std::pair(V{"articles.export@600", "article.approve@300", "login@100"}, std::int64_t{3}));

  AuditQuery prefix;
  prefix.action = "article.";  // not "articles.export", not "login"
  EXPECT_EQ(actions(prefix).second, 4);
  EXPECT_EQ(actions(prefix).first.front(), "article.submit@500");

  AuditQuery exact;
  exact.action = "article.submit";
  EXPECT_EQ(actions(exact), std::pair(V{"article.submit@500", "article.submit@200"}, std::int64_t{2}));
  exact.action = "article";  // no '.': exact, and nothing is called that
  EXPECT_EQ(actions(exact).second, 0);

  AuditQuery article;
  article.article_id = 7;
  EXPECT_EQ(actions(article), std::pair(V{"article.approve@300", "article.submit@200"}, std::int64_t{2}));

  AuditQuery window;
  window.from = 200;
  window.to = 500;  // at >= from, at < to
  EXPECT_EQ(actions(window), std::pair(V{"article.publish@400", "article.approve@300", "article.submit@200"},
                                       std::int64_t{3}));

  AuditQuery combined;
  combined.user_id = 2;
  combined.action = "article.";
  combined.article_id = 8;
  combined.from = 100;
  EXPECT_EQ(actions(combined), std::pair(V{"article.submit@500"}, std::int64_t{1}));

  AuditQuery page;
  page.limit = 2;
  page.offset = 2;
  EXPECT_EQ(actions(page), std::pair(V{"article.publish@400", "article.approve@300"}, std::int64_t{6}));
  page.offset = 5;
  EXPECT_EQ(actions(page), std::pair(V{"login@100"}, std::int64_t{6}));
  page.offset = 6;
  EXPECT_EQ(actions(page), std::pair(V{}, std::int64_t{6}));  // past the end: the count, no lines
  page.action = "article.";
  page.offset = 0;
  page.limit = 3;
  EXPECT_EQ(actions(page), std::pair(V{"article.submit@500", "article.publish@400", "article.approve@300"},
                                     std::int64_t{4}));
}

TEST_P(AccountsTest, TheDatabaseRefusesToChangeOrDeleteAnAuditLine) {
  ASSERT_TRUE(audit().append(line(kNow, 1, "login")).ok());
  for (const char* statement : {"DELETE FROM audit_log", "DELETE FROM audit_log WHERE action = 'login'",
                                "UPDATE audit_log SET action = 'logout'", "UPDATE audit_log SET username = ''"}) {
    auto r = raw(statement);
    ASSERT_FALSE(r.ok()) << statement;
    EXPECT_NE(r.error().message.find("chỉ được ghi thêm"), std::string::npos) << r.error().message;
  }
  if (GetParam() == "postgres") {
    EXPECT_FALSE(raw("TRUNCATE audit_log").ok());
  }
  auto left = raw("SELECT action, username FROM audit_log");
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, (Table{{"login", "user1"}}));
}

}  // namespace
}  // namespace toasoan::store
