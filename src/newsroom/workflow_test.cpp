#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "newsroom/workflow.hpp"

namespace toasoan::newsroom {
namespace {

// The rules written out again, role by role, independently of the table in permissions.cpp:
// the state an action leads to when this single role (owning the piece or not) may take it.
std::optional<State> expected(Role role, bool own, State s, Action a, Chain c) {
  const bool full = c == Chain::full;
  const bool review = s == State::submitted || s == State::edited;
  switch (role) {
    case Role::reporter:
      if (a == Action::submit && s == State::draft && own) return State::submitted;
      return std::nullopt;
    case Role::editor:
      if (a == Action::submit && s == State::draft && own) return State::submitted;
      if (a == Action::pass && s == State::submitted) return full ? State::edited : State::approved;
      if (a == Action::ret && review) return State::draft;
      return std::nullopt;
    case Role::secretary:
      if (a == Action::submit && s == State::draft && own) return State::submitted;
      if (a == Action::pass && s == State::submitted) return full ? State::edited : State::approved;
      if (a == Action::ret && (review || s == State::approved)) return State::draft;
      if (a == Action::approve && review) return State::approved;
      return std::nullopt;
    case Role::chief:
      if (a == Action::submit && s == State::draft) return State::submitted;
      if (a == Action::pass && s == State::submitted) return full ? State::edited : State::approved;
      if (a == Action::ret && (review || s == State::approved)) return State::draft;
      if (a == Action::approve && review) return State::approved;
      if (a == Action::publish && s == State::approved) return State::published;
      if (a == Action::schedule && s == State::approved) return State::scheduled;
      if (a == Action::unschedule && s == State::scheduled) return State::approved;
      if (a == Action::correct && s == State::published) return State::published;
      if (a == Action::take_down && s == State::published) return State::taken_down;
      if (a == Action::restore && s == State::taken_down) return State::published;
      return std::nullopt;
    case Role::moderator:
    case Role::admin:
      return std::nullopt;
  }
  return std::nullopt;
}

bool expected_edit(Role role, bool own, State s) {
  switch (role) {
    case Role::reporter: return s == State::draft && own;
    case Role::editor: return (s == State::draft && own) || s == State::submitted || s == State::edited;
    case Role::secretary:
      return (s == State::draft && own) || s == State::submitted || s == State::edited || s == State::approved;
    case Role::chief: return true;
    case Role::moderator:
    case Role::admin: return false;
  }
  return false;
}

constexpr Chain kChains[] = {Chain::full, Chain::short_chain};

std::string cell(Role r, bool own, State s, Action a, Chain c) {
  return std::string(role_name(r)) + (own ? " (own)" : "") + " " + state_name(s) + " " + action_name(a) + " " +
         chain_name(c);
}

TEST(Workflow, EverySingleRoleMayExactlyWhatTheRulesSayInEveryStateAndChain) {
  int allowed = 0;
  for (Role r : kAllRoles)
    for (bool own : {false, true})
      for (State s : kAllStates)
        for (Action a : kAllActions)
          for (Chain c : kChains) {
            auto want = expected(r, own, s, a, c);
            Decision d = may(Standing{Roles{r}, own}, s, a, c);
            ASSERT_EQ(d.allowed, want.has_value()) << cell(r, own, s, a, c) << ": " << d.reason;
            if (want) {
              ++allowed;
              EXPECT_TRUE(d.reason.empty()) << cell(r, own, s, a, c);
              EXPECT_EQ(next_state(s, a, c), *want) << cell(r, own, s, a, c);
            } else {
              EXPECT_FALSE(d.reason.empty()) << cell(r, own, s, a, c);
            }
          }
  EXPECT_GT(allowed, 0);
}

TEST(Workflow, EverySingleRoleMayEditExactlyInTheStatesTheRulesSay) {
  for (Role r : kAllRoles)
    for (bool own : {false, true})
      for (State s : kAllStates) {
        Decision d = may_edit(Standing{Roles{r}, own}, s);
        EXPECT_EQ(d.allowed, expected_edit(r, own, s)) << role_name(r) << (own ? " (own) " : " ") << state_name(s);
        if (!d.allowed) {
          EXPECT_FALSE(d.reason.empty()) << role_name(r) << " " << state_name(s);
        }
      }
}

TEST(Workflow, TwoRolesTogetherMayWhatEitherMay) {
  for (Role r1 : kAllRoles)
    for (Role r2 : kAllRoles)
      for (bool own : {false, true})
        for (State s : kAllStates) {
          Standing both{Roles{r1, r2}, own};
          EXPECT_EQ(may_edit(both, s).allowed, expected_edit(r1, own, s) || expected_edit(r2, own, s));
          for (Action a : kAllActions)
            for (Chain c : kChains)
              EXPECT_EQ(may(both, s, a, c).allowed,
                        expected(r1, own, s, a, c).has_value() || expected(r2, own, s, a, c).has_value())
                  << role_name(r1) << "+" << cell(r2, own, s, a, c);
        }
}

TEST(Workflow, AnAdminWhoIsAlsoAnEditorHasTheEditorsRights) {
  Standing admin_editor{Roles{Role::admin, Role::editor}, false};
  Standing editor{Roles{Role::editor}, false};
  EXPECT_TRUE(may_view(admin_editor));
  EXPECT_TRUE(may_create(admin_editor.roles));
  EXPECT_TRUE(may(admin_editor, State::submitted, Action::pass, Chain::full));
  EXPECT_TRUE(may_edit(admin_editor, State::edited));
  EXPECT_FALSE(may(admin_editor, State::approved, Action::publish, Chain::full));
  for (State s : kAllStates)
    for (Chain c : kChains) EXPECT_EQ(actions_for(admin_editor, s, c), actions_for(editor, s, c));
}

TEST(Workflow, ModeratorsAndAdminsAloneHaveNoArticleRightsAndAreToldWhy) {
  for (Roles roles : {Roles{Role::moderator}, Roles{Role::admin}, Roles{Role::moderator, Role::admin}, Roles{}}) {
    for (bool own : {false, true}) {
      Standing who{roles, own};
      EXPECT_FALSE(may_view(who)) << roles.to_string();
      EXPECT_FALSE(may_create(roles)) << roles.to_string();
      for (State s : kAllStates) {
        EXPECT_FALSE(may_edit(who, s)) << roles.to_string();
        for (Chain c : kChains) EXPECT_TRUE(actions_for(who, s, c).empty()) << roles.to_string();
      }
    }
  }
  EXPECT_EQ(may(Standing{Roles{Role::moderator}}, State::approved, Action::publish, Chain::full).reason,
            "Vai trò kiểm duyệt chỉ xử lý bình luận");
  EXPECT_NE(may(Standing{Roles{Role::admin}}, State::draft, Action::submit, Chain::full).reason.find("quản trị"),
            std::string::npos);
}

TEST(Workflow, RefusalsNameTheRuleThatWasBroken) {
  Standing reporter{Roles{Role::reporter}, false};
  Standing editor{Roles{Role::editor}, false};
  Standing chief{Roles{Role::chief}, false};
  EXPECT_EQ(may(reporter, State::draft, Action::submit, Chain::full).reason,
            "Phóng viên chỉ gửi biên tập được bài của mình");
  EXPECT_EQ(may(editor, State::approved, Action::publish, Chain::full).reason, "Chỉ tổng biên tập được xuất bản");
  EXPECT_EQ(may(chief, State::draft, Action::approve, Chain::full).reason,
            "Bài đang ở trạng thái Nháp, không thể duyệt");
  EXPECT_EQ(may(editor, State::submitted, Action::approve, Chain::full).reason,
            "Chỉ thư ký tòa soạn và tổng biên tập được duyệt");
  // Returning differs by state, so the refusal says which.
  EXPECT_EQ(may(editor, State::approved, Action::ret, Chain::full).reason,
            "Chỉ thư ký tòa soạn và tổng biên tập được trả lại bài ở trạng thái Chờ xuất bản");
  EXPECT_EQ(may_edit(reporter, State::submitted).reason,
            "Chỉ biên tập viên, thư ký tòa soạn và tổng biên tập được sửa bài ở trạng thái Chờ biên tập");
}

TEST(Workflow, TheButtonsShownAreExactlyTheAllowedActions) {
  for (Role r : kAllRoles)
    for (bool own : {false, true})
      for (State s : kAllStates)
        for (Chain c : kChains) {
          Standing who{Roles{r}, own};
          std::vector<Action> want;
          for (Action a : kAllActions)
            if (may(who, s, a, c)) want.push_back(a);
          EXPECT_EQ(actions_for(who, s, c), want) << role_name(r) << " " << state_name(s);
        }
  std::vector<Action> chief_on_approved = {Action::ret, Action::publish, Action::schedule};
  EXPECT_EQ(actions_for(Standing{Roles{Role::chief}}, State::approved, Chain::full), chief_on_approved);
}

TEST(Workflow, UnderTheShortChainAnEditorsPassGoesStraightToApproval) {
  Standing editor{Roles{Role::editor}, false};
  ASSERT_TRUE(may(editor, State::submitted, Action::pass, Chain::short_chain));
  EXPECT_EQ(next_state(State::submitted, Action::pass, Chain::short_chain), State::approved);
  EXPECT_EQ(next_state(State::submitted, Action::pass, Chain::full), State::edited);
}

TEST(Workflow, PiecesWaitOnTheNextRoleInTheChain) {
  for (Chain c : kChains) {
    EXPECT_EQ(waiting_on(State::submitted, c), Roles{Role::editor});
    EXPECT_EQ(waiting_on(State::edited, c), Roles{Role::secretary});
    EXPECT_EQ(waiting_on(State::approved, c), Roles{Role::chief});
    for (State s : {State::draft, State::scheduled, State::published, State::taken_down})
      EXPECT_TRUE(waiting_on(s, c).empty()) << state_name(s);
  }
}

TEST(Workflow, ReturningAndCorrectingNeedANoteAndNothingElseDoes) {
  for (Action a : kAllActions) EXPECT_EQ(needs_note(a), a == Action::ret || a == Action::correct) << action_name(a);
}

TEST(Workflow, ReportersSeeTheirOwnPiecesAndEditorsSeeAll) {
  EXPECT_TRUE(may_view(Standing{Roles{Role::reporter}, true}));
  EXPECT_FALSE(may_view(Standing{Roles{Role::reporter}, false}));
  for (Role r : {Role::editor, Role::secretary, Role::chief}) {
    EXPECT_TRUE(may_view(Standing{Roles{r}, false})) << role_name(r);
    EXPECT_TRUE(may_create(Roles{r})) << role_name(r);
  }
  EXPECT_TRUE(may_create(Roles{Role::reporter}));
}

TEST(Workflow, TheDocumentationPrintsTheTablesTheCodeEnforces) {
  std::ifstream in(std::string(TOASOAN_SOURCE_DIR) + "/docs/newsroom.md");
  ASSERT_TRUE(in) << "docs/newsroom.md is missing";
  std::stringstream doc;
  doc << in.rdbuf();
  for (Chain c : kChains) {
    std::string table = permission_table_markdown(c);
    EXPECT_NE(doc.str().find(table), std::string::npos)
        << "docs/newsroom.md does not hold the table for the " << chain_name(c) << " chain; it is now:\n"
        << table;
  }
}

TEST(Workflow, ThePrintedTablesShowTheChainsDifference) {
  std::string full = permission_table_markdown(Chain::full);
  std::string short_chain = permission_table_markdown(Chain::short_chain);
  EXPECT_NE(full.find("| pass (Chuyển tiếp) | — | editor, secretary, chief → edited |"), std::string::npos) << full;
  EXPECT_NE(short_chain.find("| pass (Chuyển tiếp) | — | editor, secretary, chief → approved |"), std::string::npos)
      << short_chain;
  EXPECT_NE(full.find("| edit | reporter (own), editor (own), secretary (own), chief |"), std::string::npos) << full;
}

}  // namespace
}  // namespace toasoan::newsroom
