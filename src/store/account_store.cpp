#include "store/account_store.h"

#include "store/catalog.h"
#include "store/sqlite.h"

namespace arkiv::store {

namespace {

constexpr const char* kUserColumns = "u.id, u.name, u.role, u.password_hash, u.disabled, u.created_at, u.updated_at";

UserRow read_user(const Statement& st, int first = 0) {
  UserRow u;
  u.id = st.integer(first);
  u.name = st.text(first + 1);
  u.role = st.text(first + 2);
  u.password_hash = st.text(first + 3);
  u.disabled = st.integer(first + 4) != 0;
  u.created_at = st.text(first + 5);
  u.updated_at = st.text(first + 6);
  return u;
}

// Runs a statement that returns no rows.
Status run(const Connection& db, std::string_view sql, const std::function<void(Statement&)>& bind) {
  auto st = db.prepare(sql);
  if (!st) return st.error();
  bind(*st);
  return st->run();
}

// Collects every row of a query.
template <typename Row>
Result<std::vector<Row>> rows(const Connection& db, std::string_view sql, const std::function<void(Statement&)>& bind,
                              const std::function<Row(const Statement&)>& read) {
  auto st = db.prepare(sql);
  if (!st) return st.error();
  bind(*st);
  std::vector<Row> out;
  Status s;
  while (st->step(s)) out.push_back(read(*st));
  if (!s) return s.error();
  return out;
}

template <typename Row>
Result<std::optional<Row>> first_row(const Connection& db, std::string_view sql, const std::function<void(Statement&)>& bind,
                                     const std::function<Row(const Statement&)>& read) {
  auto all = rows<Row>(db, sql, bind, read);
  if (!all) return all.error();
  if (all->empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(all->front()));
}

}  // namespace

struct AccountStore::Impl {
  Connection db;
};

AccountStore::AccountStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AccountStore::~AccountStore() = default;

Result<std::unique_ptr<AccountStore>> AccountStore::open(const std::string& catalog_path) {
  // The catalog applies its migrations (account tables included) when opened.
  if (auto cat = Catalog::open(catalog_path); !cat) return cat.error();
  auto conn = Connection::open(catalog_path);
  if (!conn) return conn.error();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(conn).value();
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=FULL"}) {
    if (Status s = impl->db.exec(pragma); !s) return s.error();
  }
  return std::unique_ptr<AccountStore>(new AccountStore(std::move(impl)));
}

Status AccountStore::transaction(const std::function<Status()>& body) {
  if (Status s = impl_->db.exec("BEGIN IMMEDIATE"); !s) return s;
  Status s = body();
  if (s) s = impl_->db.exec("COMMIT");
  if (!s) (void)impl_->db.exec("ROLLBACK");
  return s;
}

Result<std::int64_t> AccountStore::add_user(const UserRow& user) {
  auto existing = this->user(user.name);
  if (!existing) return existing.error();
  if (*existing) return Error::invalid("user '" + user.name + "' already exists");
  Status s = run(impl_->db,
                 "INSERT INTO users (name, role, password_hash, disabled, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                 [&](Statement& st) {
                   st.bind(1, user.name).bind(2, user.role).bind(3, user.password_hash);
                   st.bind(4, static_cast<std::int64_t>(user.disabled)).bind(5, user.created_at);
                 });
  if (!s) return s.error();
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(impl_->db.handle()));
}

Result<std::optional<UserRow>> AccountStore::user(const std::string& name) const {
  return first_row<UserRow>(impl_->db, std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.name = ?1",
                            [&](Statement& st) { st.bind(1, name); }, [](const Statement& st) { return read_user(st); });
}

Result<std::vector<UserRow>> AccountStore::users() const {
  return rows<UserRow>(impl_->db, std::string("SELECT ") + kUserColumns + " FROM users u ORDER BY u.name",
                       [](Statement&) {}, [](const Statement& st) { return read_user(st); });
}

Status AccountStore::set_role(std::int64_t user_id, const std::string& role, const std::string& now) {
  return run(impl_->db, "UPDATE users SET role = ?2, updated_at = ?3 WHERE id = ?1",
             [&](Statement& st) { st.bind(1, user_id).bind(2, role).bind(3, now); });
}

Status AccountStore::set_disabled(std::int64_t user_id, bool disabled, const std::string& now) {
  return run(impl_->db, "UPDATE users SET disabled = ?2, updated_at = ?3 WHERE id = ?1",
             [&](Statement& st) { st.bind(1, user_id).bind(2, static_cast<std::int64_t>(disabled)).bind(3, now); });
}

Status AccountStore::set_password_hash(std::int64_t user_id, const std::string& hash, const std::string& now) {
  return run(impl_->db, "UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE id = ?1",
             [&](Statement& st) { st.bind(1, user_id).bind(2, hash).bind(3, now); });
}

