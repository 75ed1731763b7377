#include "http/access_gate.h"

#include "http/multipart.h"

#include "base/secrets.h"
#include "http/url.h"

namespace arkiv::http {

namespace {

bool is_safe(const std::string& method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

Response refuse(const ErrorRenderer& error, const Request& req, int status, const std::string& message) {
  Response r = error(req, status, message);
  if (status == 401) r.set_header("WWW-Authenticate", "Bearer realm=\"arkiv\"");
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

Params form_fields(const Request& req) {
  std::string type = req.header("content-type");
  if (is_multipart(type)) {
    // The fields of a form with a file input (the file parts are the handler's).
    Params out;
    if (auto parts = parse_multipart(type, req.body)) {
      for (auto& p : *parts) {
        if (p.filename.empty()) out.emplace_back(std::move(p.name), std::move(p.body));
      }
    }
    return out;
  }
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0) return {};
  auto fields = parse_form(req.body);
  return fields ? std::move(fields).value() : Params{};
}

bool carries_csrf(const Request& req, const std::string& expected) {
  if (expected.empty()) return false;
  std::string header = req.header("x-csrf-token");
  if (!header.empty()) return equal_constant_time(header, expected);
  for (const auto& [k, v] : form_fields(req)) {
    if (k == kCsrfField) return equal_constant_time(v, expected);
  }
  return false;
}

std::string session_cookie(const std::string& token, const std::string& base_url, std::int64_t max_age_seconds) {
  std::string c = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  c += "; Max-Age=" + std::to_string(token.empty() ? 0 : max_age_seconds);
  if (base_url.rfind("https://", 0) == 0) c += "; Secure";
  return c;
}

Gate make_access_gate(std::shared_ptr<auth::Accounts> accounts, ErrorRenderer error) {
  return [accounts = std::move(accounts), error = std::move(error)](Request& req, const auth::Action& action) -> std::optional<Response> {
    req.caller = auth::Caller{};
    std::string authorization = req.header("authorization");
    if (!authorization.empty()) {
      // Explicit credentials that do not work are an error, not a quiet fall back to anonymous.
      if (authorization.rfind("Bearer ", 0) != 0) {
        return refuse(error, req, 401, "The Authorization header must be \"Bearer <token>\".");
      }
      auto caller = accounts->bearer(authorization.substr(7));
      if (!caller) {
        Response r = refuse(error, req, 503, "The archive is not available right now. Please try again later.");
        r.log_detail = caller.error().message();
        return r;
      }
      if (!*caller) return refuse(error, req, 401, "This API token is not valid (unknown, revoked, or its user is disabled).");
      req.caller = std::move(**caller);
    } else if (std::string token = req.cookie(kSessionCookie); !token.empty()) {
      auto caller = accounts->session(token);
      if (!caller) {
        Response r = refuse(error, req, 503, "The archive is not available right now. Please try again later.");
        r.log_detail = caller.error().message();
        return r;
      }
      // An expired or ended session reads as anonymous; pages that need more say "sign in".
      if (*caller) req.caller = std::move(**caller);
    }
    if (req.caller.via == auth::Via::kSession && !is_safe(req.method) && !carries_csrf(req, req.caller.csrf)) {
      return refuse(error, req, 403, "This form has expired or did not come from this site. Reload the page and try again.");
    }
    switch (auth::check(req.caller, action)) {
      case auth::Decision::kAllow: return std::nullopt;
      case auth::Decision::kSignInFirst: return refuse(error, req, 401, "Please sign in first.");
      case auth::Decision::kForbidden:
        return refuse(error, req, 403, req.caller.via == auth::Via::kToken && req.caller.scope == auth::Scope::kRead && auth::writes(action)
                                           ? "This API token is read-only."
                                           : "Your account may not do this.");
    }
    return std::nullopt;
  };
}

bool may(const Request& req, auth::Action action) { return auth::check(req.caller, action) == auth::Decision::kAllow; }

}  // namespace arkiv::http
