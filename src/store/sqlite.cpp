#include "store/sqlite.h"

namespace arkiv::store {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
    error_ = sqlite3_errmsg(db);
    stmt_ = nullptr;
  }
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    error_ = std::move(o.error_);
    o.stmt_ = nullptr;
  }
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

bool Statement::step(Status& status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    status = rc == SQLITE_BUSY ? Error::busy(std::string("catalog is locked by another process: ") + sqlite3_errmsg(db_))
                               : Error::io(std::string("catalog: ") + sqlite3_errmsg(db_));
  }
  return false;
}

Result<std::int64_t> Statement::each_row(const std::function<void(const Statement&)>& row) {
  Status s;
  std::int64_t n = 0;
  while (step(s)) {
    row(*this);
    ++n;
  }
  reset();
  if (!s) return s.error();
  return n;
}

Result<bool> Statement::first_row(const std::function<void(const Statement&)>& row) {
  Status s;
  bool found = step(s);
  if (found) row(*this);
  reset();
  if (!s) return s.error();
  return found;
}

Status Statement::run() {
  Status s;
  while (step(s)) {
  }
  reset();
  return s;
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Result<Connection> Connection::open(const std::string& path) {
  Connection c;
  int rc = sqlite3_open_v2(path.c_str(), &c.db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = c.db_ ? sqlite3_errmsg(c.db_) : "out of memory";
    return Error::io("cannot open catalog " + path + ": " + msg);
  }
  sqlite3_busy_timeout(c.db_, 10000);
  sqlite3_extended_result_codes(c.db_, 1);
  return c;
}

Connection::~Connection() {
  if (db_) sqlite3_close_v2(db_);
}

Connection& Connection::operator=(Connection&& o) noexcept {
  if (this != &o) {
    if (db_) sqlite3_close_v2(db_);
    db_ = o.db_;
    o.db_ = nullptr;
  }
  return *this;
}

Status Connection::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Error::io("catalog: " + msg);
  }
  return Status::success();
}

Status Connection::define_function(const std::string& name, std::function<std::string(std::string_view)> fn) {
  using Fn = std::function<std::string(std::string_view)>;
  auto* holder = new Fn(std::move(fn));
  auto call = [](sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* f = static_cast<const Fn*>(sqlite3_user_data(ctx));
    const unsigned char* text = sqlite3_value_text(argv[0]);
    std::string_view in = text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_value_bytes(argv[0])))
                               : std::string_view();
    try {
      std::string out = (*f)(in);
      sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
    } catch (const std::exception& e) {
      sqlite3_result_error(ctx, e.what(), -1);
    }
  };
  int rc = sqlite3_create_function_v2(db_, name.c_str(), 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, holder, call, nullptr, nullptr,
                                      [](void* p) { delete static_cast<Fn*>(p); });
  if (rc != SQLITE_OK) return Error::internal("catalog: cannot define SQL function " + name + ": " + sqlite3_errmsg(db_));
  return Status::success();
}

Result<Statement> Connection::prepare(std::string_view sql) const {
  Statement s(db_, sql);
  if (!s.valid()) return Error::internal("catalog: cannot prepare statement: " + s.prepare_error());
  return s;
}

}  // namespace arkiv::store
