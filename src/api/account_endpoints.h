// The account part of the JSON API (docs/http-api.md): who am I (GET /api/v1/me), the audit
// log (GET /api/v1/audit, admins) and disabling a user (POST /api/v1/users/{name}/disable,
// admins with a write token or session). The access gate has already checked the caller.
// Thread-safe (auth::Accounts is).
#pragma once

#include "auth/accounts.h"
#include "http/request.h"
#include "http/response.h"

namespace arkiv::api {

http::Response me_endpoint(const http::Request& req);
// ?limit=1..1000 (default 100), newest first.
http::Response audit_endpoint(const http::Request& req, auth::Accounts& accounts);
http::Response disable_user_endpoint(const http::Request& req, auth::Accounts& accounts);

}  // namespace arkiv::api
