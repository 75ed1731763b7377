#include "http/router.h"

#include <algorithm>

#include "base/strings.h"

namespace arkiv::http::router_internal {

namespace {

bool is_param(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

bool match_from(const std::vector<std::string>& pattern, std::size_t pi, const std::vector<std::string>& segs, std::size_t si,
                std::map<std::string, std::string>* params) {
  if (pi == pattern.size()) return si == segs.size();
  const std::string& p = pattern[pi];
  if (!is_param(p)) {
    return si < segs.size() && segs[si] == p && match_from(pattern, pi + 1, segs, si + 1, params);
  }
  std::string name = p.substr(1, p.size() - 2);
  bool rest = !name.empty() && name.back() == '+';
  if (rest) name.pop_back();
  std::size_t max_take = rest ? segs.size() - si : std::min<std::size_t>(1, segs.size() - si);
  for (std::size_t take = 1; take <= max_take; ++take) {
    if (match_from(pattern, pi + 1, segs, si + take, params)) {
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

std::vector<std::string> path_segments(const std::string& path) {
  std::vector<std::string> out;
  for (std::string& s : split(path, '/')) {
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

bool match(const std::vector<std::string>& pattern, const std::vector<std::string>& segs, std::map<std::string, std::string>* params) {
  return match_from(pattern, 0, segs, 0, params);
}

std::string allow_header(const std::vector<std::string>& methods) {
  std::vector<std::string> out;
  for (const std::string& m : methods) {
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    // GET routes answer HEAD too.
    if (m == "GET" && std::find(methods.begin(), methods.end(), "HEAD") == methods.end() &&
        std::find(out.begin(), out.end(), "HEAD") == out.end()) {
      out.push_back("HEAD");
    }
  }
  return join(out, ", ");
}

}  // namespace arkiv::http::router_internal
