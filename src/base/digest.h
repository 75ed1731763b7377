// SHA-256 digests as lower-case hex, for provenance checksums (libsodium adapter).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace arkiv {

std::string sha256_hex(std::string_view data);
// Of a whole file, read in blocks (bounded memory, any size).
Result<std::string> sha256_file_hex(const std::string& path);

}  // namespace arkiv
