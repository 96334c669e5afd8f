#include "editorial/moderation.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "comments/rules.hpp"
#include "editorial/staff.hpp"
#include "store/audit.hpp"
#include "store/settings.hpp"
#include "text/count.hpp"

namespace toasoan::editorial {
namespace {

using nlohmann::json;
using newsroom::Role;

constexpr const char* kNames[] = {"approve", "reject", "spam", "pin", "unpin", "edit", "reply"};
constexpr int kMaxWords = 1000;
constexpr int kMaxWordChars = 100;
constexpr int kMaxBanDays = 3650;
constexpr std::size_t kMaxBulk = 200;

Error may_not() {
  return forbidden("Chỉ người kiểm duyệt bình luận, biên tập viên, thư ký tòa soạn và tổng biên tập được kiểm duyệt bình luận");
}

}  // namespace

std::optional<CommentAction> comment_action_named(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kNames)); ++i)
    if (name == kNames[i]) return static_cast<CommentAction>(i);
  return std::nullopt;
}

const char* comment_action_name(CommentAction a) { return kNames[static_cast<int>(a)]; }

Moderation::Moderation(store::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

bool Moderation::may_moderate(const store::User& u) {
  return u.roles.has(Role::moderator) || u.roles.has(Role::editor) || u.roles.has(Role::secretary) ||
         u.roles.has(Role::chief);
}

bool Moderation::may_handle_reader_data(const store::User& u) {
  return u.roles.has(Role::admin) || u.roles.has(Role::chief);
}

Status Moderation::audit(store::UnitOfWork& work, const Actor& by, std::string action, std::int64_t article_id,
                         std::string detail) {
  auto e = audit_entry(by, std::move(action), clock_());
  e.article_id = article_id;
  e.detail = std::move(detail);
  return db_.audit().append(work, e);
}

Result<std::pair<std::vector<store::Comment>, std::int64_t>> Moderation::list(const Actor& by,
                                                                               const store::CommentQuery& q) {
  if (!by.user || !may_moderate(*by.user)) return may_not();
  return db_.comments().list(q);
}

Result<store::Comment> Moderation::act(const Actor& by, std::int64_t id, CommentAction action,
                                       std::string_view content) {
  if (!by.user || !may_moderate(*by.user)) return may_not();
  std::string text;
  if (action == CommentAction::edit || action == CommentAction::reply) {
    auto checked = comments::check_content(content);
    if (!checked) return checked.error();
    text = std::move(*checked);
  }
  auto work = db_.begin();
  if (!work) return work.error();
  auto found = db_.comments().comment(**work, id);
  if (!found) return found.error();
  if (!*found) return not_found("Không có bình luận này");
  const store::Comment& c = **found;
  const std::int64_t now = clock_();
  std::int64_t result_id = id;
  json detail{{"comment", id}};
  switch (action) {
    case CommentAction::approve:
    case CommentAction::reject:
    case CommentAction::spam: {
      auto status = action == CommentAction::approve  ? store::CommentStatus::approved
                    : action == CommentAction::reject ? store::CommentStatus::rejected
                                                      : store::CommentStatus::spam;
      detail["before"] = store::comment_status_name(c.status);
      if (auto s = db_.comments().set_status(**work, id, status, by.user->id, now); !s) return s.error();
      break;
    }
    case CommentAction::pin:
    case CommentAction::unpin:
      if (action == CommentAction::pin && (c.status != store::CommentStatus::approved || c.parent_id))
        return invalid("Chỉ ghim được bình luận đã duyệt, không phải trả lời");
      if (auto s = db_.comments().set_pinned(**work, id, action == CommentAction::pin); !s) return s.error();
      break;
    case CommentAction::edit:
      detail["before"] = c.content;
      detail["after"] = text;
      if (auto s = db_.comments().edit(**work, id, text); !s) return s.error();
      break;
    case CommentAction::reply: {
      store::NewComment r;
      r.article_id = c.article_id;
      r.parent_id = c.parent_id ? *c.parent_id : c.id;  // one level: a reply to a reply joins its thread
      r.name = by.user->display_name.empty() ? by.user->username : by.user->display_name;
      r.content = text;
      r.status = store::CommentStatus::approved;
      r.newsroom = true;
      r.user_id = by.user->id;
      auto made = db_.comments().reply(**work, r, now);
      if (!made) return made.error();
      result_id = *made;
      detail["reply"] = result_id;
      break;
    }
  }
  if (auto a = audit(**work, by, std::string("comment.") + comment_action_name(action), c.article_id, detail.dump());
      !a)
    return a.error();
  auto after = db_.comments().comment(**work, result_id);
  if (!after) return after.error();
  if (auto s = (*work)->commit(); !s) return s.error();
  if (!*after) return not_found("Không có bình luận này");
  return **after;
}

Result<std::int64_t> Moderation::act_on_many(const Actor& by, const std::vector<std::int64_t>& ids,
                                             CommentAction action) {
  if (!by.user || !may_moderate(*by.user)) return may_not();
  if (action != CommentAction::approve && action != CommentAction::reject && action != CommentAction::spam)
    return invalid_field("action", "Chỉ duyệt, từ chối hoặc đánh dấu spam được nhiều bình luận một lúc");
  if (ids.empty() || ids.size() > kMaxBulk)
    return invalid_field("ids", "Chọn từ 1 đến " + std::to_string(kMaxBulk) + " bình luận");
  auto status = action == CommentAction::approve  ? store::CommentStatus::approved
                : action == CommentAction::reject ? store::CommentStatus::rejected
                                                  : store::CommentStatus::spam;
  auto work = db_.begin();
  if (!work) return work.error();
  const std::int64_t now = clock_();
  for (auto id : ids) {
    auto found = db_.comments().comment(**work, id);
    if (!found) return found.error();
    if (!*found) return not_found("Không có bình luận " + std::to_string(id));
    json detail{{"comment", id}, {"before", store::comment_status_name((*found)->status)}, {"bulk", true}};
    if (auto s = db_.comments().set_status(**work, id, status, by.user->id, now); !s) return s.error();
    if (auto a = audit(**work, by, std::string("comment.") + comment_action_name(action), (*found)->article_id,
                       detail.dump());
        !a)
      return a.error();
  }
  if (auto s = (*work)->commit(); !s) return s.error();
  return static_cast<std::int64_t>(ids.size());
}

Result<store::Ban> Moderation::ban(const Actor& by, std::string kind, std::string value, int days,
                                   std::string reason) {
  if (!by.user || !may_moderate(*by.user)) return may_not();
  if (kind != "address" && kind != "email") return invalid_field("kind", "Chỉ chặn được địa chỉ IP hoặc email");
  value = comments::clean_line(value);
  if (kind == "email") std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::tolower(c); });
  if (value.empty() || value.size() > 254) return invalid_field("value", "Cần địa chỉ hoặc email cần chặn");
  if (days < 1 || days > kMaxBanDays) return invalid_field("days", "Thời hạn chặn từ 1 đến 3650 ngày");
  reason = comments::clean_line(reason);
  if (reason.empty() || text::count_chars(reason) > 500) return invalid_field("reason", "Cần ghi lý do chặn (tối đa 500 ký tự)");
  auto work = db_.begin();
  if (!work) return work.error();
  const std::int64_t now = clock_();
  store::Ban b{.kind = kind, .value = value, .until = now + std::int64_t{days} * 86400, .reason = reason,
               .created_by = by.user->id, .created_at = now};
  auto made = db_.comments().ban(**work, b);
  if (!made) return made.error();
  auto e = audit_entry(by, "comment.ban", now);
  e.note = reason;
  e.detail = json{{"ban", made->id}, {"kind", kind}, {"value", value}, {"days", days}}.dump();
  if (auto a = db_.audit().append(**work, e); !a) return a.error();
  if (auto s = (*work)->commit(); !s) return s.error();
  return *made;
}

