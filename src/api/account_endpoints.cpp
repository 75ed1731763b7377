#include "api/account_endpoints.h"

#include <charconv>

#include "api/endpoints.h"

namespace arkiv::api {

using nlohmann::json;

namespace {

const char* via_name(auth::Via via) {
  switch (via) {
    case auth::Via::kNone: return "anonymous";
    case auth::Via::kSession: return "session";
    case auth::Via::kToken: return "token";
  }
  return "?";
}

auth::Actor actor_of(const http::Request& req) { return {req.caller.user, req.remote}; }

}  // namespace

http::Response me_endpoint(const http::Request& req) {
  const auth::Caller& c = req.caller;
  json body = {{"user", c.user}, {"role", std::string(auth::role_name(c.role))}, {"via", via_name(c.via)}};
  if (c.via == auth::Via::kToken) body["scope"] = std::string(auth::scope_name(c.scope));
  http::Response r = json_response(body);
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response audit_endpoint(const http::Request& req, auth::Accounts& accounts) {
  int limit = 100;
  if (std::string l = req.param("limit"); !l.empty()) {
    auto [end, ec] = std::from_chars(l.data(), l.data() + l.size(), limit);
    if (ec != std::errc() || end != l.data() + l.size() || limit < 1 || limit > 1000) {
      return error_response(400, "limit: expected a whole number from 1 to 1000");
    }
  }
  auto entries = accounts.audit(limit);
  if (!entries) return error_response(entries.error());
  json list = json::array();
  for (const auto& e : *entries) {
    list.push_back({{"at", e.at}, {"actor", e.actor}, {"action", e.action}, {"subject", e.subject}, {"detail", e.detail}, {"remote", e.remote}});
  }
  http::Response r = json_response(json{{"entries", list}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response disable_user_endpoint(const http::Request& req, auth::Accounts& accounts) {
  const std::string& name = req.path_param("name");
  if (name == req.caller.user) return error_response(422, "name: you cannot disable your own account");
  if (Status s = accounts.set_disabled(name, true, actor_of(req)); !s) return error_response(s.error());
  http::Response r = json_response(json{{"user", name}, {"disabled", true}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace arkiv::api
