// Wall-clock time as arkiv writes it: UTC, ISO 8601, to the second ("2026-11-26T21:53:15Z").
#pragma once

#include <string>

namespace arkiv {

std::string now_utc();

}  // namespace arkiv