Status Moderation::lift_ban(const Actor& by, std::int64_t ban_id) {
  if (!by.user || !may_moderate(*by.user)) return may_not();
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto s = db_.comments().lift_ban(**work, ban_id); !s) return s;
  auto e = audit_entry(by, "comment.unban", clock_());
  e.detail = json{{"ban", ban_id}}.dump();
  if (auto a = db_.audit().append(**work, e); !a) return a;
  return (*work)->commit();
}

Result<std::vector<store::Ban>> Moderation::bans(const Actor& by) {
  if (!by.user || !may_moderate(*by.user)) return may_not();
  return db_.comments().bans(clock_());
}

Status Moderation::set_closed(const Actor& by, std::int64_t article_id, bool closed) {
  if (!by.user || !may_moderate(*by.user)) return may_not();
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto s = db_.comments().set_closed(**work, article_id, closed); !s) return s;
  if (auto a = audit(**work, by, closed ? "comment.close" : "comment.open", article_id, "{}"); !a) return a;
  return (*work)->commit();
}

Result<bool> Moderation::closed(std::int64_t article_id) { return db_.comments().closed(article_id); }

Result<std::vector<std::string>> Moderation::words() {
  auto v = db_.settings().get(kCommentWordsSetting);
  if (!v) return v.error();
  std::vector<std::string> out;
  if (!*v) return out;
  json j = json::parse(**v, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& w : j)
    if (w.is_string()) out.push_back(w.get<std::string>());
  return out;
}

