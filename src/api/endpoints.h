// The JSON API under /api/v1 (docs/http-api.md, docs/openapi.yaml): search, documents with
// provenance, facet values, stats. Every response carries CORS headers; errors are
// {"error":{"status":400,"message":"..."}} and never show internals (5xx say only that
// something went wrong; the detail goes to the server log). Thread-safe given one Archive per thread.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "http/request.h"
#include "http/response.h"

namespace arkiv::api {

http::Response search_endpoint(const http::Request& req, archive::Archive& archive);
// Sends an ETag and answers If-None-Match with 304.
http::Response document_endpoint(const http::Request& req, archive::Archive& archive);
http::Response facet_endpoint(const http::Request& req, archive::Archive& archive);
// /api/v1/authorities/{id}: an authority record, its narrower terms, the forms records use,
// and how many records name it. /api/v1/collections: the collections; /api/v1/collections/{id}:
// a collection or series, its tree of series with counts, and the records placed in it.
http::Response authority_endpoint(const http::Request& req, archive::Archive& archive);
http::Response collections_endpoint(const http::Request& req, archive::Archive& archive);
http::Response collection_endpoint(const http::Request& req, archive::Archive& archive);
http::Response stats_endpoint(const http::Request& req, archive::Archive& archive);
// CORS preflight (If-None-Match is not a simple header).
http::Response preflight_endpoint(const http::Request& req, archive::Archive& archive);

// `body` pretty-printed, with the API's CORS headers.
http::Response json_response(const nlohmann::json& body, int status = 200);
http::Response error_response(int status, const std::string& message);
// Status from the error's code; 5xx replace the message with a generic one.
http::Response error_response(const Error& error);

}  // namespace arkiv::api
