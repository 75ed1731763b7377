// Fuzz target: request-target and query-string decoding (http/url.h). Decoded text must be valid
// UTF-8 without NUL, and encoding then decoding gives back what was decoded.
#include <string>
#include <string_view>

#include "base/strings.h"
#include "fuzz_target.h"
#include "http/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (auto t = arkiv::http::parse_target(in)) {
    ARKIV_FUZZ_CHECK(arkiv::is_valid_utf8(t->path) && t->path.find('\0') == std::string::npos);
    auto again = arkiv::http::parse_target(arkiv::http::encode_path(t->path) + "?" + arkiv::http::build_query(t->query));
    ARKIV_FUZZ_CHECK(again.ok() && again->path == t->path && again->query == t->query);
  }
  for (bool plus : {false, true}) {
    if (auto d = arkiv::http::percent_decode(in, plus)) {
      auto back = arkiv::http::percent_decode(arkiv::http::percent_encode(*d), plus);
      ARKIV_FUZZ_CHECK(back.ok() && *back == *d);
    }
  }
  return 0;
}
