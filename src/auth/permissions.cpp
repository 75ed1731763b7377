#include "auth/permissions.h"

namespace arkiv::auth {

namespace {

struct Row {
  Action action;
  const char* name;
  bool writes;
  // anonymous, contributor, editor, admin
  std::array<bool, 4> may;
};

// The permission table. docs/access.md prints it; permissions_test.cpp checks that both agree.
constexpr Row kTable[] = {
    {Action::kReadPublished, "read-published", false, {true, true, true, true}},
    {Action::kSignIn, "sign-in", false, {true, true, true, true}},
    {Action::kAccount, "account", false, {false, true, true, true}},
    {Action::kReadUnpublished, "read-unpublished", false, {false, true, true, true}},
    {Action::kCreateDraft, "create-draft", true, {false, true, true, true}},
    {Action::kEditOwnDraft, "edit-own-draft", true, {false, true, true, true}},
    {Action::kEditAny, "edit-any", true, {false, false, true, true}},
    {Action::kPublish, "publish", true, {false, false, true, true}},
    {Action::kManageAuthorities, "manage-authorities", true, {false, false, true, true}},
    {Action::kViewAudit, "view-audit", false, {false, false, false, true}},
    {Action::kManageUsers, "manage-users", true, {false, false, false, true}},
};
static_assert(std::size(kTable) == kActions.size(), "every action has one row");

const Row& row(Action action) {
  for (const Row& r : kTable) {
    if (r.action == action) return r;
  }
  return kTable[0];  // unreachable: the static_assert and the test cover every action
}

}  // namespace

bool role_may(Role role, Action action) { return row(action).may[static_cast<std::size_t>(role)]; }

bool writes(Action action) { return row(action).writes; }

Decision check(const Caller& caller, Action action) {
  if (!caller.signed_in()) return role_may(Role::kAnonymous, action) ? Decision::kAllow : Decision::kSignInFirst;
  if (!role_may(caller.role, action)) return Decision::kForbidden;
  if (caller.via == Via::kToken && caller.scope == Scope::kRead && writes(action)) return Decision::kForbidden;
  return Decision::kAllow;
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kAnonymous: return "anonymous";
    case Role::kContributor: return "contributor";
    case Role::kEditor: return "editor";
    case Role::kAdmin: return "admin";
  }
  return "?";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : kRoles) {
    if (role_name(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view action_name(Action action) { return row(action).name; }

std::string_view scope_name(Scope scope) { return scope == Scope::kRead ? "read" : "write"; }

std::optional<Scope> parse_scope(std::string_view name) {
  if (name == "read") return Scope::kRead;
  if (name == "write") return Scope::kWrite;
  return std::nullopt;
}

}  // namespace arkiv::auth
