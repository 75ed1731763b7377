// ISO 639 language codes: validation, names, and lookup by English name ("Albanian" -> "sq").
// Canonical form is the ISO 639-1 two-letter code where one exists, else ISO 639-3.
// Backed by ICU's locale data; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace arkiv::text {

// Accepts "sq", "SQ", "sqi", "alb", "Albanian"; returns the canonical code or nothing.
std::optional<std::string> normalize_language(std::string_view code_or_name);
// English name of a canonical code ("sq" -> "Albanian"); the code itself if unknown.
std::string language_name(std::string_view code);

}  // namespace arkiv::text
