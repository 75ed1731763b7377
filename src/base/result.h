// Result<T>: the value of an operation that can fail in an expected way (bad input, not found,
// unsupported format, corrupt file). Errors carry a code and a message that names the place
// (file, line, field) and what was expected. Exceptions are kept for bugs and exhaustion.
// Value type; not thread-safe beyond the usual const-access rules.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace arkiv {

enum class ErrorCode {
  kInvalidInput,   // the input does not follow its format
  kNotFound,       // no such record, file or field
  kUnsupported,    // a format or feature arkiv does not handle
  kCorrupt,        // stored data failed a consistency check
  kIo,             // the operating system refused (open, read, write)
  kBusy,           // another process holds a lock
  kTooLarge,       // a size limit was exceeded
  kInternal,       // a bug: an invariant did not hold
  kConflict,       // the thing changed since the caller read it (a stale revision)
};

const char* error_code_name(ErrorCode code);

class Error {
 public:
  Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Error invalid(std::string m) { return {ErrorCode::kInvalidInput, std::move(m)}; }
  static Error not_found(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Error unsupported(std::string m) { return {ErrorCode::kUnsupported, std::move(m)}; }
  static Error corrupt(std::string m) { return {ErrorCode::kCorrupt, std::move(m)}; }
  static Error io(std::string m) { return {ErrorCode::kIo, std::move(m)}; }
  static Error busy(std::string m) { return {ErrorCode::kBusy, std::move(m)}; }
  static Error too_large(std::string m) { return {ErrorCode::kTooLarge, std::move(m)}; }
  static Error internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }
  static Error conflict(std::string m) { return {ErrorCode::kConflict, std::move(m)}; }

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is prefixed with `where` ("file.txt: line 3: ...").
  Error within(const std::string& where) const { return {code_, where + ": " + message_}; }

 private:
  ErrorCode code_;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}     // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  static Status success() { return {}; }

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

}  // namespace arkiv
