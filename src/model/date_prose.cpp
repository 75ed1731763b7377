// parse_date: archival date forms in prose, read by a tokenizer and a fixed sequence of
// checks over the tokens (no regular expressions, no recursion), so that its cost is linear in
// the display's length whatever the input. docs/dates.md lists the forms.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "base/strings.h"
#include "model/date.h"
#include "model/internal/calendar.h"

namespace arkiv::model {

namespace {

using calendar::iso;

enum class Kind { kNum, kWord, kDash, kSlash, kComma, kDot, kColon, kOther };

struct Tok {
  Kind kind;
  std::string text;  // lower case; for words without dots ("a.m." -> "am")
  int value = 0;     // numbers
  int digits = 0;
  bool ordinal = false;  // "20th"
  bool plural = false;   // "1960s", "1960's"
};

struct Flags {
  bool uncertain = false, approximate = false;
};

bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; }

// Length of a dash at s[i] (hyphen, en/em dash, figure dash, horizontal bar, minus), else 0.
std::size_t dash_at(std::string_view s, std::size_t i) {
  if (s[i] == '-') return 1;
  if (i + 2 < s.size() + 0 && static_cast<unsigned char>(s[i]) == 0xE2) {
    auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) return 3;
    if (b1 == 0x88 && b2 == 0x92) return 3;
  }
  return 0;
}

// Right single quote ’ (E2 80 99).
bool quote_at(std::string_view s, std::size_t i) {
  return s[i] == '\'' || (i + 2 < s.size() && s.substr(i, 3) == "\xE2\x80\x99");
}

// Splits lower-cased text into tokens; '?' and '~' become flags, brackets and parentheses
// (editorial marks) are dropped.
std::vector<Tok> tokenize(std::string_view s, Flags& flags) {
  std::vector<Tok> out;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
    if (std::size_t n = dash_at(s, i)) { out.push_back({Kind::kDash, "-"}); i += n; continue; }
    // A right single quote not after a number ("d’avril") is punctuation, as ' is; a word stops
    // at it, so taking it here is what keeps the loop moving.
    if (c != '\'' && quote_at(s, i)) { out.push_back({Kind::kOther, "'"}); i += 3; continue; }
    if (c >= '0' && c <= '9') {
      Tok t{Kind::kNum, ""};
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (t.digits < 9) t.value = t.value * 10 + (s[i] - '0');
        ++t.digits, t.text += s[i], ++i;
      }
      auto suffix_is = [&](std::string_view suf) {
        return s.substr(i, suf.size()) == suf && (i + suf.size() == s.size() || !is_letter(static_cast<unsigned char>(s[i + suf.size()])));
      };
      if (suffix_is("st") || suffix_is("nd") || suffix_is("rd") || suffix_is("th")) t.ordinal = true, i += 2;
      else if (suffix_is("s")) t.plural = true, i += 1;
      else if (i < s.size() && quote_at(s, i)) {
        std::size_t q = s[i] == '\'' ? 1 : 3;
        if (i + q < s.size() && s[i + q] == 's' && (i + q + 1 == s.size() || !is_letter(static_cast<unsigned char>(s[i + q + 1])))) {
          t.plural = true, i += q + 1;
        }
      }
      if (t.digits > 6) t.kind = Kind::kOther;
      out.push_back(std::move(t));
      continue;
    }
    if (is_letter(c)) {
      Tok t{Kind::kWord, ""};
      while (i < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[i]);
        if (dash_at(s, i) || quote_at(s, i)) break;
        if (is_letter(d)) { t.text += s[i++]; continue; }
        // A dot inside or after a word belongs to it ("a.m.", "n.d.", "sept."), not a number's.
        if (d == '.') { ++i; if (i < s.size() && is_letter(static_cast<unsigned char>(s[i])) && !dash_at(s, i)) continue; break; }
        break;
      }
      out.push_back(std::move(t));
      continue;
    }
    switch (c) {
      case '/': out.push_back({Kind::kSlash, "/"}); break;
      case ',': case ';': out.push_back({Kind::kComma, ","}); break;
      case '.': out.push_back({Kind::kDot, "."}); break;
      case ':': out.push_back({Kind::kColon, ":"}); break;
      case '?': flags.uncertain = true; break;
      case '~': flags.approximate = true; break;
      case '[': case ']': case '(': case ')': break;
      default: out.push_back({Kind::kOther, std::string(1, static_cast<char>(c))}); break;
    }
    ++i;
  }
  return out;
}

