// The route table's machinery: method + path pattern -> handler. Patterns are literal segments,
// "{name}" (one segment) and "{name+}" (one or more segments, for ids that contain '/').
// Routes are tried in the order added; HEAD is answered by GET routes. Unknown paths get 404,
// known paths with another method 405 (with Allow, which lists HEAD wherever GET works).
// Errors are rendered by the error renderer, so pages get HTML and /api JSON.
// Handlers get the request and a `Context&` (the app passes its reader Archive); the router
// itself never touches it. Built once, then used read-only from any thread.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace arkiv::http {

using ErrorRenderer = std::function<Response(const Request&, int status, const std::string& message)>;

namespace router_internal {
std::vector<std::string> path_segments(const std::string& path);
// Matches segments against a pattern, filling params ("{x+}" takes as few segments as let
// the rest match).
bool match(const std::vector<std::string>& pattern, const std::vector<std::string>& segs, std::map<std::string, std::string>* params);
std::string allow_header(const std::vector<std::string>& methods);
}  // namespace router_internal

template <typename Context>
class Router {
 public:
  using Handler = std::function<Response(const Request&, Context&)>;

  void add(std::string method, const std::string& pattern, Handler handler) {
    routes_.push_back({std::move(method), router_internal::path_segments(pattern), std::move(handler)});
  }
  void get(const std::string& pattern, Handler handler) { add("GET", pattern, std::move(handler)); }
  void set_error_renderer(ErrorRenderer renderer) { error_renderer_ = std::move(renderer); }

  // Fills req.path_params and calls the matching handler; 404/405 otherwise. Handlers'
  // exceptions propagate (the server turns them into a 500 and logs them).
  Response handle(Request& req, Context& context) const {
    auto segs = router_internal::path_segments(req.path);
    std::vector<std::string> allowed;
    for (const Route& r : routes_) {
      std::map<std::string, std::string> params;
      if (!router_internal::match(r.segments, segs, &params)) continue;
      // HEAD is GET without the body (the server drops it).
      if (r.method != req.method && !(req.method == "HEAD" && r.method == "GET")) {
        allowed.push_back(r.method);
        continue;
      }
      req.path_params = std::move(params);
      return r.handler(req, context);
    }
    // A path only the CORS preflight route knows is not a resource.
    if (allowed.empty() || (allowed.size() == 1 && allowed[0] == "OPTIONS")) return error(req, 404, "There is no page at this address.");
    std::string allow = router_internal::allow_header(allowed);
    Response res = error(req, 405, "method " + req.method + " is not allowed here; use " + allow);
    res.set_header("Allow", allow);
    return res;
  }
  // True when some route matches req.path (any method), filling nothing.
  bool matches(const std::string& path) const {
    auto segs = router_internal::path_segments(path);
    for (const Route& r : routes_) {
      if (router_internal::match(r.segments, segs, nullptr)) return true;
    }
    return false;
  }
  // An error response in the form the path calls for.
  Response error(const Request& req, int status, const std::string& message) const {
    if (error_renderer_) return error_renderer_(req, status, message);
    Response r = Response::text(message + "\n");
    r.status = status;
    return r;
  }

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
  ErrorRenderer error_renderer_;
};

}  // namespace arkiv::http
