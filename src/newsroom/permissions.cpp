// Who may do what to a piece: one table (kRules) and the functions of workflow.hpp read from
// it, so a rule is changed in one place and docs/newsroom.md, the buttons the app shows and the
// checks the server makes cannot disagree.
#include <array>
#include <cstdint>
#include <initializer_list>

#include "newsroom/workflow.hpp"

namespace toasoan::newsroom {
namespace {

// What a role may do in one cell: nothing, only to pieces it wrote, or to any piece.
enum class Grant : std::uint8_t { none, own, any };

// The roles that have article rights at all, in rank order; they are the first four Role
// values, so a Role indexes the grants directly.
inline constexpr Role kArticleRoles[] = {Role::reporter, Role::editor, Role::secretary, Role::chief};
constexpr std::size_t kArticleRoleCount = std::size(kArticleRoles);

constexpr std::uint8_t states(std::initializer_list<State> ss) {
  std::uint8_t bits = 0;
  for (State s : ss) bits |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(s));
  return bits;
}
constexpr bool in(std::uint8_t set, State s) { return (set & (1u << static_cast<unsigned>(s))) != 0; }

enum Chains : std::uint8_t { full_only = 1, short_only = 2, both_chains = 3 };
constexpr bool in(Chains set, Chain c) { return (set & (c == Chain::full ? 1u : 2u)) != 0; }

struct Rule {
  std::optional<Action> action;  // none: changing the content (may_edit); it has no chain
  Chains chains;
  std::uint8_t from;             // the states the rule applies in
  std::optional<State> to;       // none: the piece stays where it is
  std::array<Grant, kArticleRoleCount> grants;  // reporter, editor, secretary, chief
  bool note = false;     // the action needs a note
  bool forward = false;  // the step a piece in `from` waits for (waiting_on)
};

constexpr Grant N = Grant::none, O = Grant::own, A = Grant::any;
using S = State;

// The table. Within one action and chain, the `from` sets do not overlap.
//
// Choices the issue left open, and why:
// - Anyone who may create a piece edits and submits their own drafts; only the chief touches
//   someone else's draft (a returned piece is the author's to rework).
// - A secretary (and the chief) may approve a submitted piece directly, under either chain:
//   they outrank the editor, and making them pass it to themselves first adds a click and
//   nothing else. The editor's pass is what moves a piece under the short chain.
// - Publishing is from approved only, so the record always says who approved what went out;
//   the chief approves and publishes in two clicks.
// - A scheduled piece is unscheduled before it is returned or taken down.
inline constexpr Rule kRules[] = {
    // Editing the content, by state.
    {std::nullopt, both_chains, states({S::draft}), std::nullopt, {O, O, O, A}},
    {std::nullopt, both_chains, states({S::submitted, S::edited}), std::nullopt, {N, A, A, A}},
    {std::nullopt, both_chains, states({S::approved}), std::nullopt, {N, N, A, A}},
    {std::nullopt, both_chains, states({S::scheduled, S::published, S::taken_down}), std::nullopt, {N, N, N, A}},
    // The actions.
    {Action::submit, both_chains, states({S::draft}), S::submitted, {O, O, O, A}},
    {Action::pass, full_only, states({S::submitted}), S::edited, {N, A, A, A}, false, true},
    {Action::pass, short_only, states({S::submitted}), S::approved, {N, A, A, A}, false, true},
    {Action::ret, both_chains, states({S::submitted, S::edited}), S::draft, {N, A, A, A}, true},
    {Action::ret, both_chains, states({S::approved}), S::draft, {N, N, A, A}, true},
    {Action::approve, both_chains, states({S::submitted, S::edited}), S::approved, {N, N, A, A}, false, true},
    {Action::publish, both_chains, states({S::approved}), S::published, {N, N, N, A}, false, true},
    {Action::schedule, both_chains, states({S::approved}), S::scheduled, {N, N, N, A}},
    {Action::unschedule, both_chains, states({S::scheduled}), S::approved, {N, N, N, A}},
    {Action::correct, both_chains, states({S::published}), S::published, {N, N, N, A}, true},
    {Action::take_down, both_chains, states({S::published}), S::taken_down, {N, N, N, A}},
    {Action::restore, both_chains, states({S::taken_down}), S::published, {N, N, N, A}},
};

Grant grant_of(const Rule& rule, Role r) { return rule.grants[static_cast<std::size_t>(r)]; }

bool holds_article_role(const Roles& roles) {
  for (Role r : kArticleRoles)
    if (roles.has(r)) return true;
  return false;
}

bool satisfied(const Rule& rule, const Standing& who) {
  for (Role r : kArticleRoles) {
    if (!who.roles.has(r)) continue;
    Grant g = grant_of(rule, r);
    if (g == Grant::any || (g == Grant::own && who.own)) return true;
  }
  return false;
}

// The rule for an action (none: editing) in a state under a chain, if there is one.
const Rule* find_rule(std::optional<Action> action, State state, Chain chain) {
  for (const Rule& rule : kRules)
    if (rule.action == action && in(rule.chains, chain) && in(rule.from, state)) return &rule;
  return nullptr;
}

// Whether the action has rules that differ by state, so a refusal must name the state.
bool varies_by_state(std::optional<Action> action, Chain chain) {
  int n = 0;
  for (const Rule& rule : kRules)
    if (rule.action == action && in(rule.chains, chain)) ++n;
  return n > 1;
}

// The verb of a refusal: "Chỉ tổng biên tập được <xuất bản>".
const char* verb(std::optional<Action> action) {
  if (!action) return "sửa";
  switch (*action) {
    case Action::submit: return "gửi biên tập";
    case Action::pass: return "chuyển tiếp";
    case Action::ret: return "trả lại";
    case Action::approve: return "duyệt";
    case Action::publish: return "xuất bản";
    case Action::schedule: return "hẹn giờ";
    case Action::unschedule: return "hủy hẹn giờ";
    case Action::correct: return "đính chính";
    case Action::take_down: return "gỡ";
    case Action::restore: return "khôi phục";
  }
  return "?";
}

// Role labels inside a sentence.
const char* role_noun(Role r) {
  switch (r) {
    case Role::reporter: return "phóng viên";
    case Role::editor: return "biên tập viên";
    case Role::secretary: return "thư ký tòa soạn";
    case Role::chief: return "tổng biên tập";
    case Role::moderator: return "kiểm duyệt";
    case Role::admin: return "quản trị";
  }
  return "?";
}

std::string no_article_role_reason(const Roles& roles) {
  if (roles.has(Role::moderator) && roles.has(Role::admin))
    return "Vai trò kiểm duyệt và quản trị không có quyền với bài viết";
  if (roles.has(Role::moderator)) return "Vai trò kiểm duyệt chỉ xử lý bình luận";
  if (roles.has(Role::admin)) return "Vai trò quản trị chỉ quản lý tài khoản và cài đặt, không có quyền với bài viết";
  return "Tài khoản chưa được giao vai trò nào trong tòa soạn";
}

Decision allow() { return Decision{true, {}}; }
Decision refuse(std::string reason) { return Decision{false, std::move(reason)}; }

Decision decide(std::optional<Action> action, const Standing& who, State state, Chain chain) {
  if (!holds_article_role(who.roles)) return refuse(no_article_role_reason(who.roles));
  const Rule* rule = find_rule(action, state, chain);
  std::string label = state_label(state);
  if (!rule) return refuse("Bài đang ở trạng thái " + label + ", không thể " + verb(action));
  if (satisfied(*rule, who)) return allow();

  bool name_state = varies_by_state(action, chain);
  // A role that could do it to its own piece: the piece is someone else's.
  for (Role r : kArticleRoles)
    if (who.roles.has(r) && grant_of(*rule, r) == Grant::own)
      return refuse(std::string(role_label(r)) + " chỉ " + verb(action) + " được bài của mình" +
                    (name_state ? " ở trạng thái " + label : std::string()));

  std::vector<std::string> allowed;
  for (Role r : kArticleRoles) {
    Grant g = grant_of(*rule, r);
    if (g == Grant::any) allowed.push_back(role_noun(r));
    if (g == Grant::own) allowed.push_back(std::string(role_noun(r)) + " (bài của mình)");
  }
  std::string who_may;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) who_may += i + 1 == allowed.size() ? " và " : ", ";
    who_may += allowed[i];
  }
  return refuse("Chỉ " + who_may + " được " + verb(action) +
                (name_state ? " bài ở trạng thái " + label : std::string()));
}

