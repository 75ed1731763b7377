#include "web/edit_pages.h"

#include <cctype>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "api/editing.h"
#include "api/search_params.h"
#include "base/strings.h"
#include "base/temp_dir.h"
#include "http/access_gate.h"
#include "http/multipart.h"
#include "model/fields.h"
#include "model/lifecycle.h"
#include "model/record_json.h"
#include "web/internal/record_form.h"
#include "web/internal/views.h"
#include "web/links.h"
#include "web/page.h"
#include "web/pages.h"

namespace arkiv::web {

namespace {

using nlohmann::json;

// What the edit page shows: the values (as stored, or as typed), an error beside its field,
// and after a conflicting save the differences between the saved record and the one typed.
struct EditForm {
  std::string id;  // "" for a new record
  FormValues values;
  std::string error, error_field;
  std::int64_t revision = 0;  // the revision the values were read at (optimistic locking)
  std::vector<FieldChange> conflict;
  std::string conflict_note;
  int status = 200;
};

std::string field_id(const std::string& name) {
  std::string id = "f-";
  for (char c : name) id += c == '.' ? '-' : c;
  return id;
}

std::string value_of(const FormValues& v, const std::string& name) {
  auto it = v.find(name);
  return it == v.end() ? "" : it->second;
}

enum class Control { kText, kTextarea, kDate, kNumber, kSelect, kCheckbox };

mstch::map control(const EditForm& f, const std::string& name, const std::string& label, Control kind,
                   const std::vector<std::pair<std::string, std::string>>& options = {}, const std::string& hint = "", int rows = 3) {
  mstch::map m{{"id", field_id(name)}, {"name", name}, {"label", label}, {"value", value_of(f.values, name)}};
  if (f.error_field == name) m["error"] = f.error;
  if (!hint.empty()) m["hint"] = hint;
  switch (kind) {
    case Control::kText: m["input"] = true; m["type"] = std::string("text"); break;
    case Control::kDate: m["input"] = true; m["type"] = std::string("date"); break;
    case Control::kNumber: m["input"] = true; m["type"] = std::string("number"); break;
    case Control::kTextarea: m["textarea"] = true; m["rows"] = std::to_string(rows); break;
    case Control::kCheckbox: m["checkbox"] = true; m["checked"] = !value_of(f.values, name).empty(); break;
    case Control::kSelect: {
      mstch::array opts;
      const std::string current = value_of(f.values, name);
      for (const auto& [value, text] : options) opts.push_back(mstch::map{{"value", value}, {"text", text}, {"selected", value == current}});
      m["select"] = true;
      m["options"] = opts;
      break;
    }
  }
  return m;
}

std::vector<std::pair<std::string, std::string>> same(std::initializer_list<const char*> values) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* v : values) out.emplace_back(v, v);
  return out;
}

