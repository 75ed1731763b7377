#include "auth/accounts.h"

#include <filesystem>

#include "base/clock.h"
#include "base/digest.h"
#include "store/account_store.h"

namespace arkiv::auth {

namespace {

Status check_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return Error::invalid("user name: expected 1 to 64 characters, got " + std::to_string(name.size()));
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@';
    if (!ok) return Error::invalid("user name '" + name + "': only letters A-Z a-z, digits and . _ - @ are allowed");
  }
  return Status::success();
}

Status check_password(const std::string& password) {
  if (password.size() < 10) return Error::invalid("password: expected at least 10 characters");
  if (password.size() > 1024) return Error::invalid("password: expected at most 1024 bytes");
  return Status::success();
}

Role stored_role(const std::string& name) {
  auto r = parse_role(name);
  return r && *r != Role::kAnonymous ? *r : Role::kContributor;
}

Caller caller_of(const store::UserRow& u, Via via, Scope scope) {
  Caller c;
  c.role = stored_role(u.role);
  c.via = via;
  c.scope = scope;
  c.user_id = u.id;
  c.user = u.name;
  return c;
}

}  // namespace

Accounts::~Accounts() = default;

Result<std::unique_ptr<Accounts>> Accounts::open(const std::string& data_dir, AccountsOptions options) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Error::io("cannot create data directory " + data_dir + ": " + ec.message());
  auto st = store::AccountStore::open((std::filesystem::path(data_dir) / "catalog.db").string());
  if (!st) return st.error();
  std::unique_ptr<Accounts> a(new Accounts());
  if (!options.clock) options.clock = unix_now;
  a->options_ = std::move(options);
  a->throttle_ = std::make_unique<LoginThrottle>(a->options_.throttle);
  a->store_ = std::move(st).value();
  return a;
}

std::int64_t Accounts::now() const { return options_.clock(); }

Status Accounts::audit_locked(const Actor& actor, const std::string& action, const std::string& subject, const std::string& detail) {
  return store_->add_audit({0, utc_iso(now()), actor.name, action, subject, detail, actor.remote});
}

Status Accounts::audit_action(const Actor& actor, const std::string& action, const std::string& subject, const std::string& detail) {
  std::lock_guard<std::mutex> lock(mu_);
  return audit_locked(actor, action, subject, detail);
}

Status Accounts::add_user(const std::string& name, Role role, const std::string& password, const Actor& actor) {
  if (Status s = check_name(name); !s) return s;
  if (role == Role::kAnonymous) return Error::invalid("role: expected admin, editor or contributor");
  if (Status s = check_password(password); !s) return s;
  auto hash = hash_password(password, options_.password_cost);
  if (!hash) return hash.error();
  std::lock_guard<std::mutex> lock(mu_);
  return store_->transaction([&]() -> Status {
    std::string at = utc_iso(now());
    auto id = store_->add_user({0, name, std::string(role_name(role)), *hash, false, at, at});
    if (!id) return id.error();
    return audit_locked(actor, "user_add", name, "role " + std::string(role_name(role)));
  });
}

Result<std::vector<User>> Accounts::users() {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = store_->users();
  if (!rows) return rows.error();
  std::vector<User> out;
  for (const auto& u : *rows) {
    User user{u.name, stored_role(u.role), u.disabled, u.created_at, 0, 0};
    auto n = store_->session_count(u.id);
    if (!n) return n.error();
    user.sessions = *n;
    auto tokens = store_->tokens_of(u.id);
    if (!tokens) return tokens.error();
    for (const auto& t : *tokens) user.tokens += t.revoked ? 0 : 1;
    out.push_back(std::move(user));
  }
  return out;
}

Result<User> Accounts::user(const std::string& name) {
  auto all = users();
  if (!all) return all.error();
  for (auto& u : *all) {
    if (u.name == name) return u;
  }
  return Error::not_found("no user '" + name + "'");
}

namespace {
Result<store::UserRow> existing(store::AccountStore& st, const std::string& name) {
  auto u = st.user(name);
  if (!u) return u.error();
  if (!*u) return Error::not_found("no user '" + name + "'");
  return **u;
}
}  // namespace

Status Accounts::set_role(const std::string& name, Role role, const Actor& actor) {
  if (role == Role::kAnonymous) return Error::invalid("role: expected admin, editor or contributor");
  std::lock_guard<std::mutex> lock(mu_);
  return store_->transaction([&]() -> Status {
    auto u = existing(*store_, name);
    if (!u) return u.error();
    if (u->role == role_name(role)) return Status::success();
    if (Status s = store_->set_role(u->id, std::string(role_name(role)), utc_iso(now())); !s) return s;
    return audit_locked(actor, "role_change", name, u->role + " -> " + std::string(role_name(role)));
  });
}

Status Accounts::set_disabled(const std::string& name, bool disabled, const Actor& actor) {
  std::lock_guard<std::mutex> lock(mu_);
  return store_->transaction([&]() -> Status {
    auto u = existing(*store_, name);
    if (!u) return u.error();
    std::string at = utc_iso(now());
    if (Status s = store_->set_disabled(u->id, disabled, at); !s) return s;
    if (disabled) {
      if (Status s = store_->remove_sessions_of(u->id); !s) return s;
      if (Status s = store_->revoke_tokens_of(u->id, at); !s) return s;
    }
    return audit_locked(actor, disabled ? "user_disable" : "user_enable", name, "");
  });
}

