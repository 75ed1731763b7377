// The access gate: before any route's handler runs, it works out who the caller is (an
// `Authorization: Bearer` API token, else the `arkiv_session` cookie, else anonymous), checks
// the CSRF token of every unsafe request made with a session cookie, and asks auth::check()
// whether the caller may do the route's action. Refusals: 401 (sign in first, or a bad token),
// 403 (role, token scope or CSRF), 503 (accounts unreadable). Thread-safe (auth::Accounts is).
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "auth/accounts.h"
#include "http/router.h"

namespace arkiv::http {

inline constexpr const char* kSessionCookie = "arkiv_session";
// The form field (or X-CSRF-Token header) carrying the session's CSRF token.
inline constexpr const char* kCsrfField = "csrf";

// The gate of the app's router (http::Router<Context, auth::Action>::Gate): fills req.caller;
// returns the refusal (401, 403...) when the caller may not do `action`.
using Gate = std::function<std::optional<Response>(Request& req, const auth::Action& action)>;

// `error` renders refusals in the form the path calls for (HTML or JSON).
Gate make_access_gate(std::shared_ptr<auth::Accounts> accounts, ErrorRenderer error);

// The Set-Cookie value for a session token (`Secure` when the base URL is https); an empty
// token clears the cookie.
std::string session_cookie(const std::string& token, const std::string& base_url, std::int64_t max_age_seconds);
// True when the request's form body or X-CSRF-Token header carries `expected`.
bool carries_csrf(const Request& req, const std::string& expected);
// The form fields of an application/x-www-form-urlencoded body, or the fields other than files
// of a multipart/form-data one (empty for other bodies).
Params form_fields(const Request& req);
// True when the request's caller (filled in by the gate) may do `action`: pages and the API
// use it to choose what to show (readers never see unpublished records).
bool may(const Request& req, auth::Action action);

}  // namespace arkiv::http
