// The names and labels of states, actions and chains (workflow.hpp); the rules are in
// permissions.cpp.
#include "newsroom/workflow.hpp"

namespace toasoan::newsroom {

const char* state_name(State s) {
  switch (s) {
    case State::draft: return "draft";
    case State::submitted: return "submitted";
    case State::edited: return "edited";
    case State::approved: return "approved";
    case State::scheduled: return "scheduled";
    case State::published: return "published";
    case State::taken_down: return "taken_down";
  }
  return "?";
}

const char* state_label(State s) {
  switch (s) {
    case State::draft: return "Nháp";
    case State::submitted: return "Chờ biên tập";
    case State::edited: return "Chờ thư ký duyệt";
    case State::approved: return "Chờ xuất bản";
    case State::scheduled: return "Hẹn giờ";
    case State::published: return "Đã xuất bản";
    case State::taken_down: return "Đã gỡ";
  }
  return "?";
}

const char* action_name(Action a) {
  switch (a) {
    case Action::submit: return "submit";
    case Action::pass: return "pass";
    case Action::ret: return "return";
    case Action::approve: return "approve";
    case Action::publish: return "publish";
    case Action::schedule: return "schedule";
    case Action::unschedule: return "unschedule";
    case Action::correct: return "correct";
    case Action::take_down: return "take_down";
    case Action::restore: return "restore";
  }
  return "?";
}

const char* action_label(Action a) {
  switch (a) {
    case Action::submit: return "Gửi biên tập";
    case Action::pass: return "Chuyển tiếp";
    case Action::ret: return "Trả lại";
    case Action::approve: return "Duyệt";
    case Action::publish: return "Xuất bản";
    case Action::schedule: return "Hẹn giờ";
    case Action::unschedule: return "Hủy hẹn giờ";
    case Action::correct: return "Đính chính";
    case Action::take_down: return "Gỡ bài";
    case Action::restore: return "Khôi phục";
  }
  return "?";
}

std::optional<State> state_from_name(std::string_view name) {
  for (State s : kAllStates)
    if (name == state_name(s)) return s;
  return std::nullopt;
}

std::optional<Action> action_from_name(std::string_view name) {
  for (Action a : kAllActions)
    if (name == action_name(a)) return a;
  return std::nullopt;
}

const char* chain_name(Chain c) { return c == Chain::full ? "full" : "short"; }

std::optional<Chain> chain_from_name(std::string_view name) {
  if (name == "full") return Chain::full;
  if (name == "short") return Chain::short_chain;
  return std::nullopt;
}

}  // namespace toasoan::newsroom