Page edit_view(const http::Request& req, const EditForm& f) {
  const bool is_new = f.id.empty();
  const std::string title = is_new ? "New record" : "Edit: " + value_of(f.values, "title");
  mstch::map ctx = page_context(title, "");
  ctx["heading"] = title;
  ctx["is_new"] = is_new;
  ctx["action"] = is_new ? std::string("/new") : document_url(f.id) + "/edit";
  ctx["cancel"] = is_new ? std::string("/") : document_url(f.id);
  ctx["csrf"] = req.caller.csrf;
  ctx["revision"] = std::to_string(f.revision);
  if (!f.error.empty()) {
    ctx["error"] = f.error;
    if (!f.error_field.empty()) ctx["error_href"] = "#" + field_id(f.error_field);
  }
  if (!f.conflict_note.empty()) {
    ctx["conflict_note"] = f.conflict_note;
    mstch::array changes;
    for (const FieldChange& c : f.conflict) changes.push_back(mstch::map{{"field", c.field}, {"before", c.before}, {"after", c.after}});
    ctx["conflict"] = changes;
  }
  // The description, from the registry: every simple field and list, in its order.
  mstch::array description;
  for (const model::Field& field : model::fields()) {
    if (!field.is(model::kJson) || field.is(model::kStaff) || (!field.text && !field.list)) continue;
    const std::string name(field.json_key);
    if (name == "id" && !is_new) continue;
    if (field.list) {
      description.push_back(control(f, name, std::string(field.plural), Control::kTextarea, {}, "one per line", 3));
    } else if (name == "summary") {
      description.push_back(control(f, name, std::string(field.label), Control::kTextarea, {}, "", 5));
    } else {
      description.push_back(control(f, name, std::string(field.label), Control::kText, {},
                                    name == "id" ? "for example wcda/114408; it cannot be changed later" : ""));
    }
  }
  ctx["description"] = description;
  ctx["date_fields"] = mstch::array{
      control(f, "date.display", "Date as written", Control::kText, {}, "as the source gives it; read again when only this changes"),
      control(f, "date.earliest", "Earliest day", Control::kText, {}, "YYYY-MM-DD"),
      control(f, "date.latest", "Latest day", Control::kText, {}, "YYYY-MM-DD"),
      control(f, "date.time", "Time", Control::kText, {}, "HH:MM, for precision time"),
      control(f, "date.precision", "Precision", Control::kSelect,
              same({"time", "day", "month", "season", "year", "decade", "century", "range", "unknown"}))};
  mstch::array citation;
  for (const model::CitationPart& p : model::citation_parts()) {
    const std::string key = p.key;
    citation.push_back(control(f, "citation." + key, p.label, key == "text" ? Control::kTextarea : Control::kText, {}, "", 2));
  }
  ctx["citation_fields"] = citation;
  auto kinds = same({"original", "transcript", "translation"});
  auto content_fields = [&](const std::string& p, bool existing) {
    mstch::array fields{control(f, p + "kind", "Kind", Control::kSelect, kinds), control(f, p + "language", "Language", Control::kText, {}, "ISO 639 code, e.g. sq"),
                        control(f, p + "translator", "Translator", Control::kText), control(f, p + "title", "Heading", Control::kText),
                        control(f, p + "label", "The source's name for it", Control::kText), control(f, p + "text", "Text", Control::kTextarea, {}, "paragraphs separated by a blank line", 14)};
    if (existing) fields.push_back(control(f, p + "remove", "Remove this version", Control::kCheckbox));
    return fields;
  };
  std::size_t count = 0;
  try {
    count = std::min<std::size_t>(std::stoul(value_of(f.values, "contents.count").empty() ? "0" : value_of(f.values, "contents.count")), 1000);
  } catch (...) {
    count = 0;
  }
  mstch::array versions;
  std::vector<std::pair<std::string, std::string>> version_choices;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string p = "contents." + std::to_string(i) + ".";
    versions.push_back(mstch::map{{"number", std::to_string(i + 1)}, {"fields", content_fields(p, true)}});
    version_choices.emplace_back(std::to_string(i), "Version " + std::to_string(i + 1) + " (" + value_of(f.values, p + "language") + ")");
  }
  ctx["contents_count"] = std::to_string(count);
  ctx["versions"] = versions;
  ctx["new_version"] = content_fields("contents.new.", false);
  std::size_t gap_count = 0;
  try {
    gap_count = std::min<std::size_t>(std::stoul(value_of(f.values, "gaps.count").empty() ? "0" : value_of(f.values, "gaps.count")), 1000);
  } catch (...) {
    gap_count = 0;
  }
  mstch::array gaps;
  for (std::size_t i = 0; i < gap_count; ++i) {
    const std::string p = "gaps." + std::to_string(i) + ".";
    std::size_t content = 0;
    try {
      content = std::stoul(value_of(f.values, p + "content"));
    } catch (...) {
    }
    gaps.push_back(mstch::map{{"prefix", p},
                              {"content", value_of(f.values, p + "content")},
                              {"offset", value_of(f.values, p + "offset")},
                              {"text", value_of(f.values, p + "text")},
                              {"kind", value_of(f.values, p + "kind")},
                              {"version", std::to_string(content + 1)},
                              {"remove", control(f, p + "remove", "Unmark this gap", Control::kCheckbox)}});
  }
  ctx["gaps_count"] = std::to_string(gap_count);
  ctx["gaps"] = gaps;
  ctx["new_gap"] = mstch::array{control(f, "gaps.new.content", "In version", Control::kSelect, version_choices),
                                control(f, "gaps.new.text", "Passage to mark as a gap", Control::kText, {}, "exactly as it stands in the text"),
                                control(f, "gaps.new.kind", "Kind of gap", Control::kSelect,
                                        {{"", "as its marker says"}, {"omission", "omission"}, {"garbled", "garbled"}, {"illegible", "illegible"}, {"editorial", "editorial"}})};
  const bool publisher = http::may(req, auth::Action::kPublish);
  std::vector<std::pair<std::string, std::string>> states = {{"draft", "Draft"}, {"review", "In review"}};
  if (publisher) states.insert(states.end(), {{"published", "Published"}, {"withdrawn", "Withdrawn"}});
  mstch::array publication{control(f, "publication", "Publication", Control::kSelect, states)};
  if (publisher) publication.push_back(control(f, "embargo_until", "Hidden from readers until", Control::kDate, {}, "empty: no embargo"));
  publication.push_back(control(f, "staff_notes", "Staff notes (never shown to readers)", Control::kTextarea, {}, "", 3));
  ctx["publication_fields"] = publication;
  ctx["advanced"] = control(f, "advanced", "Parts, fields not read and notes (JSON)", Control::kTextarea, {},
                            "attachments and enclosures; what the source gave that arkiv could not read; each version's notes, in version order", 6);
  ctx["message"] = control(f, "message", "What you changed", Control::kText, {}, "kept with this revision");
  return make_page("edit", std::move(ctx), f.status);
}

