#include "api/write_endpoints.h"

#include <functional>
#include <variant>

#include <nlohmann/json.hpp>

#include "api/editing.h"
#include "api/endpoints.h"
#include "api/json_views.h"
#include "http/url.h"
#include "model/lifecycle.h"
#include "model/record_json.h"

namespace arkiv::api {

namespace {

using nlohmann::json;

constexpr int kUnprocessable = 422;

http::Response unprocessable(const Error& e) {
  if (e.code() == ErrorCode::kInvalidInput || e.code() == ErrorCode::kTooLarge) return error_response(kUnprocessable, e.message());
  return error_response(e);
}

Result<json> body_json(const http::Request& req) {
  auto j = json::parse(req.body, nullptr, false);
  if (j.is_discarded()) return Error::invalid("the body is not valid JSON");
  if (!j.is_object()) return Error::invalid("the body must be a JSON object (a record)");
  return j;
}

// The stored record with its revision and owner, or the answer to give instead.
struct Stored {
  model::Document doc;
  std::int64_t revision = 0;
  std::string owner;
};

std::variant<Stored, http::Response> load(archive::Archive& archive, const std::string& id) {
  auto doc = archive.document(id, archive::Audience::kStaff);
  if (!doc) {
    if (doc.error().code() == ErrorCode::kNotFound) return error_response(404, "no document with id '" + id + "'");
    return error_response(doc.error());
  }
  auto rev = archive.current_revision(id);
  if (!rev) return error_response(rev.error());
  auto owner = archive.owner(id);
  if (!owner) return error_response(owner.error());
  return Stored{std::move(doc).value(), *rev, std::move(owner).value()};
}

// If-Match: the revision the client read, or -1 without one. A malformed value is a 412.
std::variant<std::int64_t, http::Response> expected_revision(const http::Request& req, std::int64_t current) {
  std::string v = req.header("if-match");
  if (v.empty()) return std::int64_t{-1};
  if (v == "*") return current;
  auto rev = if_match_revision(v);
  if (!rev) return error_response(412, "If-Match: expected the record's ETag, like \"r3-...\"");
  if (*rev != current) {
    return error_response(412, "If-Match: the record is at revision " + std::to_string(current) + ", not " + std::to_string(*rev) +
                                   "; someone saved it since you read it. Read it again and reapply your change.");
  }
  return *rev;
}

// The answer to a saved record: its JSON (staff form) with its ETag.
http::Response saved_response(archive::Archive& archive, const std::string& id, const archive::SaveOutcome& out, int status) {
  archive.refresh();
  json body = {{"id", id}, {"revision", out.revision},
               {"outcome", out.outcome == model::PutOutcome::kCreated   ? "created"
                           : out.outcome == model::PutOutcome::kUpdated ? "updated"
                                                                        : "unchanged"}};
  http::Response r = json_response(body, status);
  r.set_header("ETag", revision_etag(out.revision, ""));
  r.set_header("Location", "/api/v1/documents/" + http::encode_path(id));
  return r;
}

http::Response save(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts, model::Document doc,
                    const Stored* stored, std::int64_t expected, const std::string& message, int status) {
  if (auto refusal = edit_refusal(req.caller, stored ? &stored->doc : nullptr, stored ? stored->owner : "", doc)) {
    return error_response(refusal->status, refusal->message);
  }
  const std::string id = doc.id;
  auto saved = save_record(req, archive.data_dir(), accounts, std::move(doc), stored ? &stored->doc : nullptr, expected, message);
  if (!saved) {
    if (saved.error().code() == ErrorCode::kConflict) return error_response(stored ? 412 : 409, saved.error().message());
    return unprocessable(saved.error());
  }
  return saved_response(archive, id, *saved, status);
}

std::string message_param(const http::Request& req, const std::string& fallback) {
  std::string m = req.header("x-arkiv-message");
  if (m.empty()) m = req.param("message");
  return m.empty() ? fallback : m.substr(0, 1000);
}

}  // namespace

http::Response create_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts) {
  auto j = body_json(req);
  if (!j) return error_response(400, j.error().message());
  auto doc = model::from_json(*j);
  if (!doc) return unprocessable(doc.error());
  if (archive.document(doc->id, archive::Audience::kStaff)) {
    return error_response(409, "a document with id '" + doc->id + "' exists; use PUT or PATCH on it");
  }
  return save(req, archive, accounts, std::move(doc).value(), nullptr, 0, message_param(req, "created"), 201);
}

