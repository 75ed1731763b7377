// An HTTP response as handlers build it, and the one mapping from error codes to HTTP status.
// `log_detail` carries what went wrong internally to the request log; it is never sent.
// Value type.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace arkiv::http {

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string log_detail;  // for the server log only

  static Response html(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  static Response text(std::string body, std::string content_type = "text/plain; charset=utf-8");
  static Response redirect(std::string location, int status = 303);
  static Response not_modified();

  void set_header(std::string name, std::string value);
  std::string header(std::string_view name) const;
};

// The one mapping from error codes to HTTP status: invalid input 400, not found 404,
// too large 413, busy 503, everything else 500.
int http_status(ErrorCode code);
// Reason phrase for the status codes arkiv sends ("Not Found").
const char* status_reason(int status);

}  // namespace arkiv::http
