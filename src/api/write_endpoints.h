// The write API (docs/http-api.md, "Writing"; docs/openapi.yaml): create, replace, patch,
// publish and withdraw records, and read their history, with a bearer token (or a session and
// its CSRF token). Each save is a new revision; `If-Match` with the record's ETag ("r12-...")
// makes a save fail with 412 when someone saved since. Errors: 401, 403, 404, 409 (exists),
// 412 (stale), 422 naming the field.
#pragma once

#include "archive/archive.h"
#include "auth/accounts.h"
#include "http/request.h"
#include "http/response.h"

namespace arkiv::api {

http::Response create_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
// PUT: the whole record; PATCH: a JSON merge patch (RFC 7396) of its JSON form.
http::Response replace_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
http::Response patch_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
// POST .../publish (optional body {"embargo_until": "YYYY-MM-DD"}) and .../withdraw.
http::Response publish_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
http::Response withdraw_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
// GET .../revisions: the history, newest first; ?revision=N: that revision's record.
http::Response revisions_endpoint(const http::Request& req, archive::Archive& archive);

}  // namespace arkiv::api
