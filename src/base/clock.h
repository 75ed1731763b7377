// Wall-clock time as arkiv writes it: UTC, ISO 8601, to the second ("2026-11-26T21:53:15Z").
#pragma once

#include <cstdint>
#include <string>

namespace arkiv {

std::string now_utc();
// The same form for a time in seconds since 1970 (UTC).
std::string utc_iso(std::int64_t unix_seconds);
// Seconds since 1970 (UTC), now.
std::int64_t unix_now();

}  // namespace arkiv
