// The catalog's account tables (migration 6, docs/catalog-schema.md): users, sessions, API
// tokens and the audit log, as plain rows. Policy (roles, hashing, expiry, throttling) lives in
// auth/; this is only storage. Opens its own connection to catalog.db (applying migrations first),
// so it can write while the archive's readers read. Not thread-safe: one per thread, or behind
// a lock (auth::Accounts keeps one behind a mutex).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace arkiv::store {

struct UserRow {
  std::int64_t id = 0;
  std::string name;
  std::string role;           // contributor, editor, admin
  std::string password_hash;  // argon2id, encoded
  bool disabled = false;
  std::string created_at;
  std::string updated_at;
};

struct TokenRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string scope;  // read, write
  std::string label;
  std::string created_at;
  bool revoked = false;
};

struct AuditRow {
  std::int64_t id = 0;
  std::string at;
  std::string actor;
  std::string action;
  std::string subject;
  std::string detail;
  std::string remote;
};

class AccountStore {
 public:
  // Opens the catalog at `catalog_path` (creating it and applying migrations when needed).
  static Result<std::unique_ptr<AccountStore>> open(const std::string& catalog_path);
  ~AccountStore();
  AccountStore(const AccountStore&) = delete;
  AccountStore& operator=(const AccountStore&) = delete;

  // Runs `body` in one write transaction; commits when it succeeds, rolls back otherwise.
  Status transaction(const std::function<Status()>& body);

  // kInvalidInput when the name is taken.
  Result<std::int64_t> add_user(const UserRow& user);
  Result<std::optional<UserRow>> user(const std::string& name) const;
  Result<std::vector<UserRow>> users() const;  // by name
  Status set_role(std::int64_t user_id, const std::string& role, const std::string& now);
  Status set_disabled(std::int64_t user_id, bool disabled, const std::string& now);
  Status set_password_hash(std::int64_t user_id, const std::string& hash, const std::string& now);

  Status add_session(const std::string& token_sha256, std::int64_t user_id, const std::string& created_at,
                     std::int64_t expires_at, const std::string& remote);
  // The enabled user whose unexpired session has this token hash.
  Result<std::optional<UserRow>> session_user(const std::string& token_sha256, std::int64_t now) const;
  Status remove_session(const std::string& token_sha256);
  Status remove_sessions_of(std::int64_t user_id);
  Status remove_expired_sessions(std::int64_t now);
  Result<std::int64_t> session_count(std::int64_t user_id) const;

  Result<std::int64_t> add_token(const std::string& token_sha256, std::int64_t user_id, const std::string& scope,
                                 const std::string& label, const std::string& now);
  // The enabled user and the unrevoked token with this hash.
  Result<std::optional<std::pair<UserRow, TokenRow>>> token_user(const std::string& token_sha256) const;
  Result<std::vector<TokenRow>> tokens_of(std::int64_t user_id) const;
  Status revoke_tokens_of(std::int64_t user_id, const std::string& now);

  Status add_audit(const AuditRow& row);
  // Newest first; at most `limit` rows.
  Result<std::vector<AuditRow>> audit(int limit) const;

 private:
  struct Impl;
  explicit AccountStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace arkiv::store