Status AccountStore::add_session(const std::string& token_sha256, std::int64_t user_id, const std::string& created_at,
                                 std::int64_t expires_at, const std::string& remote) {
  return run(impl_->db, "INSERT INTO sessions (token_sha256, user_id, created_at, expires_at, remote) VALUES (?1, ?2, ?3, ?4, ?5)",
             [&](Statement& st) { st.bind(1, token_sha256).bind(2, user_id).bind(3, created_at).bind(4, expires_at).bind(5, remote); });
}

Result<std::optional<UserRow>> AccountStore::session_user(const std::string& token_sha256, std::int64_t now) const {
  return first_row<UserRow>(impl_->db,
                            std::string("SELECT ") + kUserColumns +
                                " FROM sessions s JOIN users u ON u.id = s.user_id"
                                " WHERE s.token_sha256 = ?1 AND s.expires_at > ?2 AND u.disabled = 0",
                            [&](Statement& st) { st.bind(1, token_sha256).bind(2, now); },
                            [](const Statement& st) { return read_user(st); });
}

Status AccountStore::remove_session(const std::string& token_sha256) {
  return run(impl_->db, "DELETE FROM sessions WHERE token_sha256 = ?1", [&](Statement& st) { st.bind(1, token_sha256); });
}

Status AccountStore::remove_sessions_of(std::int64_t user_id) {
  return run(impl_->db, "DELETE FROM sessions WHERE user_id = ?1", [&](Statement& st) { st.bind(1, user_id); });
}

Status AccountStore::remove_expired_sessions(std::int64_t now) {
  return run(impl_->db, "DELETE FROM sessions WHERE expires_at <= ?1", [&](Statement& st) { st.bind(1, now); });
}

Result<std::int64_t> AccountStore::session_count(std::int64_t user_id) const {
  auto n = first_row<std::int64_t>(impl_->db, "SELECT COUNT(*) FROM sessions WHERE user_id = ?1",
                                   [&](Statement& st) { st.bind(1, user_id); }, [](const Statement& st) { return st.integer(0); });
  if (!n) return n.error();
  return n->value_or(0);
}

Result<std::int64_t> AccountStore::add_token(const std::string& token_sha256, std::int64_t user_id, const std::string& scope,
                                             const std::string& label, const std::string& now) {
  Status s = run(impl_->db, "INSERT INTO api_tokens (token_sha256, user_id, scope, label, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                 [&](Statement& st) { st.bind(1, token_sha256).bind(2, user_id).bind(3, scope).bind(4, label).bind(5, now); });
  if (!s) return s.error();
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(impl_->db.handle()));
}

namespace {
TokenRow read_token(const Statement& st, int first) {
  TokenRow t;
  t.id = st.integer(first);
  t.user_id = st.integer(first + 1);
  t.scope = st.text(first + 2);
  t.label = st.text(first + 3);
  t.created_at = st.text(first + 4);
  t.revoked = !st.is_null(first + 5);
  return t;
}
constexpr const char* kTokenColumns = "t.id, t.user_id, t.scope, t.label, t.created_at, t.revoked_at";
}  // namespace

Result<std::optional<std::pair<UserRow, TokenRow>>> AccountStore::token_user(const std::string& token_sha256) const {
  return first_row<std::pair<UserRow, TokenRow>>(
      impl_->db,
      std::string("SELECT ") + kUserColumns + ", " + kTokenColumns +
          " FROM api_tokens t JOIN users u ON u.id = t.user_id"
          " WHERE t.token_sha256 = ?1 AND t.revoked_at IS NULL AND u.disabled = 0",
      [&](Statement& st) { st.bind(1, token_sha256); },
      [](const Statement& st) { return std::make_pair(read_user(st), read_token(st, 7)); });
}

Result<std::vector<TokenRow>> AccountStore::tokens_of(std::int64_t user_id) const {
  return rows<TokenRow>(impl_->db, std::string("SELECT ") + kTokenColumns + " FROM api_tokens t WHERE t.user_id = ?1 ORDER BY t.id",
                        [&](Statement& st) { st.bind(1, user_id); }, [](const Statement& st) { return read_token(st, 0); });
}

Status AccountStore::revoke_tokens_of(std::int64_t user_id, const std::string& now) {
  return run(impl_->db, "UPDATE api_tokens SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL",
             [&](Statement& st) { st.bind(1, user_id).bind(2, now); });
}

Status AccountStore::add_audit(const AuditRow& row) {
  return run(impl_->db, "INSERT INTO audit_log (at, actor, action, subject, detail, remote) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
             [&](Statement& st) {
               st.bind(1, row.at).bind(2, row.actor).bind(3, row.action).bind(4, row.subject).bind(5, row.detail).bind(6, row.remote);
             });
}

Result<std::vector<AuditRow>> AccountStore::audit(int limit) const {
  return rows<AuditRow>(impl_->db, "SELECT id, at, actor, action, subject, detail, remote FROM audit_log ORDER BY id DESC LIMIT ?1",
                        [&](Statement& st) { st.bind(1, static_cast<std::int64_t>(limit)); },
                        [](const Statement& st) {
                          return AuditRow{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)};
                        });
}

}  // namespace arkiv::store
