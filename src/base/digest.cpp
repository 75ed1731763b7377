#include "base/digest.h"

#include <sodium.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace arkiv {

namespace {

std::string hex(const unsigned char (&hash)[crypto_hash_sha256_BYTES]) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof hash);
  for (unsigned char b : hash) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return hex(hash);
}

Result<std::string> sha256_file_hex(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Error::io(path + ": cannot open for reading: " + std::strerror(errno));
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::unique_ptr<unsigned char[]> buf(new unsigned char[1 << 16]);
  std::size_t n;
  while ((n = std::fread(buf.get(), 1, 1 << 16, f.get())) > 0) crypto_hash_sha256_update(&state, buf.get(), n);
  if (std::ferror(f.get())) return Error::io(path + ": read failed");
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, hash);
  return hex(hash);
}

}  // namespace arkiv
