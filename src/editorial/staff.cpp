#include "editorial/staff.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "base/log.hpp"
#include "store/audit.hpp"

namespace toasoan::editorial {
namespace {

constexpr const char* kWrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng";

std::string lock_message(std::int64_t seconds) {
  auto minutes = (seconds + 59) / 60;
  return "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + std::to_string(minutes) + " phút.";
}

}  // namespace

store::AuditEntry audit_entry(const Actor& by, std::string action, std::int64_t at) {
  store::AuditEntry e;
  e.at = at;
  if (by.user) {
    e.user_id = by.user->id;
    e.username = by.user->username;
  }
  e.address = by.address;
  e.action = std::move(action);
  e.detail = by.via.empty() ? "{}" : nlohmann::json{{"via", by.via}}.dump();
  return e;
}

Staff::Staff(store::Database& db, newsroom::Passwords& passwords, StaffOptions options, Clock clock)
    : db_(db), passwords_(passwords), options_(options), clock_(std::move(clock)) {}

Result<std::string> Staff::normalise_username(std::string_view username) {
  std::string out;
  std::size_t b = username.find_first_not_of(" \t"), e = username.find_last_not_of(" \t");
  if (b != std::string_view::npos) username = username.substr(b, e - b + 1);
  else username = {};
  for (char c : username) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '_' || l == '-';
    if (!ok)
      return invalid_field("username", "Tên đăng nhập chỉ gồm chữ không dấu a–z, số và các dấu . _ -");
    out += l;
  }
  if (out.size() < 3 || out.size() > 50) return invalid_field("username", "Tên đăng nhập dài từ 3 đến 50 ký tự");
  return out;
}

std::variant<Login, LoginRefusal> Staff::login(std::string_view username_in, std::string_view password,
                                               std::string_view address) {
  const std::int64_t now = clock_();
  // An unusable name is still a failed login, counted against the address, after the same work.
  auto normal = normalise_username(username_in);
  std::string username = normal ? *normal : std::string();
  std::vector<std::string> keys;
  if (!username.empty()) keys.push_back("user:" + username);
  if (!address.empty()) keys.push_back("address:" + std::string(address));

  for (const auto& key : keys) {
    auto f = db_.accounts().failures(key, now - options_.window_seconds);
    if (!f) return LoginRefusal{f.error()};
    if (f->first >= options_.max_failures) {
      std::int64_t wait = f->second + options_.lock_seconds - now;
      if (wait > 0) return LoginRefusal{rate_limited(lock_message(wait)), wait};
    }
  }

  std::optional<std::pair<store::User, std::string>> found;
  if (!username.empty()) {
    auto c = db_.accounts().credentials(username);
    if (!c) return LoginRefusal{c.error()};
    found = std::move(*c);
  }
  // One verification whatever was found, so the answer takes the same time.
  auto ok = passwords_.verify(found ? found->second : std::string_view(), password);
  if (!ok) return LoginRefusal{ok.error(), ok.error().kind == ErrorKind::rate_limited ? 1 : 0};
  bool accepted = *ok && found && !found->first.disabled;

  if (!accepted) {
    for (const auto& key : keys) (void)db_.accounts().add_failure(key, now);
    Actor who = found ? Actor::member(found->first, std::string(address)) : Actor{std::nullopt, std::string(address), "api"};
    auto entry = audit_entry(who, "login.failed", now);
    entry.detail = nlohmann::json{{"username", std::string(username_in.substr(0, 100))}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (auto a = db_.audit().append(entry); !a) log::error("audit: " + a.error().message);
    return LoginRefusal{unauthorized(kWrongCredentials)};
  }

  const store::User& user = found->first;
  auto token = newsroom::SessionToken::random();
  auto work = db_.begin();
  if (!work) return LoginRefusal{work.error()};
  if (auto s = db_.accounts().add_session(**work, newsroom::token_hash(token.secret), user.id, now, address); !s)
    return LoginRefusal{s.error()};
  if (auto a = db_.audit().append(**work, audit_entry(Actor::member(user, std::string(address)), "login", now)); !a)
    return LoginRefusal{a.error()};
  if (auto c = (*work)->commit(); !c) return LoginRefusal{c.error()};
  if (!username.empty()) (void)db_.accounts().clear_failures("user:" + username);
  return Login{user, token.secret, newsroom::csrf_for(token.secret)};
}

Result<std::optional<Signed>> Staff::session(std::string_view secret) {
  if (secret.size() != 64) return std::optional<Signed>();
  const std::int64_t now = clock_();
  auto hash = newsroom::token_hash(secret);
  auto s = db_.accounts().session(hash, now - options_.idle_seconds, now - options_.absolute_seconds);
  if (!s) return s.error();
  if (!*s) return std::optional<Signed>();
  if ((*s)->first.last_seen < now - options_.touch_seconds) (void)db_.accounts().touch_session(hash, now);
  return std::optional<Signed>(Signed{(*s)->second, hash, newsroom::csrf_for(secret)});
}

Status Staff::logout(const Signed& s, std::string_view address) {
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto e = db_.accounts().end_session(**work, s.token_hash); !e) return e;
  if (auto a = db_.audit().append(**work, audit_entry(Actor::member(s.user, std::string(address)), "logout", clock_()));
      !a)
    return a;
  return (*work)->commit();
}

