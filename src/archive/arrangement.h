// What the archive answers about authority records and the arrangement, in its own types
// (pages and the API use these; nothing above archive/ sees the catalog). See
// docs/authorities.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/authority.h"

namespace arkiv::archive {

struct AuthorityRef {
  std::string id;
  std::string name;
};

// An authority record with what its page shows beside it.
struct AuthorityView {
  model::Authority authority;
  std::vector<AuthorityRef> broader;   // subjects: the broader terms, named
  std::vector<AuthorityRef> narrower;  // subjects: the narrower terms
  std::vector<std::string> forms;      // the forms records use for it (the sources' own)
};

// A level of the arrangement in a table of contents: its units below, with counts.
struct UnitNode {
  model::Unit unit;
  std::int64_t documents = 0;  // placed in it or below it (visible to the caller)
  std::vector<UnitNode> children;
};

struct UnitEntry {
  std::string id;
  std::string title;
  std::string date;
  std::string number;  // as printed ("10"), or ""
};

// A collection or series page: the unit, where it sits, its tree, and its own records.
struct UnitView {
  model::Unit unit;
  std::vector<AuthorityRef> trail;  // the units above it, the collection first (id, title)
  UnitNode tree;                    // this unit and everything below it
  std::vector<UnitEntry> documents;  // placed directly in it, in its order
};

// Where a record sits: its primary place's trail (collection first, then series) and its
// neighbours there, for the breadcrumb and previous/next.
struct RecordPlace {
  std::vector<AuthorityRef> trail;  // units: collection, series..., the innermost last
  std::optional<UnitEntry> previous;
  std::optional<UnitEntry> next;
  std::string number;  // its number in that unit, or ""
};

struct NameToReview {
  std::string document_id;
  std::string field;
  std::string form;
  std::vector<AuthorityRef> candidates;
};

// `authority relink`: the records read, those whose links or placements changed (each saved
// as a revision), and the names left for review (ambiguous), as warnings naming the record.
struct RelinkReport {
  std::int64_t records = 0;
  std::int64_t changed = 0;
  std::vector<std::string> warnings;
};

// A merge: how many records' links moved.
struct MergeReport {
  std::string from;
  std::string into;
  std::int64_t records = 0;
};

}  // namespace arkiv::archive
