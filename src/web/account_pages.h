// The staff's sign-in and sign-out: GET /login (the form; who is signed in), POST /login
// (checks the password, starts a new session, sets the HttpOnly SameSite=Strict cookie) and
// POST /logout (ends the session). Forms work without JavaScript and carry a CSRF token: the
// session's, or before sign-in a random one also set in a short-lived cookie (double submit).
// Thread-safe (auth::Accounts is).
#pragma once

#include "auth/accounts.h"
#include "http/request.h"
#include "http/response.h"

namespace arkiv::web {

inline constexpr const char* kLoginCookie = "arkiv_login";

http::Response login_page(const http::Request& req, auth::Accounts& accounts);
http::Response login_submit(const http::Request& req, auth::Accounts& accounts);
http::Response logout_submit(const http::Request& req, auth::Accounts& accounts);

// `next` if it is a path on this site ("/search?q=x"), else "/": no open redirects.
std::string local_path_or_root(const std::string& next);

}  // namespace arkiv::web