namespace {

// A save of a stored record: loads it, checks If-Match, lets `change` make the new record from
// the stored one (or give the answer instead), and saves it.
using Change = std::function<std::variant<model::Document, http::Response>(const Stored&)>;

http::Response change_stored(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts, const std::string& message,
                             const Change& change) {
  const std::string& id = req.path_param("id");
  auto loaded = load(archive, id);
  if (auto* r = std::get_if<http::Response>(&loaded)) return std::move(*r);
  Stored& stored = std::get<Stored>(loaded);
  auto expected = expected_revision(req, stored.revision);
  if (auto* r = std::get_if<http::Response>(&expected)) return std::move(*r);
  auto made = change(stored);
  if (auto* r = std::get_if<http::Response>(&made)) return std::move(*r);
  model::Document& doc = std::get<model::Document>(made);
  if (doc.id != id) return error_response(kUnprocessable, "id: '" + doc.id + "' differs from the address's '" + id + "'");
  return save(req, archive, accounts, std::move(doc), &stored, std::get<std::int64_t>(expected), message_param(req, message), 200);
}

// The record from a JSON form, or the answer to a bad one.
std::variant<model::Document, http::Response> record_from(const json& j) {
  auto doc = model::from_json(j);
  if (!doc) return unprocessable(doc.error());
  return std::move(doc).value();
}

http::Response set_state(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts, model::Publication p) {
  return change_stored(req, archive, accounts, std::string(model::publication_name(p)),
                       [&](const Stored& stored) -> std::variant<model::Document, http::Response> {
                         model::Document doc = stored.doc;
                         model::set_publication(doc, p);
                         if (p != model::Publication::kPublished || req.body.empty()) return doc;
                         auto j = body_json(req);
                         if (!j) return error_response(400, j.error().message());
                         auto e = j->find("embargo_until");
                         if (e == j->end()) return doc;
                         if (!e->is_string()) return error_response(kUnprocessable, "embargo_until: expected a day as YYYY-MM-DD, or \"\" to lift it");
                         doc.embargo_until = e->get<std::string>();
                         return doc;
                       });
}

}  // namespace

http::Response replace_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts) {
  return change_stored(req, archive, accounts, "replaced", [&](const Stored&) -> std::variant<model::Document, http::Response> {
    auto j = body_json(req);
    if (!j) return error_response(400, j.error().message());
    if (!j->contains("id")) (*j)["id"] = req.path_param("id");
    return record_from(*j);
  });
}

http::Response patch_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts) {
  return change_stored(req, archive, accounts, "patched", [&](const Stored& stored) -> std::variant<model::Document, http::Response> {
    auto patch = body_json(req);
    if (!patch) return error_response(400, patch.error().message());
    json j = model::to_json(stored.doc);
    j.merge_patch(*patch);
    return record_from(j);
  });
}

http::Response publish_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts) {
  return set_state(req, archive, accounts, model::Publication::kPublished);
}

http::Response withdraw_document_endpoint(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts) {
  return set_state(req, archive, accounts, model::Publication::kWithdrawn);
}

http::Response revisions_endpoint(const http::Request& req, archive::Archive& archive) {
  const std::string& id = req.path_param("id");
  if (req.has_param("revision")) {
    std::string v = req.param("revision");
    std::int64_t n = 0;
    for (char c : v) {
      if (c < '0' || c > '9' || v.size() > 12) return error_response(400, "parameter 'revision': expected a revision number");
      n = n * 10 + (c - '0');
    }
    auto doc = archive.revision(id, n);
    if (!doc) return error_response(doc.error());
    return json_response(record_json(*doc, nullptr, true));
  }
  auto history = archive.history(id);
  if (!history) return error_response(history.error());
  if (history->empty()) return error_response(404, "no document with id '" + id + "'");
  json list = json::array();
  for (const auto& r : *history) {
    list.push_back({{"revision", r.revision}, {"saved_at", r.saved_at}, {"saved_by", r.saved_by}, {"message", r.message}});
  }
  return json_response({{"id", id}, {"revisions", list}});
}

}  // namespace arkiv::api