struct Loaded {
  model::Document doc;
  std::int64_t revision = 0;
  std::string owner;
};

Result<Loaded> load(archive::Archive& archive, const std::string& id) {
  auto doc = archive.document(id, archive::Audience::kStaff);
  if (!doc) return doc.error();
  auto rev = archive.current_revision(id);
  if (!rev) return rev.error();
  auto owner = archive.owner(id);
  if (!owner) return owner.error();
  return Loaded{std::move(doc).value(), *rev, std::move(owner).value()};
}

http::Response no_store(http::Response r) {
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response error_for(const http::Request& req, const Error& e, const std::string& id) {
  if (e.code() == ErrorCode::kNotFound) return error_page(req, 404, "There is no document with the id \u201c" + id + "\u201d.");
  return error_page(req, e);
}

std::int64_t revision_field(const FormValues& v) {
  auto it = v.find("revision");
  if (it == v.end() || it->second.empty() || it->second.size() > 15 || it->second.find_first_not_of("0123456789") != std::string::npos) return -2;
  return std::stoll(it->second);
}

// Saves the form over `stored` (nullptr: new): the record page on success; the form again with
// the error beside its field, or with both versions after a conflicting save.
http::Response save_form(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts, const std::string& id,
                         const Loaded* stored) {
  EditForm f;
  f.id = id;
  f.values = form_values(http::form_fields(req));
  f.revision = stored ? stored->revision : 0;
  std::int64_t expected = revision_field(f.values);
  f.values.erase("revision");
  std::string message = value_of(f.values, "message").substr(0, 1000);
  auto again = [&](int status, const std::string& error) {
    f.status = status;
    f.error = error;
    f.error_field = error_field(error, f.values);
    return no_store(render_page(edit_view(req, f)));
  };
  if (expected == -2) return again(400, "The form has no revision number; open the record's edit page again.");
  auto j = record_json_from_form(f.values, stored ? model::to_json(stored->doc) : json::object());
  if (!j) return again(422, j.error().message());
  auto doc = model::from_json(*j);
  if (!doc) return again(422, doc.error().message());
  if (!stored && archive.document(doc->id, archive::Audience::kStaff)) {
    return again(409, "id: a record with the id \u201c" + doc->id + "\u201d exists already.");
  }
  if (auto refusal = api::edit_refusal(req.caller, stored ? &stored->doc : nullptr, stored ? stored->owner : "", *doc)) {
    return again(refusal->status, refusal->message);
  }
  const std::string saved_id = doc->id;
  auto saved = api::save_record(req, archive.data_dir(), accounts, std::move(doc).value(), stored ? &stored->doc : nullptr, expected,
                                message.empty() ? (stored ? "edited" : "created") : message);
  if (!saved) {
    if (saved.error().code() == ErrorCode::kConflict && stored) {
      // Someone saved since this form was opened: show what they saved beside what was typed.
      auto theirs = load(archive, id);
      if (!theirs) return error_for(req, theirs.error(), id);
      auto mine = model::from_json(*j);
      if (mine) f.conflict = compare_records(theirs->doc, *mine);
      auto history = archive.history(id);
      const archive::RevisionEntry* latest = history && !history->empty() ? &history->front() : nullptr;
      f.conflict_note = "Someone saved this record since you opened it" +
                        (latest ? ": revision " + std::to_string(latest->revision) + (latest->saved_by.empty() ? "" : " by " + latest->saved_by) +
                                      " at " + latest->saved_at
                                : std::string()) +
                        ". Nothing has been saved from this form. Below, what they saved and what you typed; "
                        "saving again replaces their version with yours.";
      f.revision = theirs->revision;
      f.status = 409;
      return no_store(render_page(edit_view(req, f)));
    }
    if (saved.error().code() == ErrorCode::kInvalidInput || saved.error().code() == ErrorCode::kTooLarge) return again(422, saved.error().message());
    if (saved.error().code() == ErrorCode::kBusy) return again(503, "The archive is busy with another save or import; please try again.");
    return error_page(req, saved.error());
  }
  archive.refresh();
  return http::Response::redirect(document_url(saved_id));
}

}  // namespace

