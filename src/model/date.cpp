#include "model/date.h"

#include <array>
#include <cctype>
#include <cstdio>

#include "base/strings.h"
#include "model/internal/calendar.h"

namespace arkiv::model {

namespace calendar {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

std::string iso(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

namespace {

bool split_iso(std::string_view s, int& y, int& m, int& d) {
  if (!is_valid_iso_day(s)) return false;
  y = std::stoi(std::string(s.substr(0, 4)));
  m = std::stoi(std::string(s.substr(5, 2)));
  d = std::stoi(std::string(s.substr(8, 2)));
  return true;
}

struct MonthName {
  const char* name;
  int month;
  std::size_t min_prefix;  // shortest abbreviation accepted (the full name when 0)
};
// English first; other languages' names as archives in Europe write them. Lower case UTF-8.
constexpr MonthName kMonthNames[] = {
    {"january", 1, 3}, {"february", 2, 3}, {"march", 3, 3}, {"april", 4, 3}, {"may", 5, 3},
    {"june", 6, 3}, {"july", 7, 3}, {"august", 8, 3}, {"september", 9, 3}, {"october", 10, 3},
    {"november", 11, 3}, {"december", 12, 3},
    {"janvier", 1, 4}, {"février", 2, 4}, {"fevrier", 2, 4}, {"mars", 3, 0}, {"avril", 4, 3},
    {"mai", 5, 0}, {"juin", 6, 0}, {"juillet", 7, 5}, {"août", 8, 0}, {"aout", 8, 0},
    {"septembre", 9, 0}, {"octobre", 10, 3}, {"novembre", 11, 0}, {"décembre", 12, 3},
    {"januar", 1, 0}, {"februar", 2, 0}, {"märz", 3, 0}, {"maerz", 3, 0}, {"juni", 6, 0},
    {"juli", 7, 0}, {"oktober", 10, 0}, {"dezember", 12, 3},
    {"enero", 1, 0}, {"febrero", 2, 0}, {"marzo", 3, 0}, {"abril", 4, 0}, {"mayo", 5, 0},
    {"junio", 6, 0}, {"julio", 7, 0}, {"agosto", 8, 0}, {"septiembre", 9, 0},
    {"setiembre", 9, 0}, {"octubre", 10, 0}, {"noviembre", 11, 0}, {"diciembre", 12, 3},
    {"gennaio", 1, 0}, {"febbraio", 2, 0}, {"aprile", 4, 0}, {"maggio", 5, 0},
    {"giugno", 6, 0}, {"luglio", 7, 0}, {"settembre", 9, 0}, {"ottobre", 10, 0},
    {"dicembre", 12, 0},
};

}  // namespace

std::string day_before(std::string_view s) {
  int y, m, d;
  if (!split_iso(s, y, m, d)) return "";
  if (--d == 0) {
    if (--m == 0) m = 12, --y;
    d = days_in_month(y, m);
  }
  return y < 1 ? "" : iso(y, m, d);
}

std::string day_after(std::string_view s) {
  int y, m, d;
  if (!split_iso(s, y, m, d)) return "";
  if (++d > days_in_month(y, m)) {
    d = 1;
    if (++m == 13) m = 1, ++y;
  }
  return y > 9999 ? "" : iso(y, m, d);
}

int month_number(std::string_view word) {
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  if (word == "sept") return 9;
  for (const MonthName& n : kMonthNames) {
    std::string_view name = n.name;
    if (word == name) return n.month;
    if (n.min_prefix && word.size() >= n.min_prefix && word.size() < name.size() &&
        name.substr(0, word.size()) == word) {
      return n.month;
    }
  }
  return 0;
}

int season_code(std::string_view w) {
  if (w == "spring") return 21;
  if (w == "summer") return 22;
  if (w == "autumn" || w == "fall") return 23;
  if (w == "winter") return 24;
  return 0;
}

void season_bounds(int y, int code, std::string& earliest, std::string& latest) {
  switch (code) {
    case 21: earliest = iso(y, 3, 1), latest = iso(y, 5, 31); break;
    case 22: earliest = iso(y, 6, 1), latest = iso(y, 8, 31); break;
    case 23: earliest = iso(y, 9, 1), latest = iso(y, 11, 30); break;
    default: earliest = iso(y, 12, 1), latest = iso(y + 1, 2, days_in_month(y + 1, 2)); break;
  }
}

DateRange unread(std::string_view display, std::string problem) {
  DateRange r;
  r.display = std::string(display);
  r.problem = std::move(problem);
  return r;
}

DateRange make_range(std::string_view display, std::string earliest, std::string latest, DatePrecision p) {
  if ((!earliest.empty() && !is_valid_iso_day(earliest)) || (!latest.empty() && !is_valid_iso_day(latest))) {
    return unread(display, "not a real day");
  }
  if (!earliest.empty() && !latest.empty() && latest < earliest) {
    return unread(display, "the range ends (" + latest + ") before it starts (" + earliest + ")");
  }
  DateRange r;
  r.display = std::string(display);
  r.earliest = std::move(earliest);
  r.latest = std::move(latest);
  r.precision = p;
  return r;
}

DateRange make_day(std::string_view display, int y, int m, int d) {
  static const std::array<const char*, 12> kNames = {"January", "February", "March", "April", "May", "June", "July",
                                                     "August", "September", "October", "November", "December"};
  if (y < 1 || y > 9999) return unread(display, "year " + std::to_string(y) + " is not 1-9999");
  if (m < 1 || m > 12) return unread(display, "month " + std::to_string(m) + " is not 1-12");
  if (d < 1 || d > days_in_month(y, m)) {
    return unread(display, std::string(kNames[m - 1]) + " " + std::to_string(y) + " has " +
                               std::to_string(days_in_month(y, m)) + " days, not " + std::to_string(d));
  }
  return make_range(display, iso(y, m, d), iso(y, m, d), DatePrecision::kDay);
}

}  // namespace calendar

namespace {

constexpr DatePrecision kAllPrecisions[] = {
    DatePrecision::kTime,   DatePrecision::kDay,     DatePrecision::kMonth,
    DatePrecision::kSeason, DatePrecision::kYear,    DatePrecision::kDecade,
    DatePrecision::kCentury, DatePrecision::kRange,  DatePrecision::kUnknown};

char qualifier(const DateRange& d) {
  if (d.uncertain && d.approximate) return '%';
  if (d.approximate) return '~';
  if (d.uncertain) return '?';
  return 0;
}

// The shortest EDTF form of one bound: a year if it is a whole year's edge, a month if a whole
// month's, else the day.
std::string edtf_bound(const std::string& day, bool end) {
  if (day.empty()) return "..";
  int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2)), d = std::stoi(day.substr(8, 2));
  if (!end && m == 1 && d == 1) return day.substr(0, 4);
  if (end && m == 12 && d == 31) return day.substr(0, 4);
  if (!end && d == 1) return day.substr(0, 7);
  if (end && d == calendar::days_in_month(y, m)) return day.substr(0, 7);
  return day;
}

}  // namespace

