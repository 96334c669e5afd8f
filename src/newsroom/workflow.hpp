// An article's editorial life: its states, the actions that move it, and the one table of who
// may do what (role × state × action → allowed, or the reason why not). docs/newsroom.md prints
// the table; workflow_test.cpp checks every cell. Pure functions; thread-safe.
//
//   draft (nháp) → submitted (chờ biên tập) → edited (chờ thư ký duyệt) → approved (chờ xuất bản)
//   → published (đã xuất bản) or scheduled (hẹn giờ) → published at its time.
//   published → corrected (stays published, a new revision with a note) or taken_down (gỡ bài);
//   taken_down → restored (published again). Any review step can return the piece to its
//   author (trả lại) with a note: it goes back to draft, marked returned.
//
// The chain is a setting: full (editor, then secretary, then chief) or short (the secretary's
// step is skipped: an editor's pass goes straight to approved).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsroom/roles.hpp"

namespace toasoan::newsroom {

enum class State { draft, submitted, edited, approved, scheduled, published, taken_down };
enum class Action { submit, pass, ret, approve, publish, schedule, unschedule, correct, take_down, restore };
enum class Chain { full, short_chain };

inline constexpr State kAllStates[] = {State::draft,     State::submitted, State::edited,    State::approved,
                                       State::scheduled, State::published, State::taken_down};
inline constexpr Action kAllActions[] = {Action::submit,   Action::pass,       Action::ret,     Action::approve,
                                         Action::publish,  Action::schedule,   Action::unschedule,
                                         Action::correct,  Action::take_down,  Action::restore};

// Names as the API and the database write them: "draft", "submitted"…, "submit", "return"…
const char* state_name(State s);
const char* action_name(Action a);
std::optional<State> state_from_name(std::string_view name);
std::optional<Action> action_from_name(std::string_view name);
const char* chain_name(Chain c);  // "full", "short"
std::optional<Chain> chain_from_name(std::string_view name);

// Vietnamese labels for people: "Nháp", "Chờ biên tập"…, "Gửi duyệt", "Trả lại"…
const char* state_label(State s);
const char* action_label(Action a);

// What about the person and the piece decides a cell of the table beyond role and state.
struct Standing {
  Roles roles;
  bool own = false;  // the person created the piece or is one of its co-authors
};

struct Decision {
  bool allowed = false;
  std::string reason;  // why not, in Vietnamese, when !allowed
  explicit operator bool() const { return allowed; }
};

// May this person take this action on a piece in this state, under this chain?
Decision may(const Standing& who, State state, Action action, Chain chain);
// May they change the piece's content (save a revision) in this state?
Decision may_edit(const Standing& who, State state);
// May they see the piece at all? Reporters see their own pieces; editors and up see all.
bool may_view(const Standing& who);
// May they create a piece? Reporters, editors, secretaries and the chief.
bool may_create(const Roles& roles);

// The state an allowed action leads to. REQUIRES: may(...) allowed it.
State next_state(State state, Action action, Chain chain);
// Does the action need a note (returning always does; a correction's note is shown to readers)?
bool needs_note(Action a);

// The actions this person may take on this piece now, in kAllActions order (the buttons the app
// shows).
std::vector<Action> actions_for(const Standing& who, State state, Chain chain);

// The roles a piece in this state waits on ("waiting for me by role"): submitted → editor,
// edited → secretary, approved → chief; none for the others.
Roles waiting_on(State state, Chain chain);

// The table as Markdown (docs/newsroom.md is this text).
std::string permission_table_markdown(Chain chain);

}  // namespace toasoan::newsroom
