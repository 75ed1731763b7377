// Who may do what: the one permission table (roles × actions) that every route asks, through
// check(). docs/access.md shows the same table; a test keeps the two equal. Callers are
// anonymous, signed in with a session cookie, or carry an API token scoped read or write (a
// read token cannot do what writes, whatever the role). Plain values and pure functions.
//
//   Decision d = check(caller, Action::kManageUsers);
//   if (d != Decision::kAllow) return status_for(d);  // 401 or 403
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace arkiv::auth {

enum class Role { kAnonymous, kContributor, kEditor, kAdmin };
inline constexpr std::array<Role, 4> kRoles = {Role::kAnonymous, Role::kContributor, Role::kEditor, Role::kAdmin};

enum class Action {
  kReadPublished,      // pages, search and the read API over published records
  kSignIn,             // the login page and form
  kAccount,            // one's own account: who am I, log out
  kReadUnpublished,    // drafts, records in review, withdrawn and embargoed records, staff notes
  kCreateDraft,        // new records (as drafts), uploads
  kEditOwnDraft,       // a draft one created
  kEditAny,            // any record, whatever its state
  kPublish,            // publish, withdraw, set or lift an embargo
  kManageAuthorities,  // authorities and collections
  kViewAudit,          // the audit log
  kManageUsers,        // add, disable, change roles, reset passwords
};
inline constexpr std::array<Action, 11> kActions = {
    Action::kReadPublished, Action::kSignIn,       Action::kAccount,           Action::kReadUnpublished,
    Action::kCreateDraft,   Action::kEditOwnDraft, Action::kEditAny,           Action::kPublish,
    Action::kManageAuthorities, Action::kViewAudit, Action::kManageUsers};

// How the caller proved who they are.
enum class Via { kNone, kSession, kToken };
enum class Scope { kRead, kWrite };

struct Caller {
  Role role = Role::kAnonymous;
  Via via = Via::kNone;
  Scope scope = Scope::kWrite;  // tokens: what they were issued for; sessions can write
  std::int64_t user_id = 0;
  std::string user;  // name; "" when anonymous
  std::string csrf;  // sessions: the token every unsafe request must carry (auth::Accounts)
  bool signed_in() const { return via != Via::kNone; }
};

enum class Decision { kAllow, kSignInFirst, kForbidden };

// The table itself.
bool role_may(Role role, Action action);
// True for actions that change something (a read-scoped token may not do them).
bool writes(Action action);
// The one check: kAllow, kSignInFirst (anonymous, and signing in would help: HTTP 401), or
// kForbidden (signed in, but the role or the token's scope does not allow it: HTTP 403).
Decision check(const Caller& caller, Action action);

std::string_view role_name(Role role);  // "anonymous", "contributor", "editor", "admin"
std::optional<Role> parse_role(std::string_view name);
std::string_view action_name(Action action);  // "read-published", ...
std::string_view scope_name(Scope scope);     // "read", "write"
std::optional<Scope> parse_scope(std::string_view name);

}  // namespace arkiv::auth