const char* precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::kTime: return "time";
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kSeason: return "season";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kDecade: return "decade";
    case DatePrecision::kCentury: return "century";
    case DatePrecision::kRange: return "range";
    case DatePrecision::kUnknown: return "unknown";
  }
  return "unknown";
}

Result<DatePrecision> parse_precision(std::string_view name) {
  for (DatePrecision p : kAllPrecisions) {
    if (name == precision_name(p)) return p;
  }
  if (name == "circa") return DatePrecision::kYear;
  return Error::invalid("precision '" + std::string(name) +
                        "': expected time, day, month, season, year, decade, century, range or unknown");
}

Status check_display_size(std::string_view display) {
  if (display.size() <= kMaxDateDisplay) return Status::success();
  return Error::too_large("date.display: " + std::to_string(display.size()) + " bytes, more than the " +
                          std::to_string(kMaxDateDisplay) + " a date may have");
}

int DateRange::earliest_year() const {
  return earliest.size() >= 4 ? std::stoi(earliest.substr(0, 4)) : 0;
}

bool is_valid_iso_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = std::stoi(std::string(s.substr(5, 2)));
  int d = std::stoi(std::string(s.substr(8, 2)));
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= calendar::days_in_month(y, m);
}

namespace {

bool year_span(const DateRange& d, int& a, int& b) {
  if (d.earliest.empty() || d.latest.empty()) return false;
  a = std::stoi(d.earliest.substr(0, 4)), b = std::stoi(d.latest.substr(0, 4));
  return b - a < kMaxFacetYears;
}

}  // namespace

std::vector<std::string> years_overlapped(const DateRange& d) {
  std::vector<std::string> out;
  int a, b;
  if (!year_span(d, a, b)) return out;
  for (int y = a; y <= b; ++y) out.push_back(std::to_string(y));
  return out;
}

std::vector<std::string> decades_overlapped(const DateRange& d) {
  std::vector<std::string> out;
  int a, b;
  if (!year_span(d, a, b)) return out;
  for (int dec = a / 10 * 10; dec <= b; dec += 10) out.push_back(std::to_string(dec) + "s");
  return out;
}

bool is_valid_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (std::size_t i : {0, 1, 3, 4}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return (s[0] - '0') * 10 + (s[1] - '0') < 24 && (s[3] - '0') * 10 + (s[4] - '0') < 60;
}

