#include "http/request_head.h"

#include <cctype>

namespace arkiv::http {

namespace {

// Room for a method, two spaces and "HTTP/1.1\r\n" around a target of the largest allowed size.
constexpr std::size_t kStartLineSlack = 64;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

HeadCheck reject(HeadCheck c, int status, std::string message) {
  c.state = HeadCheck::State::kRejected;
  c.status = status;
  c.message = std::move(message);
  return c;
}

// Method and target from a (possibly unfinished) start line.
void read_start(std::string_view line, HeadCheck& c) {
  std::size_t sp = line.find(' ');
  c.method = std::string(line.substr(0, std::min<std::size_t>(sp, 32)));
  if (sp == std::string_view::npos) return;
  std::string_view rest = line.substr(sp + 1);
  c.target = std::string(rest.substr(0, rest.find(' ')));
}

}  // namespace

bool bare_lf(std::string_view bytes, std::size_t from) {
  for (std::size_t at = bytes.find('\n', from); at != std::string_view::npos; at = bytes.find('\n', at + 1)) {
    if (at == 0 || bytes[at - 1] != '\r') return true;
  }
  return false;
}

bool head_decidable(std::string_view bytes, std::size_t from, const HeadLimits& limits) {
  return find_head_end(bytes, from) != std::string_view::npos || bare_lf(bytes, from) ||
         bytes.size() > limits.target_limit + limits.header_limit + kStartLineSlack;
}

std::size_t find_head_end(std::string_view bytes, std::size_t from) {
  std::size_t at = bytes.find("\r\n\r\n", from >= 3 ? from - 3 : 0);
  return at == std::string_view::npos ? std::string_view::npos : at + 4;
}

HeadCheck check_request_head(std::string_view bytes, const HeadLimits& limits) {
  HeadCheck c;
  std::size_t line_end = bytes.find("\r\n");
  std::string_view start = bytes.substr(0, line_end);
  read_start(start, c);
  std::size_t start_limit = limits.target_limit + kStartLineSlack;
  bool target_too_long = c.target.size() > limits.target_limit;
  if (target_too_long || (line_end == std::string_view::npos && bytes.size() > start_limit) ||
      (line_end != std::string_view::npos && line_end > start_limit)) {
    c.target = c.target.substr(0, 256);
    return reject(std::move(c), 414, "The request address is longer than " + std::to_string(limits.target_limit / 1024) + " KiB.");
  }
  if (line_end == std::string_view::npos) {
    if (bare_lf(bytes, 0)) return reject(std::move(c), 400, "A line of the request head ends in LF without CR.");
    return c;
  }
  std::size_t fields_begin = line_end + 2;
  std::size_t end = find_head_end(bytes, line_end);
  if (bare_lf(bytes.substr(0, end), 0)) return reject(std::move(c), 400, "A line of the request head ends in LF without CR.");
  std::size_t fields_size = (end == std::string_view::npos ? bytes.size() : end - 2) - fields_begin;
  // Unfinished: the blank line's CRLF may still be on its way.
  if (fields_size > limits.header_limit + (end == std::string_view::npos ? 2 : 0)) {
    return reject(std::move(c), 431, "The request header is larger than " + std::to_string(limits.header_limit / 1024) + " KiB.");
  }
  if (end == std::string_view::npos) return c;

  std::string_view version = start.substr(start.rfind(' ') + 1);
  int hosts = 0, lengths = 0, encodings = 0;
  std::string coding;  // every Transfer-Encoding value, joined
  std::string_view fields = bytes.substr(fields_begin, end - 2 - fields_begin);
  while (!fields.empty()) {
    std::size_t eol = fields.find("\r\n");
    std::string_view line = fields.substr(0, eol);
    fields = eol == std::string_view::npos ? std::string_view() : fields.substr(eol + 2);
    if (line.empty()) continue;
    if (line.front() == ' ' || line.front() == '\t') {
      return reject(std::move(c), 400, "A header line is folded onto the one before it (obsolete line folding).");
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return reject(std::move(c), 400, "A header line has no ':'.");
    std::string name = lower(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (name == "host") {
      ++hosts;
    } else if (name == "content-length") {
      ++lengths;
    } else if (name == "transfer-encoding") {
      ++encodings;
      if (!coding.empty()) coding += ',';
      coding += lower(value);
    }
  }
  if (hosts > 1) return reject(std::move(c), 400, "The request has more than one Host header.");
  if (hosts == 0 && version == "HTTP/1.1") return reject(std::move(c), 400, "An HTTP/1.1 request must have a Host header.");
  if (encodings > 0 && lengths > 0) return reject(std::move(c), 400, "The request has both Content-Length and Transfer-Encoding.");
  if (encodings > 0 && trim(coding) != "chunked") {
    return reject(std::move(c), 400, "Transfer-Encoding must be exactly 'chunked'.");
  }
  if (lengths > 1) return reject(std::move(c), 400, "The request has more than one Content-Length header.");
  c.state = HeadCheck::State::kComplete;
  c.head_size = end;
  return c;
}

}  // namespace arkiv::http
