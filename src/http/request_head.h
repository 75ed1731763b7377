// The checks a request head (start line and header fields, up to the blank line) must pass before
// Beast's parser reads it: sizes (414 for the target, 431 for the header) and the message-framing
// rules of RFC 9112 that a lenient parser lets through and that enable request smuggling (obsolete
// line folding, Content-Length with Transfer-Encoding, any Transfer-Encoding but plain `chunked`,
// a missing or repeated Host in HTTP/1.1). Works on raw bytes; no Beast. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace arkiv::http {

struct HeadLimits {
  std::size_t target_limit = 8 * 1024;  // bytes of the request target
  std::size_t header_limit = 8 * 1024;  // bytes of the header fields after the start line
};

struct HeadCheck {
  enum class State { kIncomplete, kComplete, kRejected };
  State state = State::kIncomplete;
  std::size_t head_size = 0;  // kComplete: bytes up to and including the blank line
  int status = 0;             // kRejected: 400, 414 or 431; the connection must be closed
  std::string message;        // kRejected: for the client, naming what was wrong
  std::string method;         // as far as it could be read (to answer in the right form)
  std::string target;
};

// Where the head in `bytes` ends (just past "\r\n\r\n"), searching from `from`; npos if not yet.
// Lets a reader that receives the head in pieces scan each byte once.
std::size_t find_head_end(std::string_view bytes, std::size_t from = 0);

// True when a LF in bytes[from..] is not preceded by CR (RFC 9112 lets a server refuse those).
bool bare_lf(std::string_view bytes, std::size_t from = 0);
// True when check_request_head can decide on `bytes`: the head is complete, a line ends in a
// bare LF, or more bytes arrived than any acceptable head holds. Scans only from `from`, so a
// reader receiving the head in pieces calls it after each piece at linear total cost.
bool head_decidable(std::string_view bytes, std::size_t from, const HeadLimits& limits);

// Checks the head at the start of `bytes` (which may hold more, or less, than the head).
// kIncomplete: no blank line yet and no limit passed; read more.
HeadCheck check_request_head(std::string_view bytes, const HeadLimits& limits);

}  // namespace arkiv::http
