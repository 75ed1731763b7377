// The index's term prefixes and value slots, in one place (docs/index-terms.md explains them).
// Private to the index module.
#pragma once

#include <xapian.h>

#include <string>

namespace arkiv::index::scheme {

// Bumped when terms or values change meaning; an index with another version is rebuilt.
constexpr const char* kVersion = "1";

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
  Xapian::valueno slot;
};
constexpr NameField kNameFields[] = {
    {"collection", "XCO", "XCOW", 5}, {"subject", "XSU", "XSUW", 6}, {"place", "XPL", "XPLW", 7},
    {"person", "XPE", "XPEW", 8},     {"organization", "XOR", "XORW", 9},
};

constexpr Xapian::valueno kSlotEarliest = 0;  // "YYYY-MM-DD"
constexpr Xapian::valueno kSlotLatest = 1;
constexpr Xapian::valueno kSlotLanguage = 2;  // facet values joined by kSep
constexpr Xapian::valueno kSlotYear = 3;
constexpr Xapian::valueno kSlotDecade = 4;
constexpr Xapian::valueno kSlotType = 10;
constexpr char kSep = '\x1f';

constexpr const char* kMetaSeq = "arkiv:applied_seq";
constexpr const char* kMetaCatalog = "arkiv:catalog_uuid";
constexpr const char* kMetaScheme = "arkiv:term_scheme";

}  // namespace arkiv::index::scheme
