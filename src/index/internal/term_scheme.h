// The index's term prefixes and value slots, in one place (docs/index-terms.md explains them).
// Private to the index module.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "model/fields.h"

namespace arkiv::index::scheme {

// The index's format version: its own number plus the facet fields in slot order, so an index
// written before a change to the registry's facets (model/fields.h) is rebuilt at open.
// 3: facets and prefixes from the field registry; 4: position breaks at gaps; 5: Albanian
// stems, titles also stemmed in the record's languages; 6: dates overlap years and decades,
// the date slots 3-6 and XDATED/XUNDATED (docs/dates.md); 7: the lifecycle (XPUB, XVIS:,
// slot 7), so readers' searches leave out what they may not see; 8: words in scripts other
// than Latin also under their Latin-ASCII form (text/transliterate.h), in runs of their own;
// 9: authority links (a linked value also filed under its authority's id; field-query words
// as free text splits them, and of every name of the authority), XAR unit terms, the
// collection-order slot 8.
const std::string& version();  // "9:language,decade,year,..."

constexpr const char* kId = "Q";            // Q<id>: one per record
constexpr const char* kExact = "XE";        // XE<lower-case word with diacritics>
constexpr const char* kHasAccented = "XD";  // XD<folded word>: the record has an accented form
constexpr const char* kDated = "XDATED";      // the record has a date with bounds
constexpr const char* kUndated = "XUNDATED";  // the record's date has no bounds
constexpr const char* kPublication = "XPUB";        // XPUB<draft|review|published|withdrawn>
constexpr const char* kVisible = "XVIS:public";     // published, no embargo: every reader sees it
constexpr const char* kEmbargoed = "XVIS:embargo";  // published, hidden until the day in kSlotEmbargo
constexpr const char* kUnit = "XAR";  // + a unit id the record is placed in (collection, series)
// Every other prefix belongs to a field and is defined in the registry (model/fields.h):
// Field::exact_prefix (filters, facet queries) and Field::word_prefix (field queries).

// Xapian refuses terms over 245 bytes; long values (a chapter heading used as a subject) are
// cut at a UTF-8 boundary, the same way when indexing and when querying.
std::string term(std::string_view prefix, std::string_view value);
// A field's exact term for `value`, normalised by the field's kind (a language name becomes
// its code, names are folded...); "" when the field has no exact terms.
std::string exact_term(const model::Field& field, std::string_view value);

constexpr Xapian::valueno kSlotEarliest = 0;  // "YYYY-MM-DD"; open start "0000-00-00"
constexpr Xapian::valueno kSlotLatest = 1;    // open end "9999-99-99"
constexpr Xapian::valueno kSlotWithinEarliest = 3;  // bounds widened by an approximate date's slack
constexpr Xapian::valueno kSlotWithinLatest = 4;
constexpr Xapian::valueno kSlotSortAscending = 5;   // "YYYY-MM-DD[THH:MM]"; undated "\xff"
constexpr Xapian::valueno kSlotSortDescending = 6;  // the same; undated ""
constexpr Xapian::valueno kSlotCollectionOrder = 8;  // collection id, position (12 digits), date sort key
constexpr Xapian::valueno kSlotEmbargo = 7;         // "YYYY-MM-DD": the day an embargoed record appears
// Every facet's values in one slot, so counting facets reads one value per match, not one per
// facet: the fields in model::facet_fields() order separated by kFieldSep, each field's values
// joined by kSep.
constexpr Xapian::valueno kSlotFacets = 2;
constexpr char kSep = '\x1f';
constexpr char kFieldSep = '\x1e';
inline std::size_t facet_count() { return model::facet_fields().size(); }

// Calls fn(field position, value) for every value in a facet slot.
template <typename Fn>
void for_each_facet_value(std::string_view slot, Fn&& fn) {
  const std::size_t count = facet_count();
  for (std::size_t f = 0; f < count; ++f) {
    std::size_t field_end = slot.find(kFieldSep);
    std::string_view values = slot.substr(0, field_end);
    while (!values.empty()) {
      std::size_t end = values.find(kSep);
      fn(f, values.substr(0, end));
      if (end == std::string_view::npos) break;
      values.remove_prefix(end + 1);
    }
    if (field_end == std::string_view::npos) break;
    slot.remove_prefix(field_end + 1);
  }
}

constexpr const char* kMetaSeq = "arkiv:applied_seq";
constexpr const char* kMetaCatalog = "arkiv:catalog_uuid";
constexpr const char* kMetaScheme = "arkiv:term_scheme";

}  // namespace arkiv::index::scheme
