#include "auth/permissions.h"

#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

namespace arkiv::auth {
namespace {

Caller signed_in(Role role, Via via = Via::kSession, Scope scope = Scope::kWrite) {
  Caller c;
  c.role = role;
  c.via = via;
  c.scope = scope;
  c.user = "someone";
  c.user_id = 1;
  return c;
}

TEST(Permissions, IssueRolesAsSpecified) {
  // Anonymous readers read published records and may sign in; nothing else.
  for (Action a : kActions) {
    bool expected = a == Action::kReadPublished || a == Action::kSignIn;
    EXPECT_EQ(role_may(Role::kAnonymous, a), expected) << action_name(a);
  }
  EXPECT_TRUE(role_may(Role::kContributor, Action::kCreateDraft));
  EXPECT_TRUE(role_may(Role::kContributor, Action::kEditOwnDraft));
  EXPECT_FALSE(role_may(Role::kContributor, Action::kEditAny));
  EXPECT_FALSE(role_may(Role::kContributor, Action::kPublish));
  EXPECT_TRUE(role_may(Role::kEditor, Action::kEditAny));
  EXPECT_TRUE(role_may(Role::kEditor, Action::kPublish));
  EXPECT_TRUE(role_may(Role::kEditor, Action::kManageAuthorities));
  EXPECT_FALSE(role_may(Role::kEditor, Action::kManageUsers));
  EXPECT_FALSE(role_may(Role::kEditor, Action::kViewAudit));
  // Admins may everything.
  for (Action a : kActions) EXPECT_TRUE(role_may(Role::kAdmin, a)) << action_name(a);
}

TEST(Permissions, EachRoleMayAtLeastWhatTheOneBelowMay) {
  for (Action a : kActions) {
    for (std::size_t i = 1; i < kRoles.size(); ++i) {
      if (role_may(kRoles[i - 1], a)) EXPECT_TRUE(role_may(kRoles[i], a)) << role_name(kRoles[i]) << " " << action_name(a);
    }
  }
}

TEST(Permissions, CheckTellsSignInFromForbidden) {
  Caller anon;
  EXPECT_EQ(check(anon, Action::kReadPublished), Decision::kAllow);
  EXPECT_EQ(check(anon, Action::kManageUsers), Decision::kSignInFirst);
  EXPECT_EQ(check(anon, Action::kAccount), Decision::kSignInFirst);
  EXPECT_EQ(check(signed_in(Role::kEditor), Action::kManageUsers), Decision::kForbidden);
  EXPECT_EQ(check(signed_in(Role::kAdmin), Action::kManageUsers), Decision::kAllow);
}

TEST(Permissions, ReadScopedTokensNeverWrite) {
  for (Action a : kActions) {
    Decision d = check(signed_in(Role::kAdmin, Via::kToken, Scope::kRead), a);
    EXPECT_EQ(d, writes(a) ? Decision::kForbidden : Decision::kAllow) << action_name(a);
    EXPECT_EQ(check(signed_in(Role::kAdmin, Via::kToken, Scope::kWrite), a), Decision::kAllow) << action_name(a);
  }
  // A write scope adds nothing the role lacks.
  EXPECT_EQ(check(signed_in(Role::kContributor, Via::kToken, Scope::kWrite), Action::kPublish), Decision::kForbidden);
}

TEST(Permissions, NamesRoundTrip) {
  for (Role r : kRoles) EXPECT_EQ(parse_role(role_name(r)), r);
  EXPECT_FALSE(parse_role("root"));
  EXPECT_FALSE(parse_role("Admin"));
  EXPECT_EQ(parse_scope("read"), Scope::kRead);
  EXPECT_EQ(parse_scope("write"), Scope::kWrite);
  EXPECT_FALSE(parse_scope("all"));
}

// docs/access.md prints the table: one row per action, "yes"/"no" per role, then "writes".
TEST(Permissions, DocumentedTableIsTheCodesTable) {
  std::ifstream in(std::string(ARKIV_SOURCE_DIR) + "/docs/access.md");
  ASSERT_TRUE(in) << "docs/access.md is missing";
  std::map<std::string, std::vector<std::string>> documented;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream ss(line.substr(1));
    std::string cell;
    while (std::getline(ss, cell, '|')) {
      auto b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
      cells.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
    }
    if (cells.size() >= 6) documented[cells[0]] = cells;
  }
  for (Action a : kActions) {
    std::string key = "`" + std::string(action_name(a)) + "`";
    ASSERT_TRUE(documented.count(key)) << key << " is not in docs/access.md";
    const auto& cells = documented[key];
    for (std::size_t i = 0; i < kRoles.size(); ++i) {
      EXPECT_EQ(cells[1 + i], role_may(kRoles[i], a) ? "yes" : "no") << key << " " << role_name(kRoles[i]);
    }
    EXPECT_EQ(cells[5], writes(a) ? "yes" : "no") << key << " writes";
  }
  EXPECT_EQ(documented.size(), kActions.size()) << "docs/access.md lists actions the code does not have";
}

}  // namespace
}  // namespace arkiv::auth
