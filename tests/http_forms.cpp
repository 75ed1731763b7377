#include "http_forms.h"

#include <cctype>
#include <cstdio>
#include <regex>

namespace arkiv::test {

std::string cookie_pair(const HttpResponse& r) {
  std::string c = r.header("set-cookie");
  return c.substr(0, c.find(';'));
}

std::string cookie_value(const HttpResponse& r) {
  std::string pair = cookie_pair(r);
  return pair.substr(pair.find('=') + 1);
}

std::string csrf_field(const std::string& html) {
  std::smatch m;
  if (std::regex_search(html, m, std::regex(R"re(name="csrf" value="([^"]*)")re"))) return m[1];
  return "";
}

std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    for (const std::string* s : {&k, &v}) {
      for (unsigned char c : *s) {
        if (std::isalnum(c)) {
          out += static_cast<char>(c);
        } else {
          char hex[4];
          std::snprintf(hex, sizeof hex, "%%%02X", c);
          out += hex;
        }
      }
      if (s == &k) out += '=';
    }
  }
  return out;
}

}  // namespace arkiv::test
