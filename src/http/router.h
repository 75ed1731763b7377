// The route table's machinery: method + path pattern -> handler. Patterns are literal segments,
// "{name}" (one segment) and "{name+}" (one or more segments, for ids that contain '/').
// Each route names the auth::Action it performs; before its handler runs, the gate (if set)
// decides who the caller is and whether they may (http/access_gate.h).
// Routes are tried in the order added; HEAD is answered by GET routes. Unknown paths get 404, known paths with another method
// 405 (with Allow). Errors are rendered by the error renderer, so pages get HTML and /api JSON.
// Built once, then used read-only from any thread.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <optional>

#include "archive/archive.h"
#include "auth/permissions.h"
#include "http/request.h"
#include "http/response.h"

namespace arkiv::http {

using Handler = std::function<Response(const Request&, archive::Archive&)>;
using ErrorRenderer = std::function<Response(const Request&, int status, const std::string& message)>;
// Fills req.caller; returns the refusal (401, 403...) when the caller may not do `action`.
using Gate = std::function<std::optional<Response>(Request& req, auth::Action action)>;

class Router {
 public:
  void add(std::string method, const std::string& pattern, Handler handler, auth::Action action = auth::Action::kReadPublished);
  void get(const std::string& pattern, Handler handler, auth::Action action = auth::Action::kReadPublished) {
    add("GET", pattern, std::move(handler), action);
  }
  void post(const std::string& pattern, Handler handler, auth::Action action) { add("POST", pattern, std::move(handler), action); }
  void set_gate(Gate gate) { gate_ = std::move(gate); }

  // The table as data, in order (tests walk every route with every kind of caller).
  struct RouteInfo {
    std::string method;
    std::string pattern;  // "/documents/{id+}"
    auth::Action action;
  };
  std::vector<RouteInfo> route_list() const;
  void set_error_renderer(ErrorRenderer renderer) { error_renderer_ = std::move(renderer); }

  // Fills req.path_params and calls the matching handler; 404/405 otherwise. Handlers'
  // exceptions propagate (the server turns them into a 500 and logs them).
  Response handle(Request& req, archive::Archive& archive) const;
  // True when some route matches req.path (any method), filling nothing.
  bool matches(const std::string& path) const;
  // An error response in the form the path calls for.
  Response error(const Request& req, int status, const std::string& message) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
    auth::Action action;
  };
  std::vector<Route> routes_;
  ErrorRenderer error_renderer_;
  Gate gate_;
};

}  // namespace arkiv::http
