#include <algorithm>
#include <optional>
#include <set>

#include "api/search_params.h"
#include "model/lifecycle.h"
#include "http/access_gate.h"
#include "base/strings.h"
#include "http/url.h"
#include "model/fields.h"
#include "text/language.h"
#include "web/citation.h"
#include "web/content_view.h"
#include "web/links.h"
#include "web/page.h"
#include "web/internal/views.h"
#include "web/pages.h"

namespace arkiv::web {

namespace {

std::string kind_label(const std::string& kind) {
  if (kind == "original") return "Original";
  if (kind == "transcript") return "Transcript";
  if (kind == "translation") return "Translation";
  return kind.empty() ? "Text" : kind;
}

std::string version_label(const model::Content& c) {
  std::string label = kind_label(c.kind);
  if (!c.language.empty()) label += " (" + text::language_name(c.language) + ")";
  return label;
}

// The language the record's title is written in: a version titled the same, else a guess.
std::string doc_title_language(const model::Document& doc) {
  for (const auto& c : doc.contents) {
    if (!c.title.empty() && c.title == doc.title) return c.language;
  }
  return title_language(doc.title, doc.original_languages.empty() ? "" : doc.original_languages[0]);
}

// What each kind of gap is, said in words on the page (read out by screen readers too).
std::string gap_explanation(const std::string& kind) {
  if (kind == "garbled") return "garbled in transmission";
  if (kind == "illegible") return "illegible in the source";
  if (kind == "editorial") return "editor's mark";
  return "left out in the source";
}

// The anchor of each note: its own mark ("4" -> v0-note-4) where the marks are unique, so
// that a note keeps the number the source gives it; else its position.
std::vector<std::string> note_ids(const model::Content& c, const std::string& prefix) {
  std::vector<std::string> ids;
  std::set<std::string> seen;
  bool unique = true;
  for (const model::Note& n : c.notes) {
    std::string slug = slugify(n.label, 20);
    unique = unique && !slug.empty() && seen.insert(slug).second;
    ids.push_back(prefix + "-note-" + slug);
  }
  if (!unique) {
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = prefix + "-note-" + std::to_string(i + 1);
  }
  return ids;
}

mstch::map paragraph_view(const Paragraph& p, const std::vector<std::string>& ids) {
  mstch::array segments;
  for (const TextSegment& s : p.segments) {
    mstch::map seg{{"text", s.text}};
    if (s.kind == TextSegment::Kind::kGap) {
      seg["gap"] = true;
      seg["gap_kind"] = s.gap_kind;
      seg["gap_explanation"] = gap_explanation(s.gap_kind);
    }
    if (s.kind == TextSegment::Kind::kNote) {
      seg["note"] = true;
      seg["label"] = s.text.empty() ? std::to_string(s.note + 1) : s.text;
      seg["href"] = "#" + ids[s.note];
      seg["ref_id"] = ids[s.note] + "-ref";
    }
    segments.push_back(seg);
  }
  return mstch::map{{"segments", segments}};
}

// A text long enough to want a table of contents and "back to top" links.
constexpr std::size_t kLongText = 6000;

bool long_text(const model::Document& doc) {
  std::size_t bytes = 0;
  for (const auto& c : doc.contents) bytes += c.text.size();
  return bytes >= kLongText || !doc.parts.empty();
}

std::string part_anchor(const model::Part& part) { return "part-" + slugify(part.anchor, 60); }

std::string part_heading(const model::Part& part, std::size_t i) {
  return part.heading.empty() ? "Attachment " + std::to_string(i + 1) : part.heading;
}

mstch::map version_view(const model::Document& doc, std::size_t n, const std::string& self) {
  const model::Content& c = doc.contents[n];
  std::string prefix = "v" + std::to_string(n);
  std::vector<std::string> ids = note_ids(c, prefix);
  mstch::array paragraphs;
  std::vector<mstch::array> part_paragraphs(doc.parts.size());
  for (const Paragraph& p : layout_content(c, doc.gaps, n, doc.parts)) {
    (p.part ? part_paragraphs[*p.part] : paragraphs).push_back(paragraph_view(p, ids));
  }
  // Attachments and enclosures: sections with anchors that a citation can point to.
  mstch::array parts;
  for (std::size_t i = 0; i < doc.parts.size(); ++i) {
    const model::Part& part = doc.parts[i];
    if (part.content != n) continue;
    std::string anchor = part_anchor(part);
    parts.push_back(mstch::map{{"anchor", anchor},
                               {"heading", part_heading(part, i)},
                               {"long", long_text(doc)},
                               {"source_note", part.source_note},
                               {"date", part.date},
                               {"signature", part.signature},
                               {"cite_href", self + "#" + anchor},
                               {"paragraphs", part_paragraphs[i]}});
  }
  mstch::array notes;
  for (std::size_t i = 0; i < c.notes.size(); ++i) {
    notes.push_back(mstch::map{{"id", ids[i]},
                               {"label", c.notes[i].label.empty() ? std::to_string(i + 1) : c.notes[i].label},
                               {"text", c.notes[i].text},
                               {"back", "#" + ids[i] + "-ref"}});
  }
  return mstch::map{{"anchor", "version-" + std::to_string(n)},
                    {"label", version_label(c)},
                    {"lang", c.language},
                    // The record's title is the page's heading: a version's own title only when it differs.
                    {"heading", c.title == doc.title ? std::string() : c.title},
                    {"translator", c.translator},
                    {"paragraphs", paragraphs},
                    {"parts", parts},
                    {"empty", paragraphs.empty() && parts.empty() && c.in_export},
                    {"not_in_export", !c.in_export},
                    {"source_label", c.label},
                    {"notes", notes},
                    {"has_notes", !notes.empty()}};
}

mstch::map field(const std::string& label, mstch::array values) {
  return mstch::map{{"label", label}, {"values", std::move(values)}};
}

mstch::array plain(const std::string& v) { return mstch::array{mstch::map{{"text", v}}}; }

mstch::array linked(const std::vector<std::string>& values, const std::string& facet) {
  mstch::array out;
  for (const auto& v : values) out.push_back(mstch::map{{"text", facet_value_label(facet, v)}, {"href", filter_url(facet, v)}});
  return out;
}

void meta(mstch::array& out, const std::string& name, const std::string& content) {
  if (!content.empty()) out.push_back(mstch::map{{"name", name}, {"content", content}});
}

// Highwire wants "YYYY/MM/DD" at the precision the source gives.
std::string highwire_date(const model::DateRange& d) {
  if (!d.known()) return "";
  std::string s = d.earliest;
  for (char& c : s) {
    if (c == '-') c = '/';
  }
  if (d.precision == model::DatePrecision::kDay) return s;
  if (d.precision == model::DatePrecision::kMonth) return s.substr(0, 7);
  return s.substr(0, 4);
}

// The rows of a structured field: the date with its bounds, the citation's parts.
void structured_rows(const model::Field& f, const model::Document& doc, mstch::array& rows) {
  if (f.name == "date") {
    rows.push_back(field(std::string(f.label), plain(doc.date.display.empty() ? "Undated" : doc.date.display)));
    if (doc.date.known()) {
      std::string range = doc.date.earliest == doc.date.latest ? doc.date.earliest : doc.date.earliest + " to " + doc.date.latest;
      rows.push_back(field("Date range", plain(range + " (" + model::precision_name(doc.date.precision) + ")")));
    }
  } else if (f.name == "citation") {
    const model::Citation& c = doc.citation;
    if (!c.repository.empty()) rows.push_back(field("Holding archive", plain(c.repository)));
    if (!c.reference.empty()) rows.push_back(field("Archival reference", plain(c.reference)));
    if (!c.author.empty()) rows.push_back(field("Sender", plain(c.author)));
    if (!c.volume.empty()) rows.push_back(field("Printed in", plain(c.volume)));
    if (!c.number.empty()) rows.push_back(field("Document number", plain(c.number)));
    if (!c.pages.empty()) rows.push_back(field(c.pages.find("\u2013") != std::string::npos ? "Pages" : "Page", plain(c.pages)));
    if (!c.publisher.empty()) {
      std::string by = c.publisher;
      if (!c.place.empty()) by = c.place + ": " + by;
      if (!c.year.empty()) by += ", " + c.year;
      rows.push_back(field("Published by", plain(by)));
    }
    if (!c.translator.empty()) rows.push_back(field("Translator", plain(c.translator)));
    if (!c.url.empty()) {
      bool web = c.url.rfind("https://", 0) == 0 || c.url.rfind("http://", 0) == 0;
      rows.push_back(field("Source", mstch::array{web ? mstch::map{{"text", c.url}, {"href", c.url}} : mstch::map{{"text", c.url}}}));
    }
  }
}

// One row per field the page shows (model/fields.h): values that are facets link to their
// search, record ids to their page; lists of names take the plural label.
mstch::array metadata_rows(const model::Document& doc, const archive::Archive& archive) {
  mstch::array rows;
  for (const model::Field& f : model::fields()) {
    if (!f.is(model::kShown)) continue;
    if (f.kind == model::ValueKind::kDate || f.kind == model::ValueKind::kStructured) {
      structured_rows(f, doc, rows);
      continue;
    }
    std::vector<std::string> values = f.values(doc);
    if (values.empty()) continue;
    std::string label(f.list && (f.kind == model::ValueKind::kName || f.kind == model::ValueKind::kRecordId) ? f.plural : f.label);
    mstch::array cells;
    std::string facet(f.link.empty() ? f.name : f.link);
    if (f.kind == model::ValueKind::kRecordId) {
      for (const auto& v : values) cells.push_back(mstch::map{{"text", v}, {"href", document_url(v)}});
    } else if (f.kind == model::ValueKind::kName && !doc.links.empty()) {
      // A linked name leads to its authority record (all its forms, all its documents); the
      // text stays the form this record uses.
      for (const auto& v : values) {
        auto l = std::find_if(doc.links.begin(), doc.links.end(), [&](const model::NameLink& n) { return n.field == f.name && n.form == v; });
        if (l == doc.links.end()) {
          cells.push_back(mstch::map{{"text", v}, {"href", filter_url(facet, v)}});
          continue;
        }
        std::string name = archive.authority_name(l->authority);
        mstch::map cell{{"text", v}, {"href", authority_url(l->authority)}};
        if (!name.empty() && name != v) cell["authority_name"] = name;
        cells.push_back(std::move(cell));
      }
    } else if (model::has_role(facet, model::kFilter)) {
      cells = linked(values, facet);
    } else {
      for (const auto& v : values) cells.push_back(mstch::map{{"text", v}});
    }
    rows.push_back(field(label, std::move(cells)));
  }
  return rows;
}

std::string doc_id_param(const http::Request& req) { return req.path_param("id"); }

// Stage: where the record sits in the arrangement: the breadcrumb (collection › series ›
// document) and the previous and next records there.
void add_place(mstch::map& ctx, const model::Document& doc, const archive::Archive& archive, archive::Audience audience) {
  auto place = archive.place_of(doc, audience);
  if (!place || place->trail.empty()) return;
  mstch::array crumbs;
  for (const archive::AuthorityRef& u : place->trail) crumbs.push_back(mstch::map{{"href", unit_url(u.id)}, {"label", u.name}});
  ctx["crumbs"] = crumbs;
  ctx["has_crumbs"] = true;
  ctx["doc_number"] = place->number;
  auto neighbour = [](const archive::UnitEntry& e) {
    std::string label = (e.number.empty() ? "" : e.number + ". ") + e.title;
    return mstch::map{{"href", document_url(e.id)}, {"label", label}};
  };
  if (place->previous) ctx["previous"] = neighbour(*place->previous);
  if (place->next) ctx["next"] = neighbour(*place->next);
  ctx["has_neighbours"] = place->previous.has_value() || place->next.has_value();
}



// Stage: which version to read, and whether side by side; an error view when asked wrongly.
struct Reading {
  int version = 0;     // the version shown alone
  int first_text = 0;  // the version shown when none is asked for
  bool parallel = false;
};

std::optional<Page> choose_reading(const http::Request& req, const model::Document& doc, Reading& out) {
  int last = std::max<int>(0, static_cast<int>(doc.contents.size()) - 1);
  // Unless asked, show the first version whose text the record holds (not a listed scan).
  while (out.first_text < last && !doc.contents[static_cast<std::size_t>(out.first_text)].in_export) ++out.first_text;
  auto version = api::int_param(req.query, "version", 0, last, out.first_text);
  if (!version) return error_view(req, 400, version.error().message());
  out.version = *version;
  std::string view = req.param("view");
  if (!view.empty() && view != "parallel" && view != "single") return error_view(req, 400, "parameter 'view': expected parallel or single");
  out.parallel = view == "parallel" && doc.contents.size() > 1;
  return std::nullopt;
}

// Stage: the versions' links and the texts shown.
void add_versions(mstch::map& ctx, const model::Document& doc, const Reading& r, const std::string& self) {
  mstch::array versions;
  for (std::size_t i = 0; i < doc.contents.size(); ++i) {
    versions.push_back(mstch::map{{"label", version_label(doc.contents[i])},
                                  {"href", self + (static_cast<int>(i) == r.first_text ? std::string() : "?version=" + std::to_string(i)) + "#text"},
                                  {"current", !r.parallel && static_cast<int>(i) == r.version}});
  }
  ctx["versions"] = versions;
  ctx["has_versions"] = doc.contents.size() > 1;
  ctx["parallel"] = r.parallel;
  ctx["parallel_href"] = self + "?view=parallel#text";
  ctx["has_text"] = !doc.contents.empty();
  mstch::array shown;
  if (r.parallel) {
    for (std::size_t i = 0; i < doc.contents.size(); ++i) shown.push_back(version_view(doc, i, self));
  } else if (!doc.contents.empty()) {
    shown.push_back(version_view(doc, static_cast<std::size_t>(r.version), self));
  }
  ctx["shown"] = shown;
  ctx["has_gaps"] = !doc.gaps.empty();
  // Long texts: a table of contents of the versions and their parts, and "back to top".
  const bool is_long = long_text(doc);
  ctx["long"] = is_long;
  mstch::array toc;
  for (std::size_t i = 0; i < doc.contents.size() && is_long; ++i) {
    bool on_page = r.parallel || static_cast<int>(i) == r.version;
    std::string anchor = "#version-" + std::to_string(i);
    std::string href = on_page ? anchor : self + (static_cast<int>(i) == r.first_text ? std::string() : "?version=" + std::to_string(i)) + anchor;
    mstch::array parts;
    for (std::size_t p = 0; p < doc.parts.size(); ++p) {
      if (doc.parts[p].content != i) continue;
      std::string part_href = on_page ? "#" + part_anchor(doc.parts[p]) : href.substr(0, href.find('#')) + "#" + part_anchor(doc.parts[p]);
      parts.push_back(mstch::map{{"href", part_href}, {"label", part_heading(doc.parts[p], p)}});
    }
    bool has_parts = !parts.empty();
    toc.push_back(mstch::map{{"href", href}, {"label", version_label(doc.contents[i])}, {"parts", std::move(parts)}, {"has_parts", has_parts}});
  }
  ctx["toc"] = toc;
  ctx["has_toc"] = is_long && !toc.empty();
}

// Rows for a box showing `text` whole at about 60 characters a line, within bounds.
std::string box_rows(const std::string& text) {
  std::size_t rows = 0;
  for (const std::string& line : split(text, '\n')) rows += 1 + utf8_length(line) / 60;
  return std::to_string(std::clamp<std::size_t>(rows, 2, 14));
}

// Stage: the citation texts and the download links.
void add_citations(mstch::map& ctx, const model::Document& doc, const std::string& url, const std::string& self) {
  ctx["chicago_bibliography"] = chicago_bibliography(doc, url);
  // Each format in a box of its own inside a <details>: opened and copied without a script.
  mstch::array formats;
  auto add = [&](const std::string& key, const std::string& label, std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    if (text.empty()) return;
    std::string rows = box_rows(text);
    formats.push_back(mstch::map{{"key", key}, {"label", label}, {"text", std::move(text)}, {"rows", rows}});
  };
  add("source", "As given by the source", doc.citation.text);
  add("chicago-note", "Chicago (note)", chicago_note(doc, url));
  add("chicago-bibliography", "Chicago (bibliography)", chicago_bibliography(doc, url));
  add("bibtex", "BibTeX", bibtex(doc, url));
  add("ris", "RIS", ris(doc, url));
  ctx["cite_formats"] = formats;
  std::string base = slugify(doc.id, 60);
  if (base.empty()) base = "record";
  mstch::array downloads;
  for (const auto& [ext, label] : {std::pair<std::string, std::string>{"txt", "Chicago (text)"}, {"bib", "BibTeX"}, {"ris", "RIS"}, {"json", "CSL-JSON"}}) {
    downloads.push_back(mstch::map{{"href", self + "/cite." + ext}, {"label", label}, {"filename", base + "." + ext}});
  }
  ctx["downloads"] = downloads;
}

// Stage: for staff, the record's lifecycle, staff notes and what they may do with it.
void add_staff_box(mstch::map& ctx, const http::Request& req, const model::Document& doc, archive::Archive& archive) {
  const model::Publication p = model::publication_of(doc);
  mstch::map box{{"publication", std::string(p == model::Publication::kReview ? "in review" : model::publication_name(p))},
                 {"embargo_until", doc.embargo_until},
                 {"staff_notes", doc.staff_notes},
                 {"edit_href", document_url(doc.id) + "/edit"},
                 {"history_href", document_url(doc.id) + "/history"},
                 {"publication_action", document_url(doc.id) + "/publication"},
                 {"csrf", req.caller.csrf}};
  const bool hidden = !model::visible_to_readers(doc, model::today_utc());
  box["hidden"] = hidden;
  if (auto rev = archive.current_revision(doc.id)) box["revision"] = std::to_string(*rev);
  mstch::array actions;
  auto action = [&](const char* state, const char* label) { actions.push_back(mstch::map{{"state", std::string(state)}, {"label", std::string(label)}}); };
  if (http::may(req, auth::Action::kPublish)) {
    if (p != model::Publication::kPublished) action("published", "Publish");
    if (p == model::Publication::kPublished) action("withdrawn", "Withdraw");
  }
  if (p == model::Publication::kDraft) action("review", "Submit for review");
  if (p == model::Publication::kReview) action("draft", "Back to draft");
  box["actions"] = actions;
  box["may_embargo"] = http::may(req, auth::Action::kPublish);
  ctx["staff"] = box;
}

// Stage: "more like this".
void add_related(mstch::map& ctx, const std::string& id, archive::Archive& archive, archive::Audience audience) {
  mstch::array related;
  if (auto similar = archive.similar(id, archive::Archive::kSimilarShown, audience)) {
    for (const auto& h : *similar) {
      related.push_back(mstch::map{{"href", document_url(h.id)}, {"title", h.title.empty() ? h.id : h.title},
                                   {"lang", title_language(h.title, h.languages.empty() ? "" : h.languages[0])},
                                   {"date", h.date.display.empty() ? std::string("Undated") : h.date.display}});
    }
  }
  ctx["related"] = related;
  ctx["has_related"] = !related.empty();
}

// Stage: Highwire Press and Dublin Core tags, for Zotero and friends, and the page's links.
void add_meta(mstch::map& ctx, const model::Document& doc, const std::string& url) {
  mstch::array m;
  const model::Citation& c = doc.citation;
  meta(m, "citation_title", doc.title);
  meta(m, "citation_author", c.author);  // the sender, only when the source names one
  meta(m, "citation_inbook_title", c.volume);
  if (!c.pages.empty()) {
    std::size_t dash = c.pages.find("\u2013");
    meta(m, "citation_firstpage", c.pages.substr(0, dash));
    if (dash != std::string::npos) meta(m, "citation_lastpage", c.pages.substr(dash + 3));
  }
  meta(m, "citation_publication_date", highwire_date(doc.date));
  meta(m, "citation_date", highwire_date(doc.date));
  meta(m, "citation_publisher", doc.citation.publisher.empty() ? doc.citation.repository : doc.citation.publisher);
  for (const auto& l : doc.original_languages) meta(m, "citation_language", l);
  meta(m, "citation_public_url", url);
  meta(m, "citation_abstract", doc.summary);
  for (const auto& s : doc.subjects) meta(m, "citation_keywords", s);
  meta(m, "citation_archive", doc.citation.repository);
  meta(m, "citation_archive_location", doc.citation.reference);
  meta(m, "DC.title", doc.title);
  meta(m, "DC.date", doc.date.known() ? (doc.date.precision == model::DatePrecision::kDay ? doc.date.earliest : doc.date.earliest.substr(0, 4)) : "");
  meta(m, "DC.creator", c.author);
  meta(m, "DC.publisher", doc.citation.publisher);
  for (const std::string& t : translators(doc)) meta(m, "DC.contributor", t);
  for (const auto& l : doc.original_languages) meta(m, "DC.language", l);
  meta(m, "DC.identifier", url);
  meta(m, "DC.type", "Text");
  meta(m, "DC.description", doc.summary);
  for (const auto& s : doc.subjects) meta(m, "DC.subject", s);
  for (const auto& p : doc.places) meta(m, "DC.coverage", p);
  meta(m, "DC.source", doc.citation.reference.empty() ? doc.citation.repository : doc.citation.reference);
  ctx["meta"] = m;
  ctx["links"] = mstch::array{mstch::map{{"rel", std::string("schema.DC")}, {"href", std::string("http://purl.org/dc/elements/1.1/")}},
                              mstch::map{{"rel", std::string("canonical")}, {"href", url}},
                              mstch::map{{"rel", std::string("alternate")}, {"href", "/api/v1/documents/" + http::encode_path(doc.id)},
                                         {"type", std::string("application/json")}}};
}

}  // namespace

Page document_view(const http::Request& req, archive::Archive& archive) {
  const std::string id = doc_id_param(req);
  const archive::Audience audience = api::audience_of(req);
  auto found = archive.document(id, audience);
  if (!found) {
    if (found.error().code() == ErrorCode::kNotFound) return error_view(req, 404, "There is no document with the id \u201c" + id + "\u201d.");
    return error_view(req, found.error());
  }
  if (audience == archive::Audience::kReaders) {
    // Related records that exist but readers may not see are not named to them either (an id the
    // archive does not hold is the source's own data and stays).
    std::erase_if(found->related, [&](const std::string& other) { return archive.hidden_from_readers(other); });
  }
  const model::Document& doc = *found;
  Reading reading;
  if (auto bad = choose_reading(req, doc, reading)) return std::move(*bad);

  const std::string url = base_url(req) + document_url(id);
  const std::string self = document_url(id);
  mstch::map ctx = page_context(doc.title.empty() ? id : doc.title, "");
  ctx["id"] = id;
  ctx["title"] = doc.title.empty() ? id : doc.title;
  ctx["title_lang"] = doc_title_language(doc);
  ctx["date"] = doc.date.display.empty() ? std::string("Undated") : doc.date.display;
  ctx["date_iso"] = doc.date.precision == model::DatePrecision::kDay ? doc.date.earliest : std::string();
  ctx["summary"] = doc.summary;
  ctx["repository"] = doc.citation.repository;
  ctx["reference"] = doc.citation.reference;
  ctx["permalink"] = url;
  ctx["self"] = self;
  add_versions(ctx, doc, reading, self);
  ctx["fields"] = metadata_rows(doc, archive);  // every field the record has, in the registry's order
  add_place(ctx, doc, archive, audience);
  add_citations(ctx, doc, url, self);
  add_related(ctx, id, archive, audience);
  if (audience == archive::Audience::kStaff) add_staff_box(ctx, req, doc, archive);
  add_meta(ctx, doc, url);
  return make_page("document", std::move(ctx));
}

http::Response document_page(const http::Request& req, archive::Archive& archive) { return render_page(document_view(req, archive)); }

http::Response citation_download(const http::Request& req, archive::Archive& archive) {
  const std::string id = doc_id_param(req);
  auto doc = archive.document(id, api::audience_of(req));
  if (!doc) {
    if (doc.error().code() == ErrorCode::kNotFound) return error_page(req, 404, "There is no document with the id \u201c" + id + "\u201d.");
    return error_page(req, doc.error());
  }
  std::string url = base_url(req) + document_url(id);
  std::string ext = req.path.substr(req.path.rfind('.') + 1);
  http::Response r;
  if (ext == "bib") r = http::Response::text(bibtex(*doc, url), "application/x-bibtex; charset=utf-8");
  else if (ext == "ris") r = http::Response::text(ris(*doc, url), "application/x-research-info-systems; charset=utf-8");
  else if (ext == "json") r = http::Response::text(csl_json(*doc, url).dump(2) + "\n", "application/vnd.citationstyles.csl+json; charset=utf-8");
  else r = http::Response::text(chicago_text(*doc, url));
  std::string name = slugify(id, 60);
  r.set_header("Content-Disposition", "attachment; filename=\"" + (name.empty() ? std::string("record") : name) + "." + ext + "\"");
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Access-Control-Allow-Origin", "*");
  return r;
}

}  // namespace arkiv::web
