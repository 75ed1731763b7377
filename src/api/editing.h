// Saving records from the reading room's forms and the write API: who may save what (the
// rules below, on top of the permission table in auth/permissions.h), the save itself as a
// new revision through the archive's writer, and the audit of lifecycle changes.
//
// Rules (docs/access.md, "Editing"):
// - a new record needs create-draft; without publish it is saved as a draft (or in review);
// - an existing record needs edit-any, or edit-own-draft for a draft or record in review that
//   the caller created, which stays a draft or in review;
// - changing the publication state (publish, withdraw) or the embargo needs publish.
// Thread-safe given one Archive per thread (the writer is opened per save).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "archive/archive.h"
#include "auth/accounts.h"
#include "http/request.h"

namespace arkiv::api {

struct Refusal {
  int status = 403;
  std::string message;
};

// Why the caller may not save `doc` over `stored` (nullptr: a new record owned by nobody yet);
// nullopt when they may. Sets a new record's state to draft when the caller may not publish.
std::optional<Refusal> edit_refusal(const auth::Caller& caller, const model::Document* stored, const std::string& owner,
                                    model::Document& doc);

// Saves `doc` as a new revision through the archive's writer (waiting up to 10 s for another
// writer), and audits a change of publication state or embargo against `stored`. Errors:
// kInvalidInput naming the field, kConflict when `expected_revision` is stale, kBusy.
Result<archive::SaveOutcome> save_record(const http::Request& req, const std::string& data_dir, auth::Accounts& accounts,
                                         model::Document doc, const model::Document* stored, std::int64_t expected_revision,
                                         const std::string& message);

// A record's ETag carries its revision: "r12-<hash>" (the hash tells apart bodies of the same
// revision shown to different audiences). Parses the revision out of an If-Match value.
std::string revision_etag(std::int64_t revision, std::string_view body);
std::optional<std::int64_t> if_match_revision(std::string_view if_match);

}  // namespace arkiv::api
