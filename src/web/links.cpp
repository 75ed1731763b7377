#include "model/fields.h"
#include "web/links.h"

#include <algorithm>

#include "http/url.h"

namespace arkiv::web {

std::string document_url(const std::string& id) { return "/documents/" + http::encode_path(id); }

std::string authority_url(const std::string& id) { return "/authorities/" + http::encode_path(id); }
std::string unit_url(const std::string& id) { return "/collections/" + http::encode_path(id); }

std::string filter_url(const std::string& field, const std::string& value) {
  return "/search?" + http::build_query({{field, value}});
}

std::string base_url(const http::Request& req) {
  // The server's configured address (serve --base-url), never the request's Host header.
  return req.base_url.empty() ? "http://localhost" : req.base_url;
}

SearchLinks::SearchLinks(const http::Params& params) {
  for (const auto& [k, v] : params) {
    bool keep = k == "q" || k == "sort" || k == "from" || k == "to" || k == "limit" || k == "date_mode" || k == "undated" ||
                k == "exact" || k == "variants" || model::has_role(k, model::kFacet);
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
