// Request targets and URLs: percent-decoding, query strings (keys may repeat), and encoding
// for links built from user data. Decoded text must be valid UTF-8 without NUL; anything else
// is kInvalidInput naming the part that was bad. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "http/request.h"

namespace arkiv::http {

struct Target {
  std::string path;  // decoded
  Params query;      // decoded
};

// Splits "/a%20b?x=1&y=2&x=3" into path and query, decoding both ('+' is a space in queries).
Result<Target> parse_target(std::string_view target);
// Decodes an application/x-www-form-urlencoded body ("a=1&b=x+y") like a query string.
Result<Params> parse_form(std::string_view body);
// Decodes %XX escapes (and '+' as space when `plus_is_space`); rejects bad escapes, bad UTF-8, NUL.
Result<std::string> percent_decode(std::string_view s, bool plus_is_space);
// Encodes everything but unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string percent_encode(std::string_view s);
// Encodes a path, keeping '/' as the separator (record ids may contain '/').
std::string encode_path(std::string_view path);
// "a=1&b=x%20y" from pairs, in order.
std::string build_query(const Params& params);

}  // namespace arkiv::http
