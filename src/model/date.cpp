#include "model/date.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <regex>

#include "base/strings.h"

namespace arkiv::model {

namespace {

// "ca. 1966" spans this many years either side.
constexpr int kCircaYears = 2;

const std::array<const char*, 12> kMonths = {"january", "february", "march",     "april",
                                             "may",     "june",     "july",      "august",
                                             "september", "october", "november", "december"};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

std::string iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// 1..12 for a month name or its abbreviation ("Mar", "Sept."), 0 otherwise.
int month_number(std::string_view word) {
  std::string w = to_lower_ascii(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    std::string_view name = kMonths[i];
    if (w == name || (w.size() <= name.size() && name.substr(0, w.size()) == w)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

Result<DateRange> make_day(std::string_view display, int y, int m, int d) {
  if (m < 1 || m > 12) {
    return Error::invalid("date '" + std::string(display) + "': month " + std::to_string(m) +
                          " is not 1-12");
  }
  if (d < 1 || d > days_in_month(y, m)) {
    return Error::invalid("date '" + std::string(display) + "': " + kMonths[m - 1] + " " +
                          std::to_string(y) + " has " + std::to_string(days_in_month(y, m)) +
                          " days, not " + std::to_string(d));
  }
  return DateRange{std::string(display), iso(y, m, d), iso(y, m, d), DatePrecision::kDay};
}

Result<DateRange> make_month(std::string_view display, int y, int m) {
  if (m < 1 || m > 12) {
    return Error::invalid("date '" + std::string(display) + "': month " + std::to_string(m) +
                          " is not 1-12");
  }
  return DateRange{std::string(display), iso(y, m, 1), iso(y, m, days_in_month(y, m)),
                   DatePrecision::kMonth};
}

DateRange make_year(std::string_view display, int y) {
  return {std::string(display), iso(y, 1, 1), iso(y, 12, 31), DatePrecision::kYear};
}

// Parses an ISO-like bound ("1966", "1966-03", "1966-03-04", with an optional time part).
// `end` picks the last day of a partial date instead of the first.
Result<std::string> iso_bound(std::string_view s, bool end) {
  static const std::regex re(R"((\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[0-9:.+\-Z]*)?)");
  std::cmatch m;
  std::string str(trim(s));
  if (!std::regex_match(str.c_str(), m, re)) {
    return Error::invalid("date bound '" + str + "': expected YYYY, YYYY-MM or YYYY-MM-DD");
  }
  int y = std::stoi(m[1]);
  if (!m[2].matched) return iso(y, end ? 12 : 1, end ? 31 : 1);
  int mo = std::stoi(m[2]);
  if (mo < 1 || mo > 12) return Error::invalid("date bound '" + str + "': month is not 1-12");
  if (!m[3].matched) return iso(y, mo, end ? days_in_month(y, mo) : 1);
  auto r = make_day(str, y, mo, std::stoi(m[3]));
  if (!r) return r.error();
  return r->earliest;
}

}  // namespace

const char* precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kDecade: return "decade";
    case DatePrecision::kCirca: return "circa";
    case DatePrecision::kRange: return "range";
    case DatePrecision::kUnknown: return "unknown";
  }
  return "unknown";
}

Result<DatePrecision> parse_precision(std::string_view name) {
  for (auto p : {DatePrecision::kDay, DatePrecision::kMonth, DatePrecision::kYear,
                 DatePrecision::kDecade, DatePrecision::kCirca, DatePrecision::kRange,
                 DatePrecision::kUnknown}) {
    if (name == precision_name(p)) return p;
  }
  return Error::invalid("precision '" + std::string(name) +
                        "': expected day, month, year, decade, circa, range or unknown");
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
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

Result<DateRange> parse_date(std::string_view display_in) {
  std::string display(trim(display_in));
  std::string s = collapse_spaces(display);
  std::string lower = to_lower_ascii(s);
  DateRange unknown{display, "", "", DatePrecision::kUnknown};
  // "[date]" and the like, followed by any dots and spaces (as a regex: \[?date\]?[ .]*).
  std::string_view core(lower);
  while (!core.empty() && (core.back() == '.' || core.back() == ' ')) core.remove_suffix(1);
  if (lower.empty() || lower == "undated" || lower == "n.d." || lower == "n.d" ||
      lower == "no date" || lower == "unknown" || core == "date" || core == "[date" || core == "date]" ||
      core == "[date]") {
    return unknown;
  }
  // Every form below is short; std::regex matches by recursion, so a display of many thousand
  // characters overflowed the stack (a 70,000-character one did, killing a whole import).
  constexpr std::size_t kLongestForm = 64;
  if (lower.size() > kLongestForm) {
    return Error::invalid("date '" + display.substr(0, utf8_byte_offset(display, 40)) + "...' (" +
                          std::to_string(display.size()) + " bytes): longer than any date form arkiv reads (" +
                          std::to_string(kLongestForm) + ")");
  }
  // "[1966]": a date supplied by the cataloguer; "[1966?]" is a guess, read as circa.
  bool guessed = false;
  if (s.size() > 2 && s.front() == '[' && s.back() == ']') {
    s = s.substr(1, s.size() - 2);
    if (!s.empty() && s.back() == '?') {
      s.pop_back();
      guessed = true;
    }
    lower = to_lower_ascii(s);
  }
  std::smatch m;
  static const std::regex re_iso(R"((\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[Tt][0-9:.+\-Zz]*)?)");
  static const std::regex re_circa(R"((?:ca\.?|c\.|circa|about|approx\.?)\s*(\d{4})\??)");
  static const std::regex re_decade(R"((\d{3})0'?s)");
  static const std::regex re_range(R"((\d{4})\s*(?:-|–|—|/|to)\s*(\d{4}))");
  static const std::regex re_month_year(R"(([a-z]+\.?),?\s+(\d{4}))");
  static const std::regex re_day_month_year(R"((\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+\.?),?\s+(\d{4}))");
  static const std::regex re_month_day_year(R"(([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))");

  if (std::regex_match(lower, m, re_iso)) {
    int y = std::stoi(m[1]);
    if (!m[2].matched) {
      DateRange r = make_year(display, y);
      if (guessed) r.precision = DatePrecision::kCirca;
      return r;
    }
    if (!m[3].matched) return make_month(display, y, std::stoi(m[2]));
    return make_day(display, y, std::stoi(m[2]), std::stoi(m[3]));
  }
  if (std::regex_match(lower, m, re_circa)) {
    int y = std::stoi(m[1]);
    return DateRange{display, iso(y - kCircaYears, 1, 1), iso(y + kCircaYears, 12, 31),
                     DatePrecision::kCirca};
  }
  if (std::regex_match(lower, m, re_decade)) {
    int y = std::stoi(m[1]) * 10;
    return DateRange{display, iso(y, 1, 1), iso(y + 9, 12, 31), DatePrecision::kDecade};
  }
  if (std::regex_match(lower, m, re_range)) {
    int a = std::stoi(m[1]), b = std::stoi(m[2]);
    if (b < a) return Error::invalid("date '" + display + "': the range ends before it starts");
    return DateRange{display, iso(a, 1, 1), iso(b, 12, 31), DatePrecision::kRange};
  }
  if (std::regex_match(lower, m, re_day_month_year)) {
    int mo = month_number(m[2].str());
    if (mo) return make_day(display, std::stoi(m[3]), mo, std::stoi(m[1]));
  }
  if (std::regex_match(lower, m, re_month_day_year)) {
    int mo = month_number(m[1].str());
    if (mo) return make_day(display, std::stoi(m[3]), mo, std::stoi(m[2]));
  }
  if (std::regex_match(lower, m, re_month_year)) {
    int mo = month_number(m[1].str());
    if (mo) return make_month(display, std::stoi(m[2]), mo);
  }
  return Error::invalid("date '" + display +
                        "': expected a form like 1966, March 1966, 4 March 1966, 1966-03-04, "
                        "ca. 1966, 1960s, 1917-1918 or [date]");
}

Result<DateRange> date_from_bounds(std::string_view display, std::string_view from,
                                   std::string_view to) {
  auto a = iso_bound(from, false);
  if (!a) return a.error();
  auto b = iso_bound(to.empty() ? from : to, true);
  if (!b) return b.error();
  if (*b < *a) {
    return Error::invalid("date '" + std::string(display) + "': " + std::string(to) +
                          " is before " + std::string(from));
  }
  DateRange r{std::string(display), *a, *b, DatePrecision::kRange};
  std::string_view f = trim(from);
  if (to.empty() || trim(to) == f) {
    r.precision = f.size() == 4 ? DatePrecision::kYear
                  : f.size() == 7 ? DatePrecision::kMonth
                                  : DatePrecision::kDay;
  }
  return r;
}

}  // namespace arkiv::model
