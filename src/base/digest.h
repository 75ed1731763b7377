// SHA-256 digests as lower-case hex, for provenance checksums (libsodium adapter).
#pragma once

#include <string>
#include <string_view>

namespace arkiv {

std::string sha256_hex(std::string_view data);

}  // namespace arkiv
