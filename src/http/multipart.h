// multipart/form-data (RFC 7578) bodies, as browsers send forms with a file input: the parts
// with their field names, file names and bytes. Bounded: at most kMaxParts parts. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace arkiv::http {

struct FormPart {
  std::string name;      // the form field's name
  std::string filename;  // for file inputs: the name the browser gave ("" for other fields)
  std::string content_type;
  std::string body;
};

inline constexpr std::size_t kMaxParts = 100;

// True when `content_type` is multipart/form-data.
bool is_multipart(std::string_view content_type);
// The parts of `body`; errors (kInvalidInput) say what is malformed.
Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body);

}  // namespace arkiv::http
