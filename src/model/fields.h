// The field registry: every field of the record defined once, with everything the other
// modules need to know about it — its JSON key, its labels, whether it is a facet, a filter,
// a field query (`person:`), a sort key, a browse page or a row of the document page, its
// index prefixes, and how to read its values from a Document. The JSON form, the index terms,
// the facets, the API parameters, the page labels and rows and the browse pages all come from
// this one table (model/fields_test.cpp and tests/registry_test.cpp check that they agree).
// Immutable static data; thread-safe.
//
//   for (const model::Field& f : model::fields())
//     if (f.is(model::kFacet)) count(f.name, f.values(doc));
//
// Adding a simple field is one row in fields.cpp plus its member in Document (document.h).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace arkiv::model {

// What a field takes part in (a bit set).
enum FieldRole : unsigned {
  kJson = 1u << 0,        // a key of the record's JSON form read and written by this table
  kShown = 1u << 1,       // a row of the document page's metadata
  kFacet = 1u << 2,       // counted beside search results and in the API's facets
  kFilter = 1u << 3,      // `name=value` narrows a search to one exact value (API, pages, CLI)
  kFieldQuery = 1u << 4,  // `name:words` in query text matches words of the field's values
  kSort = 1u << 5,        // a sort order of search results
  kBrowse = 1u << 6,      // a browse page (/browse/<name>) listing every value with counts
  // The archive's own administrative fields (the lifecycle, staff notes): in the JSON form only
  // when set, shown to staff only, never to readers (model/lifecycle.h).
  kStaff = 1u << 7,
  // In the JSON form only when it has a value, so that records without it (and exports made
  // before it existed) keep their bytes: authority links and the arrangement.
  kSparse = 1u << 8,
};

// How a facet's values are listed: most frequent first, or in value order (years).
enum class FacetOrder { kByCount, kByValue };

// What a field's values are, which says how they are normalised for exact matching (index
// terms, filters) and shown: free text, a name (folded, spaces collapsed), a keyword (folded),
// an ISO 639 language code, a year, a decade ("1960s"), a date, another record's id, or a
// structured value (several parts, handled by the code that knows it).
enum class ValueKind { kText, kName, kKeyword, kLanguage, kYear, kDecade, kDate, kRecordId, kStructured };

struct Field {
  std::string_view name;      // facet, filter, query and browse name: "person"
  std::string_view json_key;  // key in the record's JSON: "people" ("" when derived)
  std::string_view label;     // one value's label: "Person"
  std::string_view plural;    // facet and browse titles: "People"
  unsigned roles = 0;
  // Index terms (docs/index-terms.md): `exact` + the folded whole value, for filters and facet
  // queries; `word` + each folded word of a value, for field queries. "" when not indexed.
  std::string_view exact_prefix;
  std::string_view word_prefix;
  FacetOrder order = FacetOrder::kByCount;
  ValueKind kind = ValueKind::kText;
  int facet_rank = -1;         // facets: place in facet_fields() (and in the index's facet slot)
  std::string_view link;       // values link to this facet's filter ("language"); "" for itself
  // The field's values in a record, as the source gives them (derived fields compute them).
  std::vector<std::string> (*values)(const Document&) = nullptr;
  // Simple JSON fields: exactly one of these points at the Document member.
  std::string Document::*text = nullptr;
  std::vector<std::string> Document::*list = nullptr;
  // Query text may also name the field by this alias ("lang:" for "language:").
  std::string_view alias;

  bool is(FieldRole role) const { return (roles & role) != 0; }
};

// Every field, in the order pages show their rows.
std::span<const Field> fields();
// The field called `name` (or its alias), or nullptr.
const Field* find_field(std::string_view name);
// The names of the fields that have `role`, in registry order.
std::vector<std::string> field_names(FieldRole role);
bool has_role(std::string_view name, FieldRole role);
// The facet fields in the order search pages show them and the index stores them.
std::span<const Field* const> facet_fields();
// Position of facet `name` in facet_fields(), or -1.
int facet_position(std::string_view name);

// A record's languages, defined once: its original languages, then the languages of its
// texts, each once, in that order.
std::vector<std::string> record_languages(const Document& doc);

}  // namespace arkiv::model
