// How a record's date is indexed and how date filters query it: one rule for from/to, year
// and decade filters, the year/decade facets and sorting (docs/dates.md). Private to index/.
// Pure functions: thread-safe.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "index/search_index.h"
#include "model/date.h"

namespace arkiv::index {

struct DateKeys {
  bool undated = true;
  std::string earliest, latest;             // value slots: open ends as "0000-00-00" / "9999-99-99"
  std::string within_earliest, within_latest;  // the same, widened by the slack when approximate
  std::string sort_ascending, sort_descending;  // undated last in both directions; then the time
};

DateKeys date_keys(const model::DateRange& d);

// The records whose date is in [from, to] ("YYYY-MM-DD", either may be empty) under `mode`.
Xapian::Query date_range_query(const std::string& from, const std::string& to, DateMode mode);

}  // namespace arkiv::index
