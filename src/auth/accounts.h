// Accounts and sessions: the users of an archive's staff, their passwords (argon2id), sessions
// (random tokens in a cookie; only their SHA-256 is stored, with an expiry), API tokens (stored
// hashed, scoped read or write), failed-login throttling and the audit log. Every change to an
// account is audited in the same transaction. Owns its catalog connection (store::AccountStore);
// thread-safe: one mutex around it, so a server shares one Accounts between its threads.
// Passwords and tokens are never logged, audited or returned after creation.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "auth/login_throttle.h"
#include "auth/permissions.h"
#include "base/result.h"
#include "base/secrets.h"

namespace arkiv::store {
class AccountStore;
}

namespace arkiv::auth {

struct AccountsOptions {
  std::int64_t session_seconds = 12 * 3600;  // a session ends this long after login
  PasswordCost password_cost = kPasswordCost;
  ThrottlePolicy throttle;
  std::function<std::int64_t()> clock;  // seconds since 1970; default the system clock
};

struct User {
  std::string name;
  Role role = Role::kContributor;
  bool disabled = false;
  std::string created_at;
  std::int64_t sessions = 0;  // live sessions
  std::int64_t tokens = 0;    // unrevoked API tokens
};

struct AuditEntry {
  std::string at, actor, action, subject, detail, remote;
};

// Who acts (for the audit log): a user name or "cli:<login>", and the client's address.
struct Actor {
  std::string name;
  std::string remote;
};

struct Login {
  std::string token;  // the new session's token, for the cookie; shown nowhere else
  Caller caller;
};

class Accounts {
 public:
  static Result<std::unique_ptr<Accounts>> open(const std::string& data_dir, AccountsOptions options = {});
  ~Accounts();

  // Names: 1-64 characters of A-Z a-z 0-9 . _ - @. Passwords: 10-1024 bytes.
  Status add_user(const std::string& name, Role role, const std::string& password, const Actor& actor);
  Result<std::vector<User>> users();
  Result<User> user(const std::string& name);
  Status set_role(const std::string& name, Role role, const Actor& actor);
  // Disabling ends every session of the user and revokes their API tokens.
  Status set_disabled(const std::string& name, bool disabled, const Actor& actor);
  // Ends every session of the user (they sign in again with the new password).
  Status set_password(const std::string& name, const std::string& password, const Actor& actor);
  // A new API token (returned once; stored hashed).
  Result<std::string> create_token(const std::string& name, Scope scope, const std::string& label, const Actor& actor);

  // Checks the password and starts a new session; ends `old_token`'s session if there was one
  // (a session token is never carried across a login). Errors: kInvalidInput "wrong name or
  // password" (the same for unknown names and disabled users), kBusy when throttled, with
  // retry_after set to the seconds to wait.
  Result<Login> login(const std::string& name, const std::string& password, const std::string& remote,
                      const std::string& old_token, std::int64_t* retry_after = nullptr);
  // The caller a session cookie stands for; nullopt for unknown, expired or disabled.
  Result<std::optional<Caller>> session(const std::string& token);
  Status logout(const std::string& token, const std::string& remote);
  // The caller a bearer token stands for; nullopt for unknown or revoked tokens or disabled users.
  Result<std::optional<Caller>> bearer(const std::string& token);

  Result<std::vector<AuditEntry>> audit(int limit);
  // Records an action on a record (publish, withdraw, embargo...) in the audit log.
  Status audit_action(const Actor& actor, const std::string& action, const std::string& subject, const std::string& detail);

  std::int64_t session_seconds() const { return options_.session_seconds; }
  // The CSRF token of the session whose cookie holds `session_token`.
  static std::string csrf_token(const std::string& session_token);

 private:
  Accounts() = default;
  std::int64_t now() const;
  Status audit_locked(const Actor& actor, const std::string& action, const std::string& subject, const std::string& detail);

  AccountsOptions options_;
  std::unique_ptr<LoginThrottle> throttle_;
  std::mutex mu_;
  std::unique_ptr<store::AccountStore> store_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified against for unknown names (made at the first login)
};

}  // namespace arkiv::auth
