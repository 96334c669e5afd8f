#include "editorial/office.hpp"

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "base/log.hpp"
#include "editorial/staff.hpp"
#include "store/settings.hpp"
#include "text/count.hpp"
#include "text/datetime.hpp"

namespace toasoan::editorial {
namespace {

using newsroom::Action;
using newsroom::State;

constexpr const char* kChainSetting = "chain";
constexpr std::int64_t kPresenceSeconds = 30;

Error hidden() { return not_found("Không có bài này"); }

bool has_body(const store::PieceContent& c) {
  return std::any_of(c.blocks.begin(), c.blocks.end(), [](const articles::Block& b) {
    return b.type == articles::Block::Type::figure || b.text.find_first_not_of(" \t\r\n") != std::string::npos;
  });
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string block_words(const articles::Block& b) {
  if (b.type == articles::Block::Type::figure) return b.caption;
  return b.text;
}

// The start of today in Vietnam (UTC+7), as Unix seconds.
std::int64_t vietnam_day_start(std::int64_t now) {
  constexpr std::int64_t kOffset = 7 * 3600;
  return (now + kOffset) / 86400 * 86400 - kOffset;
}

}  // namespace

Office::Office(store::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

newsroom::Chain Office::chain() {
  auto v = db_.settings().get(kChainSetting);
  if (!v || !*v) return newsroom::Chain::full;
  return newsroom::chain_from_name(**v).value_or(newsroom::Chain::full);
}

Status Office::set_chain(const Actor& by, newsroom::Chain chain) {
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto s = db_.settings().set(**work, kChainSetting, newsroom::chain_name(chain)); !s) return s;
  auto e = audit_entry(by, "setting.chain", clock_());
  e.note = newsroom::chain_name(chain);
  if (auto a = db_.audit().append(**work, e); !a) return a;
  return (*work)->commit();
}

newsroom::Standing Office::standing(const store::User& user, const store::Piece& piece) {
  bool own = (piece.created_by && *piece.created_by == user.id) ||
             std::find(piece.coauthors.begin(), piece.coauthors.end(), user.id) != piece.coauthors.end();
  return {user.roles, own};
}

bool Office::sees_all(const store::User& user) { return newsroom::may_view({user.roles, false}); }

std::vector<std::pair<std::string, std::string>> Office::publication_gaps(const store::PieceContent& c) {
  std::vector<std::pair<std::string, std::string>> gaps;
  if (blank(c.title)) gaps.emplace_back("title", "Bài chưa có tiêu đề");
  if (blank(c.lead)) gaps.emplace_back("lead", "Bài chưa có sapo");
  if (blank(c.category)) gaps.emplace_back("category", "Bài chưa chọn chuyên mục");
  if (std::none_of(c.authors.begin(), c.authors.end(), [](const std::string& a) { return !blank(a); }))
    gaps.emplace_back("authors", "Bài chưa có tác giả");
  if (!has_body(c)) gaps.emplace_back("blocks", "Bài chưa có nội dung");
  return gaps;
}

Result<store::Piece> Office::visible_piece(store::UnitOfWork* work, const store::User& who, std::int64_t id) {
  auto p = work ? db_.desk().piece(*work, id) : db_.desk().piece(id);
  if (!p) return p.error();
  if (!*p) return hidden();
  if (!newsroom::may_view(standing(who, **p))) return hidden();
  return std::move(**p);
}

Status Office::audit(store::UnitOfWork& work, const Actor& by, std::string action, const store::Piece& p,
                     const std::string& before, const std::string& after, const std::string& note) {
  auto e = audit_entry(by, std::move(action), clock_());
  e.article_id = p.id;
  e.state_before = before;
  e.state_after = after;
  e.note = note;
  return db_.audit().append(work, e);
}

Result<store::Piece> Office::create(const Actor& by, const Saving& s) {
  if (!by.user || !newsroom::may_create(by.user->roles))
    return forbidden("Vai trò của bạn không được tạo bài viết");
  auto work = db_.begin();
  if (!work) return work.error();
  auto p = db_.desk().create(**work, by.user->id, s.content, clock_());
  if (!p) return p.error();
  if (s.coauthors && !s.coauthors->empty()) {
    if (auto c = db_.desk().set_coauthors(**work, p->id, *s.coauthors); !c) return c.error();
    p->coauthors = *s.coauthors;
  }
  if (auto a = audit(**work, by, "article.create", *p, "", "draft", ""); !a) return a.error();
  if (auto c = (*work)->commit(); !c) return c.error();
  return p;
}

Result<store::Piece> Office::piece(const store::User& who, std::int64_t id) { return visible_piece(nullptr, who, id); }

Result<store::Revision> Office::save(const Actor& by, std::int64_t id, const Saving& s) {
  if (!by.user) return forbidden("Cần đăng nhập");
  auto work = db_.begin();
  if (!work) return work.error();
  auto p = visible_piece(work->get(), *by.user, id);
  if (!p) return p.error();
  if (auto d = newsroom::may_edit(standing(*by.user, *p), p->state); !d) return forbidden(d.reason);
  store::NewRevision r;
  r.user_id = by.user->id;
  r.kind = s.autosave ? "autosave" : "save";
  r.content = s.content;
  r.based_on = s.based_on;
  auto saved = db_.desk().save(**work, id, r, clock_());
  if (!saved) return saved.error();
  if (s.coauthors) {
    if (auto c = db_.desk().set_coauthors(**work, id, *s.coauthors); !c) return c.error();
  }
  if (!s.autosave) {
    auto st = newsroom::state_name(p->state);
    if (auto a = audit(**work, by, "article.save", *p, st, st, ""); !a) return a.error();
  }
  if (auto c = (*work)->commit(); !c) return c.error();
  return saved;
}

Result<store::Piece> Office::act(const Actor& by, std::int64_t id, const Acting& a) {
  if (!by.user) return forbidden("Cần đăng nhập");
  const auto chain = this->chain();
  const std::int64_t now = clock_();
  auto work = db_.begin();
  if (!work) return work.error();
  auto p = visible_piece(work->get(), *by.user, id);
  if (!p) return p.error();
  const State from = p->state;
  if (auto d = newsroom::may(standing(*by.user, *p), from, a.action, chain); !d) return forbidden(d.reason);
  std::string note = a.note;
  if (newsroom::needs_note(a.action) && blank(note))
    return invalid_field("note", a.action == Action::ret ? "Trả lại bài cần ghi rõ lý do"
                                                          : "Đính chính cần ghi nội dung đính chính");
  if (text::count_chars(note) > 2000) return invalid_field("note", "Ghi chú dài quá 2.000 ký tự");

  const bool goes_public = a.action == Action::publish || a.action == Action::schedule ||
                           a.action == Action::correct || a.action == Action::restore;
  if (goes_public) {
    auto gaps = publication_gaps(p->content);
    if (!gaps.empty()) {
      std::string fields, messages;
      for (const auto& [f, m] : gaps) {
        fields += (fields.empty() ? "" : ",") + f;
        messages += (messages.empty() ? "" : "\n") + m;
      }
      return Error(ErrorKind::invalid, messages, fields);
    }
  }

  store::Transition t;
  t.state = newsroom::next_state(from, a.action, chain);
  t.returned = a.action == Action::ret;
  t.user_id = by.user->id;
  t.action = newsroom::action_name(a.action);
  t.note = note;
  if (a.action == Action::schedule) {
    if (!a.at) return invalid_field("at", "Cần giờ xuất bản");
    if (*a.at <= now) return invalid_field("at", "Giờ hẹn phải ở tương lai");
    t.scheduled_at = a.at;
  }
  auto r = db_.desk().transition(**work, id, from, t, now);
  if (!r) return r.error();

  Status went = ok_status();
  switch (a.action) {
    case Action::publish:
      went = db_.desk().publish(**work, id, now, "", now);
      break;
    case Action::correct:
      went = db_.desk().publish(**work, id, p->published_at ? p->published_at : now, note, now);
      break;
    case Action::restore:
      went = db_.desk().publish(**work, id, p->published_at ? p->published_at : now, "", now);
      break;
    case Action::take_down:
      went = db_.desk().unpublish(**work, id, now);
      break;
    default:
      break;
  }
  if (!went) return went.error();
  if (auto au = audit(**work, by, std::string("article.") + newsroom::action_name(a.action), *p,
                      newsroom::state_name(from), newsroom::state_name(t.state), note);
      !au)
    return au.error();
  if (auto c = (*work)->commit(); !c) return c.error();
  auto after = db_.desk().piece(id);
  if (!after) return after.error();
  if (!*after) return hidden();
  return std::move(**after);
}

Result<store::Revision> Office::restore(const Actor& by, std::int64_t id, std::int64_t revision,
                                        std::int64_t based_on) {
  if (!by.user) return forbidden("Cần đăng nhập");
  auto old = db_.desk().revision(revision);
  if (!old) return old.error();
  if (!*old || (*old)->article_id != id) return not_found("Không có phiên bản này");
  auto work = db_.begin();
  if (!work) return work.error();
  auto p = visible_piece(work->get(), *by.user, id);
  if (!p) return p.error();
  if (auto d = newsroom::may_edit(standing(*by.user, *p), p->state); !d) return forbidden(d.reason);
  store::NewRevision r;
  r.user_id = by.user->id;
  r.kind = "restore";
  r.note = "Khôi phục phiên bản #" + std::to_string(revision);
  r.content = (*old)->content;
  r.based_on = based_on;
  auto saved = db_.desk().save(**work, id, r, clock_());
  if (!saved) return saved.error();
  auto st = newsroom::state_name(p->state);
  if (auto a = audit(**work, by, "article.restore_revision", *p, st, st, r.note); !a) return a.error();
  if (auto c = (*work)->commit(); !c) return c.error();
  return saved;
}

Result<std::pair<std::vector<store::PieceSummary>, std::int64_t>> Office::list(const store::User& who,
                                                                                store::DeskQuery q) {
  if (!newsroom::may_create(who.roles) && !sees_all(who)) return forbidden("Vai trò của bạn không làm việc với bài viết");
  if (!sees_all(who)) q.visible_to = who.id;
  return db_.desk().list(q);
}

// The desk keeps who wrote a revision by id; the history shows their username as it is now
// (a renamed member's revisions follow the new name). One lookup per member, not per revision.
void Office::name_writers(std::vector<store::Revision>& revisions) {
  std::unordered_map<std::int64_t, std::string> names;
  for (auto& r : revisions) {
    if (!r.user_id) continue;
    auto [it, fresh] = names.try_emplace(*r.user_id);
    if (fresh)
      if (auto u = db_.accounts().user(*r.user_id); u && *u) it->second = (*u)->username;
    r.username = it->second;
  }
}

Result<std::vector<store::Revision>> Office::revisions(const store::User& who, std::int64_t id) {
  auto p = visible_piece(nullptr, who, id);
  if (!p) return p.error();
  auto all = db_.desk().revisions(id);
  if (!all) return all.error();
  name_writers(*all);
  return all;
}

Result<store::Revision> Office::revision(const store::User& who, std::int64_t id, std::int64_t revision) {
  auto p = visible_piece(nullptr, who, id);
  if (!p) return p.error();
  auto r = db_.desk().revision(revision);
  if (!r) return r.error();
  if (!*r || (*r)->article_id != id) return not_found("Không có phiên bản này");
  std::vector<store::Revision> one{std::move(**r)};
  name_writers(one);
  return std::move(one.front());
}

Result<RevisionDiff> Office::diff(const store::User& who, std::int64_t id, std::int64_t a, std::int64_t b) {
  auto ra = revision(who, id, a);
  if (!ra) return ra.error();
  auto rb = revision(who, id, b);
  if (!rb) return rb.error();
  RevisionDiff d;
  d.title = newsroom::word_diff(ra->content.title, rb->content.title);
  d.lead = newsroom::word_diff(ra->content.lead, rb->content.lead);
  const auto& ba = ra->content.blocks;
  const auto& bb = rb->content.blocks;
  for (std::size_t i = 0; i < std::max(ba.size(), bb.size()); ++i)
    d.blocks.push_back(newsroom::word_diff(i < ba.size() ? block_words(ba[i]) : std::string(),
                                           i < bb.size() ? block_words(bb[i]) : std::string()));
  return d;
}

Result<std::vector<Queue>> Office::queues(const store::User& who) {
  const auto chain = this->chain();
  std::vector<Queue> out;
  auto add = [&](std::string name, store::DeskQuery q) -> Status {
    q.limit = 5;
    auto r = list(who, q);
    if (!r) return r.error();
    out.push_back({std::move(name), r->second, std::move(r->first)});
    return ok_status();
  };
  store::DeskQuery mine;
  mine.author = who.id;
  mine.state = State::draft;
  mine.returned = false;
  if (auto s = add("mine", mine); !s) return s.error();
  // Waiting for me: every state that waits on one of my roles, counted together.
  Queue waiting{"waiting", 0, {}};
  for (State st : newsroom::kAllStates) {
    auto roles = newsroom::waiting_on(st, chain);
    bool mine_too = false;
    for (auto r : roles.list()) mine_too = mine_too || who.roles.has(r);
    if (!mine_too) continue;
    store::DeskQuery q;
    q.state = st;
    q.limit = 5;
    auto r = list(who, q);
    if (!r) return r.error();
    waiting.count += r->second;
    for (auto& s : r->first)
      if (waiting.first.size() < 5) waiting.first.push_back(std::move(s));
  }
  out.push_back(std::move(waiting));
  store::DeskQuery returned;
  returned.author = who.id;
  returned.returned = true;
  if (auto s = add("returned", returned); !s) return s.error();
  store::DeskQuery scheduled;
  scheduled.state = State::scheduled;
  scheduled.oldest_first = true;
  if (auto s = add("scheduled", scheduled); !s) return s.error();
  store::DeskQuery today;
  today.state = State::published;
  today.published_from = vietnam_day_start(clock_());
  if (auto s = add("published_today", today); !s) return s.error();
  return out;
}

Result<std::vector<store::Presence>> Office::present(const store::User& who, std::int64_t id, bool heartbeat) {
  auto p = visible_piece(nullptr, who, id);
  if (!p) return p.error();
  const std::int64_t now = clock_();
  if (heartbeat)
    if (auto h = db_.desk().heartbeat(id, who.id, now); !h) return h.error();
  auto all = db_.desk().present(id, now - kPresenceSeconds);
  if (!all) return all.error();
  std::vector<store::Presence> others;
  for (auto& x : *all) {
    if (x.user_id == who.id) continue;
    if (x.username.empty()) {
      if (auto u = db_.accounts().user(x.user_id); u && *u) {
        x.username = (*u)->username;
        x.display_name = (*u)->display_name;
      }
    }
    others.push_back(std::move(x));
  }
  return others;
}

Result<bool> Office::publish_one(std::int64_t id) {
  const std::int64_t now = clock_();
  auto work = db_.begin();
  if (!work) return work.error();
  auto p = db_.desk().piece(**work, id);
  if (!p) return p.error();
  // Another node published it first, or someone unscheduled it: nothing to do.
  if (!*p || (*p)->state != State::scheduled || !(*p)->scheduled_at || *(*p)->scheduled_at > now) return false;
  const std::int64_t at = *(*p)->scheduled_at;
  store::Transition t;
  t.state = State::published;
  t.action = "publish";
  t.note = "Xuất bản theo giờ hẹn";
  auto r = db_.desk().transition(**work, id, State::scheduled, t, now);
  if (!r) return r.error();
  if (auto s = db_.desk().publish(**work, id, at, "", now); !s) return s.error();
  auto e = audit_entry(Actor::system("scheduler"), "article.publish", now);
  e.article_id = id;
  e.state_before = "scheduled";
  e.state_after = "published";
  e.note = t.note;
  e.detail = nlohmann::json{{"via", "scheduler"}, {"scheduled_at", at}, {"late_seconds", now - at}}.dump();
  if (auto a = db_.audit().append(**work, e); !a) return a.error();
  if (auto c = (*work)->commit(); !c) return c.error();
  if (now - at > 5)
    log::info("published article " + std::to_string(id) + " late by " + std::to_string(now - at) +
              " s (no node was running at its time)");
  return true;
}

Result<int> Office::publish_due() {
  auto due = db_.desk().due(clock_(), 100);
  if (!due) return due.error();
  int published = 0;
  for (auto id : *due) {
    auto one = publish_one(id);
    if (!one) {
      // A concurrent node holding the row made our unit fail: it publishes it.
      if (one.error().kind == ErrorKind::conflict) continue;
      return one.error();
    }
    if (*one) ++published;
  }
  return published;
}

}  // namespace toasoan::editorial
