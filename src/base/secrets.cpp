#include "base/secrets.h"

#include <sodium.h>

namespace arkiv {

namespace {

// sodium_init is idempotent and thread-safe; it must precede randombytes and pwhash.
void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  (void)ok;
}

std::string hex(const unsigned char* p, std::size_t n) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    out += kHex[p[i] >> 4];
    out += kHex[p[i] & 15];
  }
  return out;
}

}  // namespace

Result<std::string> hash_password(std::string_view password, PasswordCost cost) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.mem_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::internal("argon2id: not enough memory to hash the password (" + std::to_string(cost.mem_bytes >> 20) + " MiB)");
  }
  return std::string(out);
}

bool verify_password(const std::string& stored, std::string_view password) {
  ensure_sodium();
  if (stored.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& stored, PasswordCost cost) {
  ensure_sodium();
  if (stored.size() >= crypto_pwhash_STRBYTES) return true;
  return crypto_pwhash_str_needs_rehash(stored.c_str(), cost.ops, cost.mem_bytes) != 0;
}

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(raw.data(), raw.size());
  out.resize(out.find('\0'));
  return out;
}

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  ensure_sodium();
  crypto_auth_hmacsha256_state st;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return hex(mac, sizeof mac);
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace arkiv
