// Fuzz target: the archival date parser. The input is a date display; after a first line break,
// the rest is split into the explicit bounds date_from_bounds takes. A parsed range must be
// ordered.
#include <string_view>

#include "fuzz_target.h"
#include "model/date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::size_t nl = in.find('\n');
  std::string_view display = in.substr(0, nl);
  if (auto d = arkiv::model::parse_date(display)) {
    // ISO days of positive years compare as strings.
    bool plain = d->earliest.size() == 10 && d->latest.size() == 10 && d->earliest[0] != '-' && d->latest[0] != '-';
    if (plain) ARKIV_FUZZ_CHECK(d->earliest <= d->latest);
  }
  if (nl != std::string_view::npos) {
    std::string_view rest = in.substr(nl + 1);
    std::size_t nl2 = rest.find('\n');
    (void)arkiv::model::date_from_bounds(display, rest.substr(0, nl2), nl2 == std::string_view::npos ? "" : rest.substr(nl2 + 1));
  }
  return 0;
}