http::Response new_record_page(const http::Request& req, archive::Archive&, auth::Accounts&) {
  EditForm f;
  f.values = {{"publication", "draft"}, {"contents.count", "0"}, {"gaps.count", "0"}, {"date.precision", "unknown"},
              {"contents.new.kind", "original"}};
  return no_store(render_page(edit_view(req, f)));
}

http::Response new_record_submit(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts) {
  return save_form(req, archive, accounts, "", nullptr);
}

http::Response edit_page(const http::Request& req, archive::Archive& archive, auth::Accounts&) {
  const std::string& id = req.path_param("id");
  auto stored = load(archive, id);
  if (!stored) return error_for(req, stored.error(), id);
  model::Document probe = stored->doc;
  if (auto refusal = api::edit_refusal(req.caller, &stored->doc, stored->owner, probe)) return error_page(req, refusal->status, refusal->message);
  EditForm f;
  f.id = id;
  f.values = form_values(stored->doc);
  f.revision = stored->revision;
  return no_store(render_page(edit_view(req, f)));
}

http::Response edit_submit(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts) {
  const std::string& id = req.path_param("id");
  auto stored = load(archive, id);
  if (!stored) return error_for(req, stored.error(), id);
  return save_form(req, archive, accounts, id, &*stored);
}

