// Every record's facet values held in memory, for readers that answer many searches (the
// server). Counting facets from Xapian's value slot costs a value read and a hash lookup per
// value for each of up to 10,000 matches (about 8 ms of a 10 ms search at 100k records); from
// this table it is array indexing. It is what Lucene calls doc values, built here by one pass
// over the facet slot's value stream, per index revision, and shared by every reader of that
// revision in the process. Private to the index module. Immutable, so thread-safe.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "index/internal/term_scheme.h"

namespace arkiv::index {

class FacetTable {
 public:
  // The table for `db` as it is now: shared with the readers of the same revision that hold
  // one, else built.
  static std::shared_ptr<const FacetTable> for_database(const Xapian::Database& db);
  static std::shared_ptr<const FacetTable> build(const Xapian::Database& db);

  Xapian::rev revision() const { return revision_; }
  const std::string& uuid() const { return uuid_; }
  // Value ids of field `f` of document `did` ([begin, end) of ids()); none past the table.
  const std::uint32_t* begin(std::size_t f, Xapian::docid did) const {
    return did < fields_[f].starts.size() - 1 ? fields_[f].ids.data() + fields_[f].starts[did] : nullptr;
  }
  const std::uint32_t* end(std::size_t f, Xapian::docid did) const {
    return did < fields_[f].starts.size() - 1 ? fields_[f].ids.data() + fields_[f].starts[did + 1] : nullptr;
  }
  std::size_t value_count(std::size_t f) const { return fields_[f].names.size(); }
  const std::string& name(std::size_t f, std::uint32_t id) const { return fields_[f].names[id]; }
  Xapian::docid last_docid() const { return static_cast<Xapian::docid>(fields_[0].starts.size() - 2); }

 private:
  struct Field {
    std::vector<std::string> names;     // value id -> value
    std::vector<std::uint32_t> starts;  // docid -> first index in ids; size last docid + 2
    std::vector<std::uint32_t> ids;
  };
  std::vector<Field> fields_ = std::vector<Field>(scheme::facet_count());  // in the slot's order
  Xapian::rev revision_ = 0;
  std::string uuid_;
};

}  // namespace arkiv::index
