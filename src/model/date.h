// Historical dates as sources give them: the text kept verbatim, plus earliest/latest bounds at
// day precision ("1966" -> 1966-01-01..1966-12-31), how precise the source was, whether it is
// uncertain ("1966?") or approximate ("ca. 1966"), a time of day when it has one, and the
// date's EDTF form (ISO 8601-2). docs/dates.md defines the forms and how dates are searched.
// Plain values and pure functions: thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace arkiv::model {

enum class DatePrecision { kTime, kDay, kMonth, kSeason, kYear, kDecade, kCentury, kRange, kUnknown };

const char* precision_name(DatePrecision p);
// Also reads the retired name "circa" (as year; the caller sets `approximate`).
Result<DatePrecision> parse_precision(std::string_view name);

// A date display longer than this is an error for its record (naming the field and the size),
// not a date to read: no archival date form comes near it.
inline constexpr std::size_t kMaxDateDisplay = 500;
// kTooLarge "date.display: 70012 bytes, more than the 500 a date may have" past the bound.
Status check_display_size(std::string_view display);

// "ca. 1966" may lie this far either side of its nominal year (docs/dates.md, "Slack").
inline constexpr int kApproximateSlackYears = 2;

struct DateRange {
  std::string display;   // exactly as the source gives it ("4 March 1966", "[date]")
  std::string earliest;  // "YYYY-MM-DD"; empty when unknown or open ("before 1966")
  std::string latest;    // "YYYY-MM-DD"; empty when unknown or open ("after 1966")
  std::string time;      // "HH:MM" when the source gives a time of day (precision kTime)
  DatePrecision precision = DatePrecision::kUnknown;
  bool uncertain = false;    // "1966?", "[1966?]", "January 7, 1919(?)"
  bool approximate = false;  // "ca. 1966", "1966~": filed under the nominal bounds
  std::string edtf;          // "1966-03-04", "1966?", "196X", "1966-21", "../1965"; "" when unknown
  // Why a non-empty display could not be read ("" when it was read or is an undated form such
  // as "s.d."). Such a date is kept verbatim with unknown bounds and listed for review.
  std::string problem;

  bool known() const { return !earliest.empty() || !latest.empty(); }
  bool needs_review() const { return !problem.empty(); }
  int earliest_year() const;  // 0 when unknown or open
};

// Reads every form docs/dates.md lists: EDTF ("1966-03-04", "1966?", "196X", "1966-21",
// "1966/1967", "../1966"), prose ("4 March 1966", "March 3-5, 1966", "Spring 1966",
// "Winter 1966-1967", "early 1960s", "between 1965 and 1967", "after 1966", "ca. 1966"),
// FRUS datelines with a place and a time ("Washington, March 3, 1966, 10 p.m."), and the
// undated forms ("", "[undated]", "s.d.", "[n.d.]"). A form it cannot read, or an impossible
// day ("31 February 1966"), is not an error: the result keeps the display, has unknown bounds
// and says why in `problem`. The only error is a display longer than kMaxDateDisplay.
// Linear in the display's length, no recursion.
Result<DateRange> parse_date(std::string_view display);

// Reads an EDTF string (levels 0 and 1, and level 2's unspecified digits "19XX" and open
// intervals). An error names what was expected.
Result<DateRange> parse_edtf(std::string_view edtf, std::string_view display);

// Range from ISO bounds as TEI's @when/@from/@to give them (a year, year-month, full date, or
// a date with a time "1918-10-11T16:00:00", which gives precision kTime).
Result<DateRange> date_from_bounds(std::string_view display, std::string_view from, std::string_view to);

// As date_from_bounds, but a bound that is wrong ("1918-02-30") does not cost the record: the
// printed display is read instead, and if that cannot be read either, the date is kept with
// unknown bounds and the bound's problem. Errors only for a display over kMaxDateDisplay.
Result<DateRange> date_from_bounds_or_display(std::string_view display, std::string_view from, std::string_view to);

// A date spanning this many years or more, or an open range, is in no single year's or
// decade's facet bucket (docs/dates.md).
inline constexpr int kMaxFacetYears = 200;
// Every year ("1966") and decade ("1960s") the date's bounds overlap: the year and decade
// facets' values, by the same rule as a from/to filter in overlaps mode.
std::vector<std::string> years_overlapped(const DateRange& d);
std::vector<std::string> decades_overlapped(const DateRange& d);

// The EDTF form of a range's bounds, precision and flags ("" when unknown).
std::string to_edtf(const DateRange& d);

// True if "YYYY-MM-DD" names a real calendar day.
bool is_valid_iso_day(std::string_view s);
// True if "HH:MM" is a time of day.
bool is_valid_time(std::string_view s);

}  // namespace arkiv::model
