// Historical dates as sources give them: the text kept verbatim, plus earliest/latest bounds
// at day precision ("1966" -> 1966-01-01..1966-12-31) and how precise the source was.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace arkiv::model {

enum class DatePrecision { kDay, kMonth, kYear, kDecade, kCirca, kRange, kUnknown };

const char* precision_name(DatePrecision p);
Result<DatePrecision> parse_precision(std::string_view name);

struct DateRange {
  std::string display;   // exactly as the source gives it ("4 March 1966", "[date]")
  std::string earliest;  // "YYYY-MM-DD", empty when unknown
  std::string latest;    // "YYYY-MM-DD", empty when unknown
  DatePrecision precision = DatePrecision::kUnknown;

  bool known() const { return !earliest.empty(); }
  int earliest_year() const;  // 0 when unknown
};

// Parses the forms archives use: "1966", "1966-03", "1966-03-04", "1918-10-11T16:00:00",
// "March 1966", "4 March 1966", "March 4, 1966", "ca. 1966", "1960s", "1917-1918",
// "[1966]", and the unknown forms "", "[date]", "undated", "n.d.". Impossible dates
// ("31 February 1966") are errors naming what was expected.
Result<DateRange> parse_date(std::string_view display);

// Day-precision range from ISO bounds (either may be a year, year-month or full date).
Result<DateRange> date_from_bounds(std::string_view display, std::string_view from, std::string_view to);

// True if "YYYY-MM-DD" names a real calendar day.
bool is_valid_iso_day(std::string_view s);

}  // namespace arkiv::model