bool is_word(const std::vector<Tok>& t, std::size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == Kind::kWord && t[i].text == w;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

// The undated forms, compared with brackets, parentheses, dots and '?' removed.
bool is_undated(std::string_view s) {
  std::string k;
  for (char c : to_lower_ascii(s)) {
    if (c == '[' || c == ']' || c == '(' || c == ')' || c == '.' || c == '?') continue;
    k += c;
  }
  k = collapse_spaces(k);
  return one_of(k, {"", "undated", "nd", "n d", "sd", "s d", "sf", "s f", "od", "o d", "bd", "b d", "date",
                    "no date", "not dated", "date unknown", "unknown date", "unknown", "sans date",
                    "sine dato", "sin fecha", "ohne datum", "undatiert", "non daté", "senza data",
                    "pa datë", "pa date", "без даты", "без дати"});
}

// 1..12 for a Roman month numeral ("iii", "xii"), as European registries write "4.III.1966".
int roman_month(std::string_view w) {
  static constexpr std::string_view kRoman[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"};
  for (int i = 0; i < 12; ++i) {
    if (w == kRoman[i]) return i + 1;
  }
  return 0;
}

bool is_weekday(std::string_view w) {
  return one_of(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
                    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"});
}

struct Point {
  int year = 0, month = 0, day = 0, season = 0, decade = -1, century = 0, part = 0;  // part: 1 early, 2 mid, 3 late
  int bare = -1;  // a lone number that may be a day or a two-digit year ("1966-67")
  bool has_any() const { return year || month || day || season || decade >= 0 || century || bare >= 0; }
};

// One date point from tokens [b, e): order-free, so "4 March 1966", "March 4, 1966",
// "1966 March 4" and "4.III.1966" all read. Sets `why` when a token does not belong in a date.
std::optional<Point> read_point(const std::vector<Tok>& t, std::size_t b, std::size_t e, std::string& why) {
  Point p;
  for (std::size_t i = b; i < e; ++i) {
    const Tok& k = t[i];
    switch (k.kind) {
      case Kind::kComma: case Kind::kDot: continue;
      case Kind::kDash:
        if (p.part && i > b && t[i - 1].kind == Kind::kWord) continue;  // "mid-1960s"
        why = "'-' is not part of a date";
        return std::nullopt;
      case Kind::kWord: {
        const std::string& w = k.text;
        if (int m = calendar::month_number(w); m || (m = roman_month(w))) {
          if (p.month) { why = "two months in one date"; return std::nullopt; }
          p.month = m;
        } else if (int sc = calendar::season_code(w)) {
          p.season = sc;
        } else if (one_of(w, {"early", "beginning", "beg", "start"})) {
          p.part = 1;
        } else if (one_of(w, {"mid", "middle"})) {
          p.part = 2;
        } else if (one_of(w, {"late", "end"})) {
          p.part = 3;
        } else if (is_weekday(w) || one_of(w, {"the", "of", "in", "on", "de", "del", "di", "le", "den", "im", "ad", "a", "ce", "year"})) {
          continue;
        } else {
          why = "'" + w + "' is not part of a date";
          return std::nullopt;
        }
        continue;
      }
      case Kind::kNum: {
        if (k.ordinal && i + 1 < e && t[i + 1].kind == Kind::kWord && (t[i + 1].text == "century" || t[i + 1].text == "c")) {
          p.century = k.value;
          ++i;
        } else if (k.plural && k.digits == 4 && k.value % 10 == 0) {
          p.decade = k.value;
        } else if (k.plural) {
          why = "'" + k.text + "s' is not a decade (write 1960s)";
          return std::nullopt;
        } else if (k.digits == 4 && !k.ordinal) {
          if (p.year) { why = "two years in one date"; return std::nullopt; }
          p.year = k.value;
        } else if (k.digits <= 2 && k.value >= 1) {
          // "4.3.1966": after a day, a number up to 12 set off by dots is the month.
          if (p.day && !p.month && k.value <= 12 && i > b && t[i - 1].kind == Kind::kDot) p.month = k.value;
          else if (!p.day && k.value <= 31) p.day = k.value;
          else if (p.bare < 0 && !p.day) p.bare = k.value;
          else { why = "the number " + k.text + " does not fit the date"; return std::nullopt; }
        } else {
          why = "the number " + k.text + " is not a day, month or year";
          return std::nullopt;
        }
        continue;
      }
      default:
        why = "'" + k.text + "' is not part of a date";
        return std::nullopt;
    }
  }
  return p;
}

struct Bounds {
  std::string earliest, latest;
  DatePrecision precision = DatePrecision::kUnknown;
};

// A point's interval, or `why` when it has no year or names no real day.
std::optional<Bounds> bounds_of(const Point& p, std::string& why) {
  Bounds b;
  static const int kPartYears[3][2] = {{0, 3}, {4, 6}, {7, 9}};
  if (p.century) {
    if (p.century < 1 || p.century > 100 || p.year || p.month || p.day) { why = "a century does not take a year, month or day"; return std::nullopt; }
    int y0 = (p.century - 1) * 100;
    int a = 0, z = 99;
    if (p.part) a = (p.part - 1) * 33 + (p.part > 1 ? 1 : 0), z = p.part == 3 ? 99 : p.part * 33;
    b = {iso(y0 + a < 1 ? 1 : y0 + a, 1, 1), iso(y0 + z, 12, 31), p.part ? DatePrecision::kRange : DatePrecision::kCentury};
    return b;
  }
  if (p.decade >= 0) {
    if (p.year || p.month || p.day) { why = "a decade does not take a year, month or day"; return std::nullopt; }
    int a = 0, z = 9;
    if (p.part) a = kPartYears[p.part - 1][0], z = kPartYears[p.part - 1][1];
    b = {iso(p.decade + a < 1 ? 1 : p.decade + a, 1, 1), iso(p.decade + z, 12, 31), p.part ? DatePrecision::kRange : DatePrecision::kDecade};
    return b;
  }
  if (!p.year) { why = "no year"; return std::nullopt; }
  int y = p.year;
  if (p.season) {
    if (p.month || p.day) { why = "a season does not take a month or day"; return std::nullopt; }
    calendar::season_bounds(y, p.season, b.earliest, b.latest);
    b.precision = DatePrecision::kSeason;
    return b;
  }
  if (p.day && !p.month) { why = "a day without a month"; return std::nullopt; }
  if (p.month && p.day) {
    DateRange d = calendar::make_day("", y, p.month, p.day);
    if (d.needs_review()) { why = d.problem; return std::nullopt; }
    if (p.part) { why = "early/mid/late does not apply to a day"; return std::nullopt; }
    return Bounds{d.earliest, d.latest, DatePrecision::kDay};
  }
  if (p.month) {
    int last = calendar::days_in_month(y, p.month);
    static const int kPartDays[3][2] = {{1, 10}, {11, 20}, {21, 31}};
    int a = 1, z = last;
    if (p.part) a = kPartDays[p.part - 1][0], z = std::min(kPartDays[p.part - 1][1], last);
    return Bounds{iso(y, p.month, a), iso(y, p.month, z), p.part ? DatePrecision::kRange : DatePrecision::kMonth};
  }
  static const int kPartMonths[3][2] = {{1, 4}, {5, 8}, {9, 12}};
  int a = 1, z = 12;
  if (p.part) a = kPartMonths[p.part - 1][0], z = kPartMonths[p.part - 1][1];
  return Bounds{iso(y, a, 1), iso(y, z, calendar::days_in_month(y, z)), p.part ? DatePrecision::kRange : DatePrecision::kYear};
}

// A time of day at the end of tokens [b, e) ("10 p.m.", "9:30 a.m.", "noon", "midnight",
// "1600 hours"); on success `e` moves before it and its separator.
std::optional<std::string> take_time(const std::vector<Tok>& t, std::size_t b, std::size_t& e) {
  if (e <= b) return std::nullopt;
  std::size_t i = e - 1;
  int h = -1, m = 0;
  std::size_t start = e;
  const Tok& last = t[i];
  if (last.kind == Kind::kWord && last.text == "noon") h = 12, start = i;
  else if (last.kind == Kind::kWord && last.text == "midnight") h = 0, start = i;
  else if (last.kind == Kind::kWord && (last.text == "am" || last.text == "pm") && i > b && t[i - 1].kind == Kind::kNum) {
    std::size_t j = i - 1;
    if (j >= b + 2 && (t[j - 1].kind == Kind::kColon || t[j - 1].kind == Kind::kDot) && t[j - 2].kind == Kind::kNum && t[j].digits == 2) {
      m = t[j].value;
      j -= 2;
    }
    if (t[j].digits > 2 || t[j].value < 1 || t[j].value > 12 || m > 59) return std::nullopt;
    h = t[j].value % 12 + (last.text == "pm" ? 12 : 0);
    start = j;
  } else if (last.kind == Kind::kWord && (last.text == "hours" || last.text == "hrs" || last.text == "h") && i > b &&
             t[i - 1].kind == Kind::kNum && t[i - 1].digits == 4) {
    h = t[i - 1].value / 100, m = t[i - 1].value % 100;
    if (h > 23 || m > 59) return std::nullopt;
    start = i - 1;
  } else if (last.kind == Kind::kNum && last.digits == 2 && i >= b + 3 && t[i - 1].kind == Kind::kColon &&
             t[i - 2].kind == Kind::kNum && t[i - 2].digits <= 2) {
    h = t[i - 2].value, m = last.value;
    if (h > 23 || m > 59) return std::nullopt;
    start = i - 2;
  }
  if (h < 0 || start == b) return std::nullopt;
  std::size_t k = start;
  if (t[k - 1].kind == Kind::kComma || t[k - 1].kind == Kind::kDash || (t[k - 1].kind == Kind::kWord && t[k - 1].text == "at")) --k;
  if (k == b) return std::nullopt;
  e = k;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  return std::string(buf);
}

// Reads tokens [b, e) as a date; `why` says what failed.
std::optional<DateRange> read_tokens(const std::vector<Tok>& t, std::size_t b, std::size_t e, Flags flags, std::string& why) {
  enum class Open { kNone, kBefore, kAfter, kNotBefore, kNotAfter } open = Open::kNone;
  bool between = false;
  // Leading qualifiers.
  while (b < e && t[b].kind == Kind::kWord) {
    const std::string& w = t[b].text;
    if (one_of(w, {"ca", "c", "circa", "circ", "about", "approx", "approximately", "around", "abt", "vers", "um", "etwa", "cca", "rreth"})) flags.approximate = true;
    else if (one_of(w, {"probably", "possibly", "perhaps", "prob", "presumably"})) flags.uncertain = true;
    else if (one_of(w, {"in", "on", "sometime", "dated", "the", "from"})) {}
    else if (w == "undated" && b + 1 < e) {
      if (t[b + 1].kind == Kind::kDash || t[b + 1].kind == Kind::kComma) ++b;
    }
    else if (one_of(w, {"before", "prior"})) { open = Open::kBefore; if (is_word(t, b + 1, "to")) ++b; }
    else if (w == "after") open = Open::kAfter;
    else if (one_of(w, {"by", "until", "till"})) open = Open::kNotAfter;
    else if (w == "since") open = Open::kNotBefore;
    else if (w == "not" && is_word(t, b + 1, "before")) open = Open::kNotBefore, ++b;
    else if (w == "not" && (is_word(t, b + 1, "after") || is_word(t, b + 1, "later"))) {
      open = Open::kNotAfter, ++b;
      if (is_word(t, b + 1, "than")) ++b;
    }
    else if (w == "no" && is_word(t, b + 1, "later") && is_word(t, b + 2, "than")) open = Open::kNotAfter, b += 2;
    else if (w == "no" && is_word(t, b + 1, "earlier") && is_word(t, b + 2, "than")) open = Open::kNotBefore, b += 2;
    else if (w == "between") between = true;
    else break;
    ++b;
  }
  std::string time;
  if (auto tm = take_time(t, b, e)) time = *tm;
  if (b >= e) { why = "no date"; return std::nullopt; }
  // Numeric day/month/year with slashes ("4/3/1966"): only when unambiguous.
  if (e - b == 5 && t[b].kind == Kind::kNum && t[b + 1].kind == Kind::kSlash && t[b + 2].kind == Kind::kNum &&
      t[b + 3].kind == Kind::kSlash && t[b + 4].kind == Kind::kNum && t[b + 4].digits == 4) {
    int x = t[b].value, y = t[b + 2].value;
    if (x <= 12 && y <= 12 && x != y) { why = "day and month are ambiguous (" + t[b].text + "/" + t[b + 2].text + ")"; return std::nullopt; }
    int d = x > 12 ? x : y, m = x > 12 ? y : x;
    DateRange r = calendar::make_day("", t[b + 4].value, m, d);
    if (r.needs_review()) { why = r.problem; return std::nullopt; }
    r.uncertain = flags.uncertain, r.approximate = flags.approximate;
    return r;
  }
  // The range separator, if any: one dash, slash, "to", "and" (after "between") or "or".
  std::size_t sep = e;
  bool dual_or = false;
  for (std::size_t i = b; i < e; ++i) {
    const Tok& k = t[i];
    bool is_sep = k.kind == Kind::kDash || k.kind == Kind::kSlash ||
                  (k.kind == Kind::kWord && one_of(k.text, {"to", "until", "till", "through", "thru", "or", "and"}));
    if (!is_sep) continue;
    if (k.kind == Kind::kDash && i > b && t[i - 1].kind == Kind::kWord && one_of(t[i - 1].text, {"mid", "early", "late"})) continue;
    if (k.text == "and" && !between) { why = "'and' outside 'between ... and ...'"; return std::nullopt; }
    if (sep != e) { why = "more than one range separator"; return std::nullopt; }
    sep = i;
    dual_or = k.text == "or";
  }
  if (between && sep == e) { why = "'between' without 'and'"; return std::nullopt; }
  auto lp = read_point(t, b, sep, why);
  if (!lp) return std::nullopt;
  Point l = *lp, r;
  bool range = sep != e;
  if (range) {
    auto rp = read_point(t, sep + 1, e, why);
    if (!rp) return std::nullopt;
    r = *rp;
    if (!l.has_any() || !r.has_any()) { why = "a range needs a date on both sides"; return std::nullopt; }
    // "1966-67", "Winter 1966/67": a lone number after a year is the year's last two digits.
    if (l.year && !l.month && !l.day && !r.year && !r.month && (r.day || r.bare >= 0) && !r.season) {
      int two = r.day ? r.day : r.bare;
      int y = l.year / 100 * 100 + two;
      if (y <= l.year) { why = "the range ends before it starts"; return std::nullopt; }
      r.year = y, r.day = 0, r.bare = -1;
    }
    if (r.bare >= 0 || l.bare >= 0) { why = "a number that is neither a day nor a year"; return std::nullopt; }
    // "Winter 1966-1967" is one winter.
    if (l.season == 24 && l.year && !r.month && !r.day && !r.season && r.year == l.year + 1) range = false;
    if (range) {
      if (l.day && !l.month) l.month = r.month;
      if (r.day && !r.month) r.month = l.month;
      if (!l.year && l.decade < 0 && !l.century) l.year = r.year;
      if (!r.year && r.decade < 0 && !r.century) r.year = l.year;
      if (l.season && !l.year) l.year = r.year;
    }
  } else if (l.bare >= 0) {
    why = "the number " + std::to_string(l.bare) + " is neither a day nor a year";
    return std::nullopt;
  }
  auto lb = bounds_of(l, why);
  if (!lb) return std::nullopt;
  DateRange out;
  out.earliest = lb->earliest, out.latest = lb->latest, out.precision = lb->precision;
  if (range) {
    auto rb = bounds_of(r, why);
    if (!rb) return std::nullopt;
    // "May 9/22, 1918": one day written in the Julian and the Gregorian calendar (12 or 13
    // days apart): the Gregorian one.
    std::string a = lb->earliest, z = rb->latest;
    bool dual = false;
    if (t[sep].kind == Kind::kSlash && lb->precision == DatePrecision::kDay && rb->precision == DatePrecision::kDay) {
      std::string d = a;
      for (int i = 1; i <= 13 && !dual; ++i) {
        d = calendar::day_after(d);
        dual = i >= 12 && d == z;
      }
    }
    if (dual) {
      out.earliest = out.latest = z;
      out.precision = DatePrecision::kDay;
    } else {
      if (z < a) { why = "the range ends (" + z + ") before it starts (" + a + ")"; return std::nullopt; }
      out.latest = z;
      out.precision = DatePrecision::kRange;
      if (dual_or) flags.uncertain = true;
    }
  }
  switch (open) {
    case Open::kNone: break;
    case Open::kBefore: out.latest = calendar::day_before(out.earliest), out.earliest.clear(); break;
    case Open::kAfter: out.earliest = calendar::day_after(out.latest), out.latest.clear(); break;
    case Open::kNotBefore: out.latest.clear(); break;
    case Open::kNotAfter: out.earliest.clear(); break;
  }
  if (open != Open::kNone) out.precision = DatePrecision::kRange;
  if (!time.empty() && out.precision == DatePrecision::kDay) out.time = time, out.precision = DatePrecision::kTime;
  out.uncertain = flags.uncertain, out.approximate = flags.approximate;
  return out;
}

bool looks_like_edtf(std::string_view s) {
  if (s.empty() || !((s[0] >= '0' && s[0] <= '9') || s[0] == '.' || s[0] == '/')) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || c == 'X' || c == '-' || c == '/' || c == '.' || c == '?' || c == '~' ||
          c == '%' || c == 'T' || c == ':' || c == 'Z' || c == '+')) {
      return false;
    }
  }
  return true;
}

