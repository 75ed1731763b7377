// The index's term prefixes and value slots, in one place (docs/index-terms.md explains them).
// Private to the index module.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace arkiv::index::scheme {

// Bumped when terms or values change meaning; an index with another version is rebuilt.
constexpr const char* kVersion = "3";  // 2: one value slot for every facet; 3: Albanian stems, titles stemmed in the record's languages too

constexpr const char* kId = "Q";            // Q<id>: one per record
constexpr const char* kTitle = "S";         // title words (positional)
constexpr const char* kExact = "XE";        // XE<lower-case word with diacritics>
constexpr const char* kHasAccented = "XD";  // XD<folded word>: the record has an accented form
constexpr const char* kLanguage = "L";      // L<code>: original or content language
constexpr const char* kYear = "Y";          // Y<yyyy> of the earliest date
constexpr const char* kDecade = "XDC";      // XDC<yyy0>
constexpr const char* kType = "XTY";
constexpr const char* kState = "XST";

// Name-like fields have an exact term for facet filters and word terms for field queries.
struct NameField {
  const char* name;   // facet / query field name
  const char* exact;  // prefix + folded full value
  const char* word;   // prefix + folded word of the value
};
constexpr NameField kNameFields[] = {
    {"collection", "XCO", "XCOW"}, {"subject", "XSU", "XSUW"}, {"place", "XPL", "XPLW"},
    {"person", "XPE", "XPEW"},     {"organization", "XOR", "XORW"},
};

constexpr Xapian::valueno kSlotEarliest = 0;  // "YYYY-MM-DD"
constexpr Xapian::valueno kSlotLatest = 1;
// Every facet's values in one slot, so counting facets reads one value per match, not one per
// facet: the fields in facet_fields() order separated by kFieldSep, each field's values joined
// by kSep.
constexpr Xapian::valueno kSlotFacets = 2;
constexpr char kSep = '\x1f';
constexpr char kFieldSep = '\x1e';
constexpr std::size_t kFacetCount = 9;  // facet_fields(): language, year, decade, ..., type

// Calls fn(field position, value) for every value in a facet slot.
template <typename Fn>
void for_each_facet_value(std::string_view slot, Fn&& fn) {
  for (std::size_t f = 0; f < kFacetCount; ++f) {
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