// A Markdown cell: who may, as "reporter (own), chief".
std::string who_cell(const Rule& rule) {
  std::string out;
  for (Role r : kArticleRoles) {
    Grant g = grant_of(rule, r);
    if (g == Grant::none) continue;
    if (!out.empty()) out += ", ";
    out += role_name(r);
    if (g == Grant::own) out += " (own)";
  }
  return out;
}

std::string header_row(const char* first) {
  std::string out = std::string("| ") + first + " |";
  for (State s : kAllStates) out += std::string(" ") + state_name(s) + " (" + state_label(s) + ") |";
  out += "\n|---|";
  for (std::size_t i = 0; i < std::size(kAllStates); ++i) out += "---|";
  return out + "\n";
}

}  // namespace

Decision may(const Standing& who, State state, Action action, Chain chain) {
  return decide(action, who, state, chain);
}

Decision may_edit(const Standing& who, State state) {
  // Editing is the same under both chains.
  return decide(std::nullopt, who, state, Chain::full);
}

bool may_view(const Standing& who) {
  // Whoever may do anything with the piece may see it.
  for (const Rule& rule : kRules)
    if (satisfied(rule, who)) return true;
  return false;
}

bool may_create(const Roles& roles) {
  // A new piece is its creator's own draft: those who may edit their own drafts may create.
  const Rule* draft = find_rule(std::nullopt, State::draft, Chain::full);
  return draft != nullptr && satisfied(*draft, Standing{roles, true});
}

