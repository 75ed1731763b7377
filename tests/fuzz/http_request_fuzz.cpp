// Fuzz target: raw bytes as a connection would receive them, through the server's request
// reading (head checks, Beast's parser, target decoding) without a socket. An error status must
// be one the server sends for a bad request, and a request that passed must have a decoded path.
#include <string_view>

#include "fuzz_target.h"
#include "http/request_head.h"
#include "http/server.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  arkiv::http::ServerOptions options;
  options.target_limit = 1024;  // small limits, so the fuzzer reaches them
  options.header_limit = 1024;
  options.body_limit = 2048;
  arkiv::http::ParsedRequest r = arkiv::http::parse_request_bytes(raw, options);
  int s = r.status;
  ARKIV_FUZZ_CHECK(s == 0 || s == 400 || s == 413 || s == 414 || s == 431);
  if (s == 0 && !r.incomplete) ARKIV_FUZZ_CHECK(!r.request.path.empty() && r.request.path[0] == '/');
  // The incremental scan agrees with the whole-head check.
  arkiv::http::HeadLimits limits{options.target_limit, options.header_limit};
  bool whole = arkiv::http::head_decidable(raw, 0, limits);
  bool pieces = false;
  for (std::size_t from = 0, step = 7; from <= raw.size() && !pieces; from += step) {
    pieces = arkiv::http::head_decidable(raw.substr(0, std::min(raw.size(), from + step)), from, limits);
  }
  ARKIV_FUZZ_CHECK(whole == pieces);
  return 0;
}