http::Response publication_submit(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts) {
  const std::string& id = req.path_param("id");
  auto stored = load(archive, id);
  if (!stored) return error_for(req, stored.error(), id);
  FormValues v = form_values(http::form_fields(req));
  auto state = model::parse_publication(value_of(v, "state"));
  if (!state) return error_page(req, 400, "Choose draft, review, published or withdrawn.");
  model::Document doc = stored->doc;
  model::set_publication(doc, *state);
  if (v.count("embargo_until")) doc.embargo_until = value_of(v, "embargo_until");
  if (auto refusal = api::edit_refusal(req.caller, &stored->doc, stored->owner, doc)) return error_page(req, refusal->status, refusal->message);
  std::int64_t expected = revision_field(v);
  auto saved = api::save_record(req, archive.data_dir(), accounts, std::move(doc), &stored->doc, expected < 0 ? -1 : expected,
                                std::string(model::publication_name(*state)));
  if (!saved) {
    if (saved.error().code() == ErrorCode::kConflict) {
      return error_page(req, 409, "Someone saved this record since you opened it. Open it again and repeat the change.");
    }
    if (saved.error().code() == ErrorCode::kInvalidInput) return error_page(req, 422, saved.error().message());
    return error_page(req, saved.error());
  }
  archive.refresh();
  return http::Response::redirect(document_url(id));
}

http::Response history_page(const http::Request& req, archive::Archive& archive) {
  const std::string& id = req.path_param("id");
  auto stored = load(archive, id);
  if (!stored) return error_for(req, stored.error(), id);
  auto history = archive.history(id);
  if (!history) return error_page(req, history.error());
  auto number = [&](const char* name) -> std::int64_t {
    std::string v = req.param(name);
    if (v.empty() || v.size() > 15 || v.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::stoll(v);
  };
  std::int64_t from = number("from"), to = number("to");
  if (to == 0) to = stored->revision;
  if (from == 0) from = history->size() > 1 ? (*history)[1].revision : to;
  mstch::map ctx = page_context("History: " + stored->doc.title, "");
  ctx["heading"] = "History: " + stored->doc.title;
  ctx["document_href"] = document_url(id);
  ctx["action"] = document_url(id) + "/history";
  ctx["restore_action"] = document_url(id) + "/restore";
  ctx["csrf"] = req.caller.csrf;
  model::Document probe = stored->doc;
  const bool may_edit = !api::edit_refusal(req.caller, &stored->doc, stored->owner, probe);
  mstch::array revisions;
  for (const archive::RevisionEntry& r : *history) {
    revisions.push_back(mstch::map{{"revision", std::to_string(r.revision)},
                                   {"saved_at", r.saved_at},
                                   {"saved_by", r.saved_by.empty() ? std::string("import") : r.saved_by},
                                   {"message", r.message},
                                   {"from_checked", r.revision == from},
                                   {"to_checked", r.revision == to},
                                   {"current", r.revision == stored->revision},
                                   {"may_restore", may_edit && r.revision != stored->revision}});
  }
  ctx["revisions"] = revisions;
  ctx["from"] = std::to_string(from);
  ctx["to"] = std::to_string(to);
  if (from != to) {
    auto a = archive.revision(id, from);
    auto b = archive.revision(id, to);
    if (!a || !b) return error_page(req, 404, "Revision " + std::to_string(a ? to : from) + " of this record does not exist.");
    mstch::array changes;
    for (const FieldChange& c : compare_records(*a, *b)) changes.push_back(mstch::map{{"field", c.field}, {"before", c.before}, {"after", c.after}});
    ctx["changes"] = changes;
    ctx["no_changes"] = changes.empty();
    ctx["comparing"] = true;
  }
  return no_store(render_page(make_page("history", std::move(ctx))));
}

http::Response restore_submit(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts) {
  const std::string& id = req.path_param("id");
  auto stored = load(archive, id);
  if (!stored) return error_for(req, stored.error(), id);
  FormValues v = form_values(http::form_fields(req));
  std::int64_t number = revision_field(v);
  if (number <= 0) return error_page(req, 400, "Choose a revision to restore.");
  auto old = archive.revision(id, number);
  if (!old) return error_for(req, old.error(), id);
  model::Document doc = *old;
  if (auto refusal = api::edit_refusal(req.caller, &stored->doc, stored->owner, doc)) return error_page(req, refusal->status, refusal->message);
  auto saved = api::save_record(req, archive.data_dir(), accounts, std::move(doc), &stored->doc, stored->revision,
                                "restored revision " + std::to_string(number));
  if (!saved) {
    if (saved.error().code() == ErrorCode::kConflict) return error_page(req, 409, "Someone saved this record meanwhile. Look at its history again.");
    return error_page(req, saved.error());
  }
  archive.refresh();
  return http::Response::redirect(document_url(id) + "/history");
}

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// A file name safe to write: its last path part, letters, digits, '.', '-' and '_' only.
std::string safe_file_name(const std::string& name) {
  std::string base = name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  std::string out;
  for (char c : base) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') out += c;
    else if (c == ' ') out += '-';
    if (out.size() >= 100) break;
  }
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  return out.empty() ? std::string("upload") : out;
}