State next_state(State state, Action action, Chain chain) {
  const Rule* rule = find_rule(action, state, chain);
  if (!rule) return state;
  return rule->to.value_or(state);
}

bool needs_note(Action a) {
  for (const Rule& rule : kRules)
    if (rule.action == a && rule.note) return true;
  return false;
}

std::vector<Action> actions_for(const Standing& who, State state, Chain chain) {
  std::vector<Action> out;
  for (Action a : kAllActions)
    if (may(who, state, a, chain)) out.push_back(a);
  return out;
}

Roles waiting_on(State state, Chain chain) {
  // The lowest-ranked role that may take the piece's next step forward.
  for (Role r : kArticleRoles)
    for (const Rule& rule : kRules)
      if (rule.forward && rule.action && in(rule.chains, chain) && in(rule.from, state) &&
          grant_of(rule, r) != Grant::none)
        return Roles{r};
  return Roles{};
}

std::string permission_table_markdown(Chain chain) {
  std::string out = std::string("#### Chain `") + chain_name(chain) + "`\n\n";
  out += header_row("action");
  for (Action a : kAllActions) {
    out += std::string("| ") + action_name(a) + " (" + action_label(a) + (needs_note(a) ? ", needs a note" : "") + ") |";
    for (State s : kAllStates) {
      const Rule* rule = find_rule(a, s, chain);
      if (!rule) {
        out += " — |";
        continue;
      }
      out += " " + who_cell(*rule) + " → " + state_name(rule->to.value_or(s)) + " |";
    }
    out += "\n";
  }
  out += "\n";
  out += header_row("content");
  out += "| edit |";
  for (State s : kAllStates) {
    const Rule* rule = find_rule(std::nullopt, s, chain);
    out += " " + (rule ? who_cell(*rule) : std::string("—")) + " |";
  }
  out += "\n";
  return out;
}

}  // namespace toasoan::newsroom