Status Accounts::set_password(const std::string& name, const std::string& password, const Actor& actor) {
  if (Status s = check_password(password); !s) return s;
  auto hash = hash_password(password, options_.password_cost);
  if (!hash) return hash.error();
  std::lock_guard<std::mutex> lock(mu_);
  return store_->transaction([&]() -> Status {
    auto u = existing(*store_, name);
    if (!u) return u.error();
    if (Status s = store_->set_password_hash(u->id, *hash, utc_iso(now())); !s) return s;
    if (Status s = store_->remove_sessions_of(u->id); !s) return s;
    return audit_locked(actor, "password_change", name, "");
  });
}

Result<std::string> Accounts::create_token(const std::string& name, Scope scope, const std::string& label, const Actor& actor) {
  if (label.size() > 200) return Error::invalid("token label: expected at most 200 bytes");
  std::string token = "arkiv_" + random_token();
  std::lock_guard<std::mutex> lock(mu_);
  Status s = store_->transaction([&]() -> Status {
    auto u = existing(*store_, name);
    if (!u) return u.error();
    if (u->disabled) return Error::invalid("user '" + name + "' is disabled");
    auto id = store_->add_token(sha256_hex(token), u->id, std::string(scope_name(scope)), label, utc_iso(now()));
    if (!id) return id.error();
    return audit_locked(actor, "token_create", name, "token " + std::to_string(*id) + ", scope " + std::string(scope_name(scope)));
  });
  if (!s) return s.error();
  return token;
}

Result<Login> Accounts::login(const std::string& name, const std::string& password, const std::string& remote,
                              const std::string& old_token, std::int64_t* retry_after) {
  // The audit log keeps what was typed as a name only when it is a well-formed one.
  std::string subject = check_name(name) ? name : "(malformed name)";
  if (std::int64_t wait = throttle_->wait(subject, remote, now()); wait > 0) {
    if (retry_after) *retry_after = wait;
    std::lock_guard<std::mutex> lock(mu_);
    (void)audit_locked({"", remote}, "login_throttled", subject, "");
    return Error::busy("too many failed logins; try again in " + std::to_string(wait) + " s");
  }
  std::optional<store::UserRow> user;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (check_name(name)) {
      auto u = store_->user(name);
      if (!u) return u.error();
      user = *u;
    }
  }
  // Unknown names are verified against a throwaway hash, so they take as long as known ones.
  std::call_once(dummy_once_, [this] {
    if (auto h = hash_password(random_token(), options_.password_cost)) dummy_hash_ = *h;
  });
  // Hashing outside the lock: a login costs ~0.2 s and must not hold up other requests.
  bool ok = verify_password(user ? user->password_hash : dummy_hash_, password) && user && !user->disabled;
  std::lock_guard<std::mutex> lock(mu_);
  if (!ok) {
    throttle_->failed(subject, remote, now());
    (void)audit_locked({"", remote}, "login_failed", subject, user && user->disabled ? "disabled" : "");
    return Error::invalid("wrong name or password");
  }
  throttle_->succeeded(subject);
  Login out;
  out.token = random_token();
  Status s = store_->transaction([&]() -> Status {
    if (!old_token.empty()) {
      if (Status r = store_->remove_session(sha256_hex(old_token)); !r) return r;
    }
    if (Status r = store_->remove_expired_sessions(now()); !r) return r;
    if (Status r = store_->add_session(sha256_hex(out.token), user->id, utc_iso(now()), now() + options_.session_seconds, remote); !r) return r;
    if (password_needs_rehash(user->password_hash, options_.password_cost)) {
      auto h = hash_password(password, options_.password_cost);
      if (h) (void)store_->set_password_hash(user->id, *h, utc_iso(now()));
    }
    return audit_locked({user->name, remote}, "login", user->name, "");
  });
  if (!s) return s.error();
  out.caller = caller_of(*user, Via::kSession, Scope::kWrite);
  out.caller.csrf = csrf_token(out.token);
  return out;
}

Result<std::optional<Caller>> Accounts::session(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::optional<Caller>();
  std::lock_guard<std::mutex> lock(mu_);
  auto u = store_->session_user(sha256_hex(token), now());
  if (!u) return u.error();
  if (!*u) return std::optional<Caller>();
  Caller c = caller_of(**u, Via::kSession, Scope::kWrite);
  c.csrf = csrf_token(token);
  return std::optional<Caller>(std::move(c));
}

Status Accounts::logout(const std::string& token, const std::string& remote) {
  std::lock_guard<std::mutex> lock(mu_);
  auto u = store_->session_user(sha256_hex(token), now());
  if (!u) return u.error();
  return store_->transaction([&]() -> Status {
    if (Status s = store_->remove_session(sha256_hex(token)); !s) return s;
    if (!*u) return Status::success();
    return audit_locked({(*u)->name, remote}, "logout", (*u)->name, "");
  });
}

Result<std::optional<Caller>> Accounts::bearer(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::optional<Caller>();
  std::lock_guard<std::mutex> lock(mu_);
  auto found = store_->token_user(sha256_hex(token));
  if (!found) return found.error();
  if (!*found) return std::optional<Caller>();
  Scope scope = parse_scope((*found)->second.scope).value_or(Scope::kRead);
  return std::optional<Caller>(caller_of((*found)->first, Via::kToken, scope));
}

Result<std::vector<AuditEntry>> Accounts::audit(int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = store_->audit(limit);
  if (!rows) return rows.error();
  std::vector<AuditEntry> out;
  for (auto& r : *rows) out.push_back({r.at, r.actor, r.action, r.subject, r.detail, r.remote});
  return out;
}

std::string Accounts::csrf_token(const std::string& session_token) { return hmac_sha256_hex(session_token, "arkiv csrf v1"); }

}  // namespace arkiv::auth
