// Secrets for accounts and sessions: argon2id password hashes, random tokens, keyed hashes and
// constant-time comparison. Part of base/'s libsodium adapter (with digest.h): the only code
// outside it that needs these asks here. Free functions; all thread-safe.
//
//   std::string stored = *hash_password("correct horse", kPasswordCost);
//   verify_password(stored, "correct horse");  // true
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace arkiv {

// argon2id work factors: passes over memory and memory in bytes.
struct PasswordCost {
  std::uint64_t ops = 0;
  std::size_t mem_bytes = 0;
};

// Chosen with bench/password_cost for 0.1-0.3 s per hash on the project machine
// (docs/benchmarks.md, "Login cost").
inline constexpr PasswordCost kPasswordCost{3, 64u << 20};
// For tests only: the smallest cost libsodium accepts, so suites do not spend seconds hashing.
inline constexpr PasswordCost kTestPasswordCost{1, 8u << 10};

// An encoded argon2id hash ("$argon2id$v=19$m=...,t=...,p=1$salt$hash") with a fresh random salt.
// kInternal only when the machine cannot give the memory.
Result<std::string> hash_password(std::string_view password, PasswordCost cost = kPasswordCost);
// True when `password` matches `stored` (any cost the hash was made with).
bool verify_password(const std::string& stored, std::string_view password);
// True when `stored` was made with another cost than `cost` (rehash at the next login).
bool password_needs_rehash(const std::string& stored, PasswordCost cost = kPasswordCost);

// `bytes` random bytes from the operating system, base64url without padding (32 -> 43 chars).
std::string random_token(std::size_t bytes = 32);
// HMAC-SHA-256 of `message` under `key`, lower-case hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);
// Compares in time that depends only on the lengths.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace arkiv
