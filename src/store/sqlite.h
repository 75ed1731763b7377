// Thin RAII wrappers over the SQLite C API, private to the store module: a connection and a
// prepared statement with bind/step/column helpers. Errors come back as Status with SQLite's
// message. Not thread-safe: one connection per thread.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace arkiv::store {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_), error_(std::move(o.error_)) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool valid() const { return stmt_ != nullptr; }
  const std::string& prepare_error() const { return error_; }

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  // SQLITE_ROW -> true, SQLITE_DONE -> false; errors go to `status`.
  bool step(Status& status);
  // Runs the query with its bound values: calls row(*this) for each row, then resets the
  // statement (bindings cleared) whatever happened. Returns how many rows, or the error.
  Result<std::int64_t> each_row(const std::function<void(const Statement&)>& row);
  // The same for a query of at most one row: whether there was one.
  Result<bool> first_row(const std::function<void(const Statement&)>& row);
  Status run();  // step to completion, for statements without results
  void reset();

  std::string text(int col) const;
  std::int64_t integer(int col) const;
  bool is_null(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
};

class Connection {
 public:
  static Result<Connection> open(const std::string& path);
  Connection() = default;
  ~Connection();
  Connection(Connection&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Connection& operator=(Connection&& o) noexcept;

  Status exec(const std::string& sql);
  // Makes `name(text)` callable from SQL on this connection (deterministic, one argument).
  Status define_function(const std::string& name, std::function<std::string(std::string_view)> fn);
  Result<Statement> prepare(std::string_view sql) const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace arkiv::store
