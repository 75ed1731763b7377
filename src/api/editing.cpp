#include "api/editing.h"

#include <chrono>

#include "base/digest.h"
#include "model/lifecycle.h"

namespace arkiv::api {

namespace {

using auth::Action;
using model::Publication;

bool allowed(const auth::Caller& caller, Action action) { return auth::check(caller, action) == auth::Decision::kAllow; }

bool unpublished(Publication p) { return p == Publication::kDraft || p == Publication::kReview; }

}  // namespace

std::optional<Refusal> edit_refusal(const auth::Caller& caller, const model::Document* stored, const std::string& owner,
                                    model::Document& doc) {
  const bool publisher = allowed(caller, Action::kPublish);
  if (!stored) {
    if (!allowed(caller, Action::kCreateDraft)) return Refusal{403, "Your role may not create records."};
    if (!publisher) {
      if (doc.publication.empty()) model::set_publication(doc, Publication::kDraft);
      if (!unpublished(model::publication_of(doc))) return Refusal{403, "Only editors may publish or withdraw records."};
      if (!doc.embargo_until.empty()) return Refusal{403, "Only editors may set embargoes."};
    }
    return std::nullopt;
  }
  const bool state_changed = model::publication_of(*stored) != model::publication_of(doc);
  const bool embargo_changed = stored->embargo_until != doc.embargo_until;
  if (!allowed(caller, Action::kEditAny)) {
    bool own = allowed(caller, Action::kEditOwnDraft) && !owner.empty() && owner == caller.user &&
               unpublished(model::publication_of(*stored));
    if (!own) return Refusal{403, "You may edit only your own drafts."};
  }
  if (!publisher && (embargo_changed || (state_changed && !unpublished(model::publication_of(doc))))) {
    return Refusal{403, "Only editors may publish, withdraw or embargo records."};
  }
  return std::nullopt;
}

Result<archive::SaveOutcome> save_record(const http::Request& req, const std::string& data_dir, auth::Accounts& accounts,
                                         model::Document doc, const model::Document* stored, std::int64_t expected_revision,
                                         const std::string& message) {
  auto writer = archive::Archive::open(data_dir, archive::Archive::Mode::kWrite, std::chrono::seconds(10));
  if (!writer) return writer.error();
  const std::string id = doc.id;
  const model::Publication before = stored ? model::publication_of(*stored) : model::Publication::kDraft;
  const std::string embargo_before = stored ? stored->embargo_until : "";
  const model::Publication after = model::publication_of(doc);
  const std::string embargo_after = doc.embargo_until;
  auto saved = (*writer)->save(std::move(doc), {req.caller.user, message, expected_revision});
  if (!saved) return saved.error();
  auth::Actor actor{req.caller.user, req.remote};
  // The audit log is kept beside the records; a failure to write it does not undo the save.
  if (stored ? before != after : after != model::Publication::kDraft) {
    std::string action = after == model::Publication::kPublished   ? "publish"
                         : after == model::Publication::kWithdrawn ? "withdraw"
                                                                    : "state";
    (void)accounts.audit_action(actor, action, id,
                                std::string(model::publication_name(before)) + " -> " + std::string(model::publication_name(after)));
  }
  if (embargo_before != embargo_after) {
    (void)accounts.audit_action(actor, "embargo", id, embargo_after.empty() ? "lifted" : "until " + embargo_after);
  }
  return saved;
}

std::string revision_etag(std::int64_t revision, std::string_view body) {
  return "\"r" + std::to_string(revision) + "-" + sha256_hex(body).substr(0, 16) + "\"";
}

std::optional<std::int64_t> if_match_revision(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  if (v.rfind("W/", 0) == 0) v.remove_prefix(2);
  if (v.size() < 3 || v.front() != '"' || v[1] != 'r') return std::nullopt;
  std::int64_t n = 0;
  std::size_t i = 2;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9' && i < 20; ++i) n = n * 10 + (v[i] - '0');
  if (i == 2 || i >= v.size() || (v[i] != '-' && v[i] != '"')) return std::nullopt;
  return n;
}

}  // namespace arkiv::api