Status Staff::audit_user_change(store::UnitOfWork& work, const Actor& by, std::string action, std::int64_t user_id,
                                std::string detail) {
  auto e = audit_entry(by, std::move(action), clock_());
  auto d = nlohmann::json::parse(e.detail, nullptr, false);
  if (!d.is_object()) d = nlohmann::json::object();
  d["user_id"] = user_id;
  if (!detail.empty()) d["change"] = detail;
  e.detail = d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return db_.audit().append(work, e);
}

Result<store::User> Staff::add_user(const Actor& by, std::string_view username_in, std::string_view display_name,
                                    newsroom::Roles roles, std::string_view password) {
  auto username = normalise_username(username_in);
  if (!username) return username.error();
  if (roles.empty()) return invalid_field("roles", "Cần ít nhất một vai trò");
  if (auto p = newsroom::check_new_password(password, *username); !p) return p.error();
  auto hash = passwords_.hash(password);
  if (!hash) return hash.error();
  store::NewUser u{*username, std::string(display_name).empty() ? *username : std::string(display_name), roles, *hash};
  auto work = db_.begin();
  if (!work) return work.error();
  auto added = db_.accounts().add_user(**work, u, clock_());
  if (!added) return added.error();
  if (auto a = audit_user_change(**work, by, "user.add", added->id, roles.to_string()); !a) return a.error();
  if (auto c = (*work)->commit(); !c) return c.error();
  return added;
}

Status Staff::set_roles(const Actor& by, std::int64_t id, newsroom::Roles roles) {
  if (roles.empty()) return invalid_field("roles", "Cần ít nhất một vai trò");
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto s = db_.accounts().set_roles(**work, id, roles); !s) return s;
  if (auto a = audit_user_change(**work, by, "user.roles", id, roles.to_string()); !a) return a;
  return (*work)->commit();
}

Status Staff::set_display_name(const Actor& by, std::int64_t id, std::string_view name) {
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto s = db_.accounts().set_display_name(**work, id, name); !s) return s;
  if (auto a = audit_user_change(**work, by, "user.rename", id, std::string(name)); !a) return a;
  return (*work)->commit();
}

Status Staff::set_disabled(const Actor& by, std::int64_t id, bool disabled) {
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto s = db_.accounts().set_disabled(**work, id, disabled); !s) return s;
  if (auto a = audit_user_change(**work, by, disabled ? "user.disable" : "user.enable", id, ""); !a) return a;
  return (*work)->commit();
}

Status Staff::set_password(const Actor& by, std::int64_t id, std::string_view password) {
  auto user = db_.accounts().user(id);
  if (!user) return user.error();
  if (!*user) return not_found("Không có người dùng này");
  if (auto p = newsroom::check_new_password(password, (*user)->username); !p) return p;
  auto hash = passwords_.hash(password);
  if (!hash) return hash.error();
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto s = db_.accounts().set_password(**work, id, *hash, clock_()); !s) return s;
  if (auto a = audit_user_change(**work, by, "user.password", id, ""); !a) return a;
  return (*work)->commit();
}

Status Staff::purge() {
  const std::int64_t now = clock_();
  auto s = db_.accounts().purge_sessions(now - options_.idle_seconds, now - options_.absolute_seconds);
  if (!s) return s.error();
  auto f = db_.accounts().purge_failures(now - std::max(options_.window_seconds, options_.lock_seconds));
  if (!f) return f.error();
  return ok_status();
}

Result<std::vector<store::User>> Staff::users() { return db_.accounts().users(); }

Result<std::vector<store::User>> Staff::members() {
  auto all = db_.accounts().users();
  if (!all) return all.error();
  std::erase_if(*all, [](const store::User& u) { return u.disabled; });
  return all;
}

Result<std::optional<store::User>> Staff::user_by_name(std::string_view username) {
  auto n = normalise_username(username);
  if (!n) return n.error();
  return db_.accounts().user_by_name(*n);
}

}  // namespace toasoan::editorial
