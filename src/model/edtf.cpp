// EDTF (ISO 8601-2, Extended Date/Time Format): levels 0 and 1, and from level 2 the
// unspecified digits of a decade or century ("196X", "19XX"). One pass over the text.
#include <cctype>
#include <string>

#include "base/strings.h"
#include "model/date.h"
#include "model/internal/calendar.h"

namespace arkiv::model {

namespace {

using calendar::iso;

struct EdtfDate {
  std::string earliest, latest, time;
  DatePrecision precision = DatePrecision::kUnknown;
  bool uncertain = false, approximate = false;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// n characters at `at` that are digits, or 'X' where `x_ok`; false past the end.
bool digits(std::string_view s, std::size_t at, std::size_t n, bool x_ok = false) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i) {
    if (!is_digit(s[i]) && !(x_ok && s[i] == 'X')) return false;
  }
  return true;
}

int number(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

Result<EdtfDate> one_date(std::string_view s) {
  EdtfDate out;
  auto bad = [&](const std::string& why) { return Error::invalid("EDTF '" + std::string(s) + "': " + why); };
  if (!s.empty() && (s.back() == '?' || s.back() == '~' || s.back() == '%')) {
    out.uncertain = s.back() != '~';
    out.approximate = s.back() != '?';
    s.remove_suffix(1);
  }
  if (!digits(s, 0, 4, true)) return bad("expected a four-digit year");
  // The year: digits, then only X ("196X", "19XX", "1XXX").
  std::size_t xs = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (s[i] == 'X') ++xs;
    else if (xs) return bad("unspecified digits (X) must end the year");
  }
  if (xs == 4) return bad("the year is wholly unspecified");
  std::size_t known = 4 - xs;
  int lo = number(s, 0, known), hi = lo;
  for (std::size_t i = 0; i < xs; ++i) lo *= 10, hi = hi * 10 + 9;
  if (hi < 1) return bad("year 0000 is not one of 0001-9999");  // latest before earliest otherwise
  if (lo < 1) lo = 1;
  if (s.size() == 4) {
    out.earliest = iso(lo, 1, 1), out.latest = iso(hi, 12, 31);
    out.precision = xs == 0 ? DatePrecision::kYear : xs == 1 ? DatePrecision::kDecade
                    : xs == 2 ? DatePrecision::kCentury : DatePrecision::kRange;
    return out;
  }
  if (xs) return bad("a year with unspecified digits cannot have a month");
  int y = lo;
  if (s[4] != '-' || !digits(s, 5, 2, true)) return bad("expected YYYY-MM");
  if (s.substr(5, 2) == "XX") {
    if (s.size() == 7 || (s.size() == 10 && s.substr(7) == "-XX")) {
      out.earliest = iso(y, 1, 1), out.latest = iso(y, 12, 31), out.precision = DatePrecision::kYear;
      return out;
    }
    return bad("after an unspecified month the day must be unspecified too");
  }
  if (s[5] == 'X' || s[6] == 'X') return bad("a month is two digits or XX");
  int m = number(s, 5, 2);
  if (m >= 21 && m <= 24 && s.size() == 7) {
    calendar::season_bounds(y, m, out.earliest, out.latest);
    out.precision = DatePrecision::kSeason;
    return out;
  }
  if (m < 1 || m > 12) return bad("month " + std::to_string(m) + " is not 01-12 (or 21-24 for a season)");
  if (s.size() == 7) {
    out.earliest = iso(y, m, 1), out.latest = iso(y, m, calendar::days_in_month(y, m));
    out.precision = DatePrecision::kMonth;
    return out;
  }
  if (s[7] != '-' || !digits(s, 8, 2, true)) return bad("expected YYYY-MM-DD");
  if (s.substr(8, 2) == "XX") {
    if (s.size() != 10) return bad("an unspecified day cannot have a time");
    out.earliest = iso(y, m, 1), out.latest = iso(y, m, calendar::days_in_month(y, m));
    out.precision = DatePrecision::kMonth;
    return out;
  }
  if (s[8] == 'X' || s[9] == 'X') return bad("a day is two digits or XX");
  int d = number(s, 8, 2);
  if (d < 1 || d > calendar::days_in_month(y, m)) {
    return bad("not a real day (" + std::to_string(calendar::days_in_month(y, m)) + " days in that month)");
  }
  out.earliest = out.latest = iso(y, m, d);
  out.precision = DatePrecision::kDay;
  if (s.size() == 10) return out;
  // Time: THH:MM[:SS][Z|+HH[:MM]|-HH[:MM]]
  if (s[10] != 'T' || !digits(s, 11, 2) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2)) {
    return bad("expected a time as THH:MM:SS");
  }
  std::string hm(s.substr(11, 5));
  if (!is_valid_time(hm)) return bad("not a time of day");
  std::size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, i + 1, 2)) return bad("expected seconds as :SS");
    i += 3;
  }
  if (i < s.size() && s[i] == 'Z') ++i;
  else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (!digits(s, i + 1, 2)) return bad("expected a time zone as +HH or +HH:MM");
    i += 3;
    if (i < s.size() && s[i] == ':') {
      if (!digits(s, i + 1, 2)) return bad("expected a time zone as +HH:MM");
      i += 3;
    }
  }
  if (i != s.size()) return bad("unexpected text after the time");
  out.time = hm;
  out.precision = DatePrecision::kTime;
  return out;
}

}  // namespace

Result<DateRange> parse_edtf(std::string_view edtf_in, std::string_view display) {
  std::string_view edtf = trim(edtf_in);
  if (edtf.size() > 64) return Error::invalid("EDTF: longer than 64 characters");
  DateRange r;
  r.display = std::string(display);
  r.edtf = std::string(edtf);
  std::size_t slash = edtf.find('/');
  if (slash == std::string_view::npos) {
    auto d = one_date(edtf);
    if (!d) return d.error();
    r.earliest = d->earliest, r.latest = d->latest, r.time = d->time;
    r.precision = d->precision;
    r.uncertain = d->uncertain, r.approximate = d->approximate;
    return r;
  }
  std::string_view a = edtf.substr(0, slash), b = edtf.substr(slash + 1);
  if (b.find('/') != std::string_view::npos) return Error::invalid("EDTF '" + std::string(edtf) + "': more than one '/'");
  bool open_a = a.empty() || a == "..", open_b = b.empty() || b == "..";
  if (open_a && open_b) return Error::invalid("EDTF '" + std::string(edtf) + "': both ends of the interval are open");
  r.precision = DatePrecision::kRange;
  if (!open_a) {
    auto d = one_date(a);
    if (!d) return d.error();
    r.earliest = d->earliest;
    r.uncertain |= d->uncertain, r.approximate |= d->approximate;
  }
  if (!open_b) {
    auto d = one_date(b);
    if (!d) return d.error();
    r.latest = d->latest;
    r.uncertain |= d->uncertain, r.approximate |= d->approximate;
  }
  if (!open_a && !open_b && r.latest < r.earliest) {
    return Error::invalid("EDTF '" + std::string(edtf) + "': the interval ends before it starts");
  }
  return r;
}

}  // namespace arkiv::model
