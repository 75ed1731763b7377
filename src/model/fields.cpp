#include "model/fields.h"

#include <algorithm>
#include <array>

namespace arkiv::model {

namespace {

std::vector<std::string> one(const std::string& v) {
  if (v.empty()) return {};
  return {v};
}

std::vector<std::string> id_values(const Document& d) { return one(d.id); }
std::vector<std::string> title_values(const Document& d) { return one(d.title); }
std::vector<std::string> summary_values(const Document& d) { return one(d.summary); }
std::vector<std::string> extent_values(const Document& d) { return one(d.extent); }
std::vector<std::string> type_values(const Document& d) { return one(d.document_type); }
std::vector<std::string> state_values(const Document& d) { return one(d.document_state); }
std::vector<std::string> date_values(const Document& d) { return one(d.date.display); }
std::vector<std::string> credit_values(const Document& d) { return d.credits; }
std::vector<std::string> original_language_values(const Document& d) { return d.original_languages; }
std::vector<std::string> collection_values(const Document& d) { return d.collections; }
std::vector<std::string> subject_values(const Document& d) { return d.subjects; }
std::vector<std::string> place_values(const Document& d) { return d.places; }
std::vector<std::string> person_values(const Document& d) { return d.people; }
std::vector<std::string> organization_values(const Document& d) { return d.organizations; }
std::vector<std::string> related_values(const Document& d) { return d.related; }

// The years and decades a record is in: every one its date overlaps (docs/dates.md), the same
// rule as a from/to filter.
std::vector<std::string> year_values(const Document& d) { return years_overlapped(d.date); }
std::vector<std::string> decade_values(const Document& d) { return decades_overlapped(d.date); }

std::vector<std::string> publication_values(const Document& d) { return one(d.publication.empty() ? "published" : d.publication); }
std::vector<std::string> embargo_values(const Document& d) { return one(d.embargo_until); }
std::vector<std::string> staff_note_values(const Document& d) { return one(d.staff_notes); }

std::vector<std::string> citation_values(const Document& d) { return one(d.citation.text); }
std::vector<std::string> no_values(const Document&) { return {}; }

constexpr unsigned kNameRoles = kJson | kShown | kFacet | kFilter | kFieldQuery | kBrowse;
constexpr unsigned kDerivedFacet = kFacet | kFilter | kFieldQuery | kBrowse;

// Rows in the order the document page shows them. Structured fields (date, citation, contents,
// gaps) have JSON keys here but are read and written by model/record_json.cpp.
const std::array<Field, 28> kFields = {{
    {.name = "id", .json_key = "id", .label = "Identifier", .plural = "Identifiers", .roles = kJson | kShown,
     .values = id_values, .text = &Document::id},
    {.name = "title", .json_key = "title", .label = "Title", .plural = "Titles", .roles = kJson | kFieldQuery,
     .word_prefix = "S", .values = title_values, .text = &Document::title},
    {.name = "date", .json_key = "date", .label = "Date", .plural = "Dates", .roles = kJson | kShown | kSort,
     .kind = ValueKind::kDate, .values = date_values},
    {.name = "year", .label = "Year", .plural = "Years", .roles = kDerivedFacet, .exact_prefix = "Y",
     .order = FacetOrder::kByValue, .kind = ValueKind::kYear, .facet_rank = 2, .values = year_values},
    {.name = "decade", .label = "Decade", .plural = "Decades", .roles = kDerivedFacet, .exact_prefix = "XDC",
     .order = FacetOrder::kByValue, .kind = ValueKind::kDecade, .facet_rank = 1, .values = decade_values},
    {.name = "summary", .json_key = "summary", .label = "Summary", .plural = "Summaries", .roles = kJson,
     .values = summary_values, .text = &Document::summary},
    {.name = "original_language", .json_key = "original_languages", .label = "Original language",
     .plural = "Original languages", .roles = kJson | kShown, .kind = ValueKind::kLanguage, .link = "language",
     .values = original_language_values, .list = &Document::original_languages},
    {.name = "language", .label = "Language", .plural = "Languages", .roles = kDerivedFacet, .exact_prefix = "L",
     .kind = ValueKind::kLanguage, .facet_rank = 0, .values = record_languages, .alias = "lang"},
    {.name = "type", .json_key = "document_type", .label = "Document type", .plural = "Document types",
     .roles = kJson | kShown | kFacet | kFilter | kFieldQuery | kBrowse, .exact_prefix = "XTY",
     .kind = ValueKind::kKeyword, .facet_rank = 8, .values = type_values, .text = &Document::document_type},
    {.name = "state", .json_key = "document_state", .label = "Document state", .plural = "Document states",
     .roles = kJson | kShown, .exact_prefix = "XST", .kind = ValueKind::kKeyword, .values = state_values,
     .text = &Document::document_state},
    {.name = "extent", .json_key = "extent", .label = "Extent", .plural = "Extents", .roles = kJson | kShown,
     .values = extent_values, .text = &Document::extent},
    {.name = "collection", .json_key = "collections", .label = "Collection", .plural = "Collections",
     .roles = kNameRoles, .exact_prefix = "XCO", .word_prefix = "XCOW", .kind = ValueKind::kName, .facet_rank = 3,
     .values = collection_values, .list = &Document::collections},
    {.name = "subject", .json_key = "subjects", .label = "Subject", .plural = "Subjects", .roles = kNameRoles,
     .exact_prefix = "XSU", .word_prefix = "XSUW", .kind = ValueKind::kName, .facet_rank = 4, .values = subject_values,
     .list = &Document::subjects},
    {.name = "place", .json_key = "places", .label = "Place", .plural = "Places", .roles = kNameRoles,
     .exact_prefix = "XPL", .word_prefix = "XPLW", .kind = ValueKind::kName, .facet_rank = 5, .values = place_values,
     .list = &Document::places},
    {.name = "person", .json_key = "people", .label = "Person", .plural = "People", .roles = kNameRoles,
     .exact_prefix = "XPE", .word_prefix = "XPEW", .kind = ValueKind::kName, .facet_rank = 6, .values = person_values,
     .list = &Document::people},
    {.name = "organization", .json_key = "organizations", .label = "Organization", .plural = "Organizations",
     .roles = kNameRoles, .exact_prefix = "XOR", .word_prefix = "XORW", .kind = ValueKind::kName, .facet_rank = 7,
     .values = organization_values, .list = &Document::organizations},
    {.name = "citation", .json_key = "citation", .label = "Citation", .plural = "Citations", .roles = kJson | kShown,
     .kind = ValueKind::kStructured, .values = citation_values},
    {.name = "credit", .json_key = "credits", .label = "Credits", .plural = "Credits", .roles = kJson | kShown,
     .values = credit_values, .list = &Document::credits},
    {.name = "related", .json_key = "related", .label = "Related record", .plural = "Related records",
     .roles = kJson | kShown, .kind = ValueKind::kRecordId, .values = related_values, .list = &Document::related},
    {.name = "contents", .json_key = "contents", .label = "Text", .plural = "Texts", .roles = kJson,
     .kind = ValueKind::kStructured, .values = no_values},
    {.name = "gaps", .json_key = "gaps", .label = "Gap", .plural = "Gaps", .roles = kJson,
     .kind = ValueKind::kStructured, .values = no_values},
    {.name = "parts", .json_key = "parts", .label = "Part", .plural = "Parts", .roles = kJson,
     .kind = ValueKind::kStructured, .values = no_values},
    {.name = "unread", .json_key = "unread", .label = "Field not read", .plural = "Fields not read", .roles = kJson,
     .kind = ValueKind::kStructured, .values = no_values},
    {.name = "links", .json_key = "links", .label = "Authority link", .plural = "Authority links", .roles = kJson | kSparse,
     .kind = ValueKind::kStructured, .values = no_values},
    {.name = "arrangement", .json_key = "arrangement", .label = "Place in the arrangement", .plural = "Places in the arrangement",
     .roles = kJson | kSparse, .kind = ValueKind::kStructured, .values = no_values},
    {.name = "publication", .json_key = "publication", .label = "Publication", .plural = "Publication",
     .roles = kJson | kStaff, .kind = ValueKind::kKeyword, .values = publication_values, .text = &Document::publication},
    {.name = "embargo_until", .json_key = "embargo_until", .label = "Embargoed until", .plural = "Embargoed until",
     .roles = kJson | kStaff, .kind = ValueKind::kDate, .values = embargo_values, .text = &Document::embargo_until},
    {.name = "staff_notes", .json_key = "staff_notes", .label = "Staff notes", .plural = "Staff notes",
     .roles = kJson | kStaff, .values = staff_note_values, .text = &Document::staff_notes},
}};

std::vector<const Field*> sorted_facets() {
  std::vector<const Field*> out;
  for (const Field& f : kFields) {
    if (f.is(kFacet)) out.push_back(&f);
  }
  std::sort(out.begin(), out.end(), [](const Field* a, const Field* b) { return a->facet_rank < b->facet_rank; });
  return out;
}

}  // namespace

std::span<const Field> fields() { return kFields; }

const Field* find_field(std::string_view name) {
  if (name.empty()) return nullptr;
  for (const Field& f : kFields) {
    if (f.name == name || f.alias == name) return &f;
  }
  return nullptr;
}

std::vector<std::string> field_names(FieldRole role) {
  // Facets first, in facet order (so filters, facets and browse pages list alike), then the
  // rest in registry order.
  std::vector<std::string> out;
  for (const Field* f : facet_fields()) {
    if (f->is(role)) out.emplace_back(f->name);
  }
  for (const Field& f : kFields) {
    if (f.is(role) && !f.is(kFacet)) out.emplace_back(f.name);
  }
  return out;
}

bool has_role(std::string_view name, FieldRole role) {
  const Field* f = find_field(name);
  return f && f->name == name && f->is(role);
}

std::span<const Field* const> facet_fields() {
  static const std::vector<const Field*> facets = sorted_facets();
  return facets;
}

int facet_position(std::string_view name) {
  auto facets = facet_fields();
  for (std::size_t i = 0; i < facets.size(); ++i) {
    if (facets[i]->name == name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> record_languages(const Document& doc) {
  std::vector<std::string> out;
  auto add = [&out](const std::string& code) {
    if (!code.empty() && std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  };
  for (const std::string& l : doc.original_languages) add(l);
  for (const Content& c : doc.contents) add(c.language);
  return out;
}

}  // namespace arkiv::model
