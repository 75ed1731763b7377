// Random identifiers from libsodium's CSPRNG (libsodium's adapter is base/: digest.cpp and
// random.cpp). Thread-safe.
#pragma once

#include <string>

namespace arkiv {

// A random version-4 UUID: "1b4e28ba-2fa1-41d2-883f-0016d3cca427".
std::string random_uuid();

}  // namespace arkiv
