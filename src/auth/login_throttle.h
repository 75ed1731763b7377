// Slows password guessing: failed logins are counted per account and per client address, and
// past a free allowance each further attempt must wait, twice as long after every failure (up to
// a cap). A success clears the account's count. Times are passed in (seconds), so tests need no
// clock. In memory, per server process; bounded: at most `max_keys` entries, oldest dropped.
// Thread-safe (one mutex).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace arkiv::auth {

struct ThrottlePolicy {
  int free_per_account = 5;     // failures before an account has to wait
  int free_per_address = 20;    // an address may try several accounts (offices share one)
  std::int64_t first_wait = 1;  // seconds, doubled with each further failure
  std::int64_t max_wait = 900;
  std::int64_t forget_after = 3600;  // a key with no failure for this long starts afresh
  std::size_t max_keys = 100000;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

  // Seconds the caller must still wait before trying `account` from `address`; 0 when free.
  std::int64_t wait(const std::string& account, const std::string& address, std::int64_t now);
  void failed(const std::string& account, const std::string& address, std::int64_t now);
  void succeeded(const std::string& account);

 private:
  struct Entry {
    int failures = 0;
    std::int64_t last = 0;
  };
  std::int64_t wait_for(const std::string& key, int free, std::int64_t now);
  void count(const std::string& key, std::int64_t now);

  ThrottlePolicy policy_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;  // "u:<account>" and "a:<address>"
};

}  // namespace arkiv::auth
