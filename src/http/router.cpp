#include "http/router.h"

#include <algorithm>

#include "base/strings.h"

namespace arkiv::http {

namespace {

std::vector<std::string> path_segments(const std::string& path) {
  std::vector<std::string> out;
  for (std::string& s : split(path, '/')) {
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

bool is_param(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

// Matches segments[si..] against pattern[pi..]; "{x+}" takes as few segments as let the rest match.
bool match(const std::vector<std::string>& pattern, std::size_t pi, const std::vector<std::string>& segs,
           std::size_t si, std::map<std::string, std::string>* params) {
  if (pi == pattern.size()) return si == segs.size();
  const std::string& p = pattern[pi];
  if (!is_param(p)) {
    return si < segs.size() && segs[si] == p && match(pattern, pi + 1, segs, si + 1, params);
  }
  std::string name = p.substr(1, p.size() - 2);
  bool rest = !name.empty() && name.back() == '+';
  if (rest) name.pop_back();
  std::size_t max_take = rest ? segs.size() - si : std::min<std::size_t>(1, segs.size() - si);
  for (std::size_t take = 1; take <= max_take; ++take) {
    if (match(pattern, pi + 1, segs, si + take, params)) {
      if (params) {
        std::string value;
        for (std::size_t k = si; k < si + take; ++k) value += (k == si ? "" : "/") + segs[k];
        (*params)[name] = value;
      }
      return true;
    }
  }
  return false;
}

}  // namespace

void Router::add(std::string method, const std::string& pattern, Handler handler) {
  routes_.push_back({std::move(method), path_segments(pattern), std::move(handler)});
}

bool Router::matches(const std::string& path) const {
  auto segs = path_segments(path);
  for (const Route& r : routes_) {
    if (match(r.segments, 0, segs, 0, nullptr)) return true;
  }
  return false;
}

Response Router::handle(Request& req, archive::Archive& archive) const {
  auto segs = path_segments(req.path);
  std::vector<std::string> allowed;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!match(r.segments, 0, segs, 0, &params)) continue;
    // HEAD is GET without the body (the server drops it).
    if (r.method != req.method && !(req.method == "HEAD" && r.method == "GET")) {
      allowed.push_back(r.method);
      continue;
    }
    req.path_params = std::move(params);
    return r.handler(req, archive);
  }
  // A path only the CORS preflight route knows is not a resource.
  if (allowed.empty() || (allowed.size() == 1 && allowed[0] == "OPTIONS")) return error(req, 404, "There is no page at this address.");
  // Every GET route answers HEAD too, so Allow says so.
  auto get = std::find(allowed.begin(), allowed.end(), "GET");
  if (get != allowed.end() && std::find(allowed.begin(), allowed.end(), "HEAD") == allowed.end()) allowed.insert(get + 1, "HEAD");
  Response res = error(req, 405, "method " + req.method + " is not allowed here; use " + join(allowed, ", "));
  res.set_header("Allow", join(allowed, ", "));
  return res;
}

Response Router::error(const Request& req, int status, const std::string& message) const {
  if (error_renderer_) return error_renderer_(req, status, message);
  Response r = Response::text(message + "\n");
  r.status = status;
  return r;
}

}  // namespace arkiv::http
