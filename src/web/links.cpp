#include "model/fields.h"
#include "web/links.h"

#include <algorithm>
#include <regex>

#include "http/url.h"

namespace arkiv::web {

std::string document_url(const std::string& id) { return "/documents/" + http::encode_path(id); }

std::string filter_url(const std::string& field, const std::string& value) {
  return "/search?" + http::build_query({{field, value}});
}

std::string base_url(const http::Request& req) {
  static const std::regex host(R"(([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(:[0-9]{1,5})?)");
  std::string h = req.header("host");
  if (std::regex_match(h, host)) return "http://" + h;
  return "http://localhost";
}

SearchLinks::SearchLinks(const http::Params& params) {
  for (const auto& [k, v] : params) {
    bool keep = k == "q" || k == "sort" || k == "from" || k == "to" || k == "limit" || model::has_role(k, model::kFacet);
    if (keep && !v.empty()) state_.emplace_back(k, v);
  }
}

std::string SearchLinks::url(const http::Params& p) {
  if (p.empty()) return "/search";
  return "/search?" + http::build_query(p);
}

std::string SearchLinks::with_filter(const std::string& field, const std::string& value) const {
  http::Params p = state_;
  if (std::find(p.begin(), p.end(), std::make_pair(field, value)) == p.end()) p.emplace_back(field, value);
  return url(p);
}

std::string SearchLinks::without_filter(const std::string& field, const std::string& value) const {
  http::Params p = state_;
  p.erase(std::remove(p.begin(), p.end(), std::make_pair(field, value)), p.end());
  return url(p);
}

std::string SearchLinks::without(const std::string& key) const {
  http::Params p = state_;
  p.erase(std::remove_if(p.begin(), p.end(), [&](const auto& kv) { return kv.first == key; }), p.end());
  return url(p);
}

std::string SearchLinks::with(const std::string& key, const std::string& value) const {
  http::Params p = state_;
  p.erase(std::remove_if(p.begin(), p.end(), [&](const auto& kv) { return kv.first == key; }), p.end());
  if (!value.empty()) p.emplace_back(key, value);
  return url(p);
}

std::string SearchLinks::page(int n) const {
  http::Params p = state_;
  if (n > 1) p.emplace_back("page", std::to_string(n));
  return url(p);
}

}  // namespace arkiv::web