Page upload_view(const http::Request& req, const archive::ImportReport* report, const std::string& error, int status) {
  mstch::map ctx = page_context("Upload records", "");
  ctx["csrf"] = req.caller.csrf;
  if (!error.empty()) ctx["error"] = error;
  if (report) {
    mstch::array created, problems;
    for (const auto& f : report->files) {
      for (const auto& r : f.records) {
        created.push_back(mstch::map{{"href", document_url(r.id)}, {"title", r.title.empty() ? r.id : r.title},
                                     {"outcome", std::string(r.outcome == model::PutOutcome::kCreated ? "created as a draft" : "unchanged")}});
      }
      for (const auto& e : f.errors) problems.push_back(mstch::map{{"text", e.message()}});
      for (const auto& w : f.warnings) problems.push_back(mstch::map{{"text", "warning: " + w}});
    }
    ctx["report"] = true;
    ctx["created"] = created;
    ctx["has_created"] = !created.empty();
    ctx["problems"] = problems;
  }
  return make_page("upload", std::move(ctx), status);
}

}  // namespace

http::Response upload_page(const http::Request& req, archive::Archive&, auth::Accounts&) {
  return no_store(render_page(upload_view(req, nullptr, "", 200)));
}

http::Response upload_submit(const http::Request& req, archive::Archive& archive, auth::Accounts&) {
  auto parts = http::parse_multipart(req.header("content-type"), req.body);
  if (!parts) return no_store(render_page(upload_view(req, nullptr, "The upload could not be read: " + parts.error().message(), 400)));
  const http::FormPart* file = nullptr;
  for (const auto& p : *parts) {
    if (p.name == "file" && !p.filename.empty()) file = &p;
  }
  if (!file || file->body.empty()) return no_store(render_page(upload_view(req, nullptr, "Choose a file to upload.", 400)));
  // The file goes through the same import as the command line's, into a folder of its own so
  // that its records' ids come from its own name.
  TempDir staging("arkiv-upload");
  const std::string path = staging.file(safe_file_name(file->filename));
  {
    std::ofstream out(path, std::ios::binary);
    out.write(file->body.data(), static_cast<std::streamsize>(file->body.size()));
    if (!out) return error_page(req, Error::io("upload: cannot stage the file"));
  }
  auto writer = archive::Archive::open(archive.data_dir(), archive::Archive::Mode::kWrite, std::chrono::seconds(10));
  if (!writer) {
    if (writer.error().code() == ErrorCode::kBusy) {
      return no_store(render_page(upload_view(req, nullptr, "The archive is busy with another import or save; please try again.", 503)));
    }
    return error_page(req, writer.error());
  }
  archive::ImportOptions options;
  options.publication = "draft";
  options.user = req.caller.user;
  options.only_new = true;
  auto report = (*writer)->import({path}, options);
  if (!report) return error_page(req, report.error());
  // Paths in messages are the staging folder's: show the file's own name instead.
  for (auto& f : report->files) {
    for (auto& e : f.errors) e = Error(e.code(), replace_all(e.message(), path, file->filename));
    for (auto& w : f.warnings) w = replace_all(w, path, file->filename);
  }
  archive.refresh();
  return no_store(render_page(upload_view(req, &*report, "", report->ok() ? 200 : 422)));
}

}  // namespace arkiv::web
