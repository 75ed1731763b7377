// Counts facet values over a search's matches: a match spy on the Enquire that reads each
// match's facet slot, or, for readers that keep one, looks its values up in the in-memory
// FacetTable. Then orders each facet's values (by count, or by value for years) and keeps the
// first `limit`. Private to the index module. One per search.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "index/internal/facet_table.h"
#include "index/search_index.h"

namespace arkiv::index {

class FacetSpy;
class TableFacetSpy;

class FacetCounter {
 public:
  // Errors: a facet name that is not a facet field (kInvalidInput). `mode`: the query's date
  // mode; under kWithin the year and decade facets count a record only in the year (decade) that
  // holds its whole date, as the year and decade filters find it.
  static Result<std::unique_ptr<FacetCounter>> create(const std::vector<std::string>& facets, std::shared_ptr<const FacetTable> table,
                                                      DateMode mode = DateMode::kOverlaps);
  ~FacetCounter();

  bool empty() const { return positions_.empty(); }
  // Attaches the spy; the enquire must not outlive this counter.
  void attach(Xapian::Enquire& enquire);
  // The counts, sorted, at most `limit` values per facet (years and decades: all of them).
  std::vector<Facet> facets(int limit) const;

 private:
  FacetCounter() = default;
  std::vector<std::string> names_;
  std::vector<int> positions_;  // each requested facet's place in the slot
  std::shared_ptr<const FacetTable> table_;
  std::unique_ptr<FacetSpy> spy_;
  std::unique_ptr<TableFacetSpy> table_spy_;
};

}  // namespace arkiv::index
