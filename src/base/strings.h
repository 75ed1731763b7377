// Small string utilities on UTF-8 std::string: trimming, splitting, escaping, UTF-8 checks.
// Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
std::string to_lower_ascii(std::string_view s);
bool iequals_ascii(std::string_view a, std::string_view b);
// Replaces every run of ASCII white space with a single space and trims the ends.
std::string collapse_spaces(std::string_view s);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view s);
void html_escape_append(std::string_view s, std::string& out);

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates). On failure `bad_offset` is
// set to the byte offset of the first bad sequence.
bool is_valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr);
// Number of Unicode code points in valid UTF-8 `s`.
std::size_t utf8_length(std::string_view s);
// Byte offset of the code point with index `cp_index` (or s.size() past the end).
std::size_t utf8_byte_offset(std::string_view s, std::size_t cp_index);
// 1-based line number of byte offset `offset` in `s`.
std::size_t line_of_offset(std::string_view s, std::size_t offset);

// Lower-case, ASCII-only identifier from free text: "Joint Declaration!" -> "joint-declaration".
std::string slugify(std::string_view s, std::size_t max_len = 80);

}  // namespace arkiv