Status Moderation::set_words(const Actor& by, const std::vector<std::string>& words) {
  if (!by.user || !by.user->roles.has(Role::admin)) return forbidden("Chỉ quản trị viên được đặt danh sách từ cấm");
  if (words.size() > static_cast<std::size_t>(kMaxWords))
    return invalid_field("comment_words", "Tối đa 1.000 từ cấm");
  json list = json::array();
  for (const auto& raw : words) {
    std::string w = comments::clean_line(raw);
    if (w.empty()) continue;
    if (text::count_chars(w) > static_cast<std::size_t>(kMaxWordChars))
      return invalid_field("comment_words", "Mỗi từ cấm tối đa 100 ký tự");
    list.push_back(w);
  }
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto s = db_.settings().set(**work, kCommentWordsSetting, list.dump()); !s) return s;
  auto e = audit_entry(by, "setting.comment_words", clock_());
  e.detail = json{{"count", list.size()}}.dump();
  if (auto a = db_.audit().append(**work, e); !a) return a;
  return (*work)->commit();
}

Result<std::vector<store::Comment>> Moderation::reader_comments(const Actor& by, std::string_view email) {
  if (!by.user || !may_handle_reader_data(*by.user))
    return forbidden("Chỉ quản trị viên và tổng biên tập được xem dữ liệu của bạn đọc");
  std::string e = comments::clean_line(email);
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  if (e.empty()) return invalid_field("email", "Cần email của bạn đọc");
  std::vector<store::Comment> out;
  for (int offset = 0;; offset += 200) {
    store::CommentQuery q;
    q.email = e;
    q.limit = 200;
    q.offset = offset;
    auto page = db_.comments().list(q);
    if (!page) return page.error();
    out.insert(out.end(), page->first.begin(), page->first.end());
    if (page->first.size() < 200) break;
  }
  auto entry = audit_entry(by, "comment.export", clock_());
  entry.detail = json{{"count", out.size()}}.dump();
  if (auto a = db_.audit().append(entry); !a) return a.error();
  return out;
}

Result<std::int64_t> Moderation::erase_reader(const Actor& by, std::string_view email) {
  if (!by.user || !may_handle_reader_data(*by.user))
    return forbidden("Chỉ quản trị viên và tổng biên tập được xóa dữ liệu của bạn đọc");
  std::string e = comments::clean_line(email);
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  if (e.empty()) return invalid_field("email", "Cần email của bạn đọc");
  auto work = db_.begin();
  if (!work) return work.error();
  auto n = db_.comments().erase_reader(**work, e);
  if (!n) return n.error();
  // The line says how many, not whose: the log must not keep what was erased.
  auto entry = audit_entry(by, "comment.erase", clock_());
  entry.detail = json{{"count", *n}}.dump();
  if (auto a = db_.audit().append(**work, entry); !a) return a.error();
  if (auto s = (*work)->commit(); !s) return s.error();
  return *n;
}

}  // namespace toasoan::editorial
