// Form and cookie helpers for the end-to-end HTTP tests: what a browser does with a
// Set-Cookie header, a page's hidden CSRF field and a urlencoded form body. Test-only.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "http_client.h"

namespace arkiv::test {

// "name=value" of a Set-Cookie header, and its value alone.
std::string cookie_pair(const HttpResponse& r);
std::string cookie_value(const HttpResponse& r);
// The value of the hidden csrf field in a page ("" when there is none).
std::string csrf_field(const std::string& html);
// An application/x-www-form-urlencoded body.
std::string form(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace arkiv::test