std::string to_edtf(const DateRange& d) {
  if (!d.known()) return "";
  std::string q;
  if (char c = qualifier(d)) q = std::string(1, c);
  const std::string& e = d.earliest;
  switch (d.precision) {
    case DatePrecision::kTime:
      if (!d.time.empty() && e == d.latest) return e + "T" + d.time + ":00" + q;
      break;
    case DatePrecision::kDay:
      if (e == d.latest) return e + q;
      break;
    case DatePrecision::kMonth:
      if (!e.empty() && e.substr(0, 7) == d.latest.substr(0, 7)) return e.substr(0, 7) + q;
      break;
    case DatePrecision::kSeason: {
      if (e.empty()) break;
      int code = 0;
      std::string m = e.substr(5, 2);
      code = m == "03" ? 21 : m == "06" ? 22 : m == "09" ? 23 : m == "12" ? 24 : 0;
      if (code) return e.substr(0, 4) + "-" + std::to_string(code) + q;
      break;
    }
    case DatePrecision::kYear:
      if (!e.empty() && e.substr(0, 4) == d.latest.substr(0, 4)) return e.substr(0, 4) + q;
      break;
    case DatePrecision::kDecade:
      if (!e.empty() && e.substr(0, 3) == d.latest.substr(0, 3)) return e.substr(0, 3) + "X" + q;
      break;
    case DatePrecision::kCentury:
      if (!e.empty() && e.substr(0, 2) == d.latest.substr(0, 2)) return e.substr(0, 2) + "XX" + q;
      break;
    default: break;
  }
  std::string a = edtf_bound(d.earliest, false), b = edtf_bound(d.latest, true);
  return (a == ".." ? a : a + q) + "/" + (b == ".." ? b : b + q);
}

namespace {

// Parses an ISO-like bound ("1966", "1966-03", "1966-03-04", with an optional time part).
// `end` picks the last day of a partial date instead of the first; `time` gets "HH:MM".
Result<std::string> iso_bound(std::string_view s_in, bool end, std::string* time) {
  std::string s(trim(s_in));
  auto bad = [&] { return Error::invalid("date bound '" + s + "': expected YYYY, YYYY-MM or YYYY-MM-DD"); };
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  };
  if (!digits(0, 4)) return bad();
  int y = std::stoi(s.substr(0, 4));
  if (s.size() == 4) return calendar::iso(y, end ? 12 : 1, end ? 31 : 1);
  if (s[4] != '-' || !digits(5, 2)) return bad();
  int mo = std::stoi(s.substr(5, 2));
  if (mo < 1 || mo > 12) return Error::invalid("date bound '" + s + "': month is not 1-12");
  if (s.size() == 7) return calendar::iso(y, mo, end ? calendar::days_in_month(y, mo) : 1);
  if (s[7] != '-' || !digits(8, 2)) return bad();
  std::string day = s.substr(0, 10);
  if (!is_valid_iso_day(day)) return Error::invalid("date bound '" + s + "': not a real day");
  if (s.size() == 10) return day;
  if ((s[10] != 'T' && s[10] != 't') || !digits(11, 2) || s.size() < 16 || s[13] != ':' || !digits(14, 2)) return bad();
  std::string hm = s.substr(11, 5);
  if (!is_valid_time(hm)) return Error::invalid("date bound '" + s + "': not a time of day");
  for (char c : s.substr(16)) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.' && c != '+' && c != '-' && c != 'Z') return bad();
  }
  if (time) *time = hm;
  return day;
}

}  // namespace

Result<DateRange> date_from_bounds(std::string_view display, std::string_view from, std::string_view to) {
  if (Status s = check_display_size(display); !s) return s.error();
  std::string time_a, time_b;
  auto a = iso_bound(from, false, &time_a);
  if (!a) return a.error();
  auto b = iso_bound(to.empty() ? from : to, true, &time_b);
  if (!b) return b.error();
  if (*b < *a) {
    return Error::invalid("date '" + std::string(display) + "': " + std::string(to) + " is before " + std::string(from));
  }
  DateRange r{std::string(display), *a, *b};
  r.precision = DatePrecision::kRange;
  std::string_view f = trim(from);
  if (to.empty() || trim(to) == f) {
    r.precision = f.size() == 4 ? DatePrecision::kYear : f.size() == 7 ? DatePrecision::kMonth : DatePrecision::kDay;
    if (!time_a.empty()) r.precision = DatePrecision::kTime, r.time = time_a;
  }
  r.edtf = to_edtf(r);
  return r;
}

Result<DateRange> date_from_bounds_or_display(std::string_view display, std::string_view from, std::string_view to) {
  if (from.empty() && to.empty()) return parse_date(display);
  auto r = date_from_bounds(display, from, to);
  if (r || r.error().code() == ErrorCode::kTooLarge) return r;
  auto printed = parse_date(display);
  if (!printed || printed->known() || !printed->problem.empty()) {
    if (printed && !printed->known()) printed->problem = r.error().message();
    return printed;
  }
  return calendar::unread(trim(display), r.error().message());
}

}  // namespace arkiv::model