std::string shorten(std::string_view s) {
  if (s.size() <= 60) return std::string(s);
  std::size_t cut = 60;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace

Result<DateRange> parse_date(std::string_view display_in) {
  if (Status s = check_display_size(display_in); !s) return s.error();
  std::string display(trim(display_in));
  std::string s = collapse_spaces(display);
  if (is_undated(s)) {
    DateRange r;
    r.display = display;
    return r;
  }
  // EDTF first ("1966-03-04", "1966?", "196X", "1966/1967", "[1966?]" supplied by a cataloguer).
  std::string core = s;
  if (core.size() > 2 && core.front() == '[' && core.back() == ']') core = core.substr(1, core.size() - 2);
  std::string edtf_problem;
  if (looks_like_edtf(core)) {
    auto e = parse_edtf(core, display);
    if (e) return *e;
    // Say what EDTF expected when the text starts as an EDTF year does ("1966-02-31").
    if (core.size() >= 5 && core[4] == '-' && core.find_first_not_of("0123456789") == 4) edtf_problem = e.error().message();
  }
  Flags flags;
  std::vector<Tok> tokens = tokenize(to_lower_ascii(s), flags);
  std::string why;
  // A dateline may open with a place ("Washington, March 3, 1966"): read again after each of
  // the first three commas.
  std::size_t start = 0;
  for (int attempt = 0; attempt < 4; ++attempt) {
    std::string why_here;
    if (auto r = read_tokens(tokens, start, tokens.size(), flags, why_here)) {
      r->display = display;
      r->edtf = to_edtf(*r);
      return *r;
    }
    if (attempt == 0) why = why_here;
    std::size_t comma = start;
    while (comma < tokens.size() && tokens[comma].kind != Kind::kComma) ++comma;
    if (comma + 1 >= tokens.size()) break;
    start = comma + 1;
  }
  return calendar::unread(display, !edtf_problem.empty() ? edtf_problem
                                                         : "'" + shorten(display) + "' is not a date form arkiv reads: " + why);
}

}  // namespace arkiv::model
