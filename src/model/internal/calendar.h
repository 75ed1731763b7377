// Calendar arithmetic and the pieces of a date shared by the date parsers (date.cpp, edtf.cpp,
// date_prose.cpp): private to model/. Pure functions: thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "model/date.h"

namespace arkiv::model::calendar {

bool is_leap(int y);
int days_in_month(int y, int m);  // m in 1..12
std::string iso(int y, int m, int d);
std::string day_before(std::string_view iso_day);  // "1966-01-01" -> "1965-12-31"
std::string day_after(std::string_view iso_day);

// 1..12 for an English, French, German, Spanish or Italian month name or its abbreviation
// ("Mar", "Sept.", "mars", "März"), 0 otherwise. `word` is lower case.
int month_number(std::string_view word);
// 21 spring, 22 summer, 23 autumn, 24 winter (EDTF season codes), 0 otherwise.
int season_code(std::string_view word);
// Bounds of an EDTF season (21..24) of year y: winter is December y to February y+1.
void season_bounds(int y, int code, std::string& earliest, std::string& latest);

// A range with the given bounds and precision; problem set (and bounds cleared) when a bound
// is not a real day or the range ends before it starts.
DateRange make_range(std::string_view display, std::string earliest, std::string latest, DatePrecision p);
// A day, or a range with the problem set when y-m-d is not a real day ("31 February 1966").
DateRange make_day(std::string_view display, int y, int m, int d);

// The display kept verbatim with unknown bounds, and why it could not be read.
DateRange unread(std::string_view display, std::string problem);

}  // namespace arkiv::model::calendar
