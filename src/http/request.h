// An HTTP request as handlers see it: method, the decoded path and query, path parameters from
// the route pattern, lower-case headers and the body. Built by the server adapter (server.cpp),
// so handlers never see Beast types; the access gate (http/access_gate.h) fills in the caller.
// Value type; not thread-safe beyond const access.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/permissions.h"

namespace arkiv::http {

using Params = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;                            // "GET"
  std::string target;                            // as received: "/search?q=x"
  std::string path;                              // percent-decoded, valid UTF-8, no NUL
  Params query;                                  // decoded, in order; keys may repeat
  std::map<std::string, std::string> path_params;  // from the route pattern: {id} -> "wcda/1"
  Params headers;                                // names lower-case
  std::string body;
  std::string remote;                            // peer address
  std::string base_url;                          // the server's public address, "https://host" (serve --base-url)
  auth::Caller caller;                           // who asks (anonymous until the access gate says otherwise)

  // First value of header `name` (lower-case), or "".
  std::string header(std::string_view name) const;
  // First value of query parameter `name`, or "".
  std::string param(std::string_view name) const;
  std::vector<std::string> params(std::string_view name) const;
  bool has_param(std::string_view name) const;
  const std::string& path_param(const std::string& name) const;
  // Value of cookie `name` from the Cookie header(s), or "".
  std::string cookie(std::string_view name) const;
};

}  // namespace arkiv::http
