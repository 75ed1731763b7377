#include "index/internal/date_terms.h"

#include <cstdio>

#include "index/internal/term_scheme.h"

namespace arkiv::index {

namespace sc = scheme;

namespace {

constexpr const char* kOpenStart = "0000-00-00";
constexpr const char* kOpenEnd = "9999-99-99";

// `iso` moved by whole years; 29 February becomes the 28th in a common year.
std::string shift_years(const std::string& iso, int years) {
  int y = std::stoi(iso.substr(0, 4)) + years;
  if (y < 1) return kOpenStart;
  if (y > 9999) return kOpenEnd;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d", y);
  std::string out = buf + iso.substr(4);
  if (out.substr(5) == "02-29" && !model::is_valid_iso_day(out)) out = out.substr(0, 8) + "28";
  return out;
}

}  // namespace

DateKeys date_keys(const model::DateRange& d) {
  DateKeys k;
  if (!d.known()) {
    k.sort_ascending = "\xff";  // after every date
    return k;                   // sort_descending "": after every date too
  }
  k.undated = false;
  k.earliest = d.earliest.empty() ? kOpenStart : d.earliest;
  k.latest = d.latest.empty() ? kOpenEnd : d.latest;
  k.within_earliest = k.earliest, k.within_latest = k.latest;
  if (d.approximate) {
    if (!d.earliest.empty()) k.within_earliest = shift_years(d.earliest, -model::kApproximateSlackYears);
    if (!d.latest.empty()) k.within_latest = shift_years(d.latest, model::kApproximateSlackYears);
  }
  k.sort_ascending = k.sort_descending = k.earliest + (d.time.empty() ? "" : "T" + d.time);
  return k;
}

Xapian::Query date_range_query(const std::string& from, const std::string& to, DateMode mode) {
  std::vector<Xapian::Query> parts;
  if (mode == DateMode::kOverlaps) {
    // Overlaps: earliest <= to and latest >= from.
    if (!to.empty()) parts.emplace_back(Xapian::Query::OP_VALUE_LE, sc::kSlotEarliest, to);
    if (!from.empty()) parts.emplace_back(Xapian::Query::OP_VALUE_GE, sc::kSlotLatest, from);
  } else {
    // Within: from <= earliest and latest <= to, with an approximate date's slack.
    if (!from.empty()) parts.emplace_back(Xapian::Query::OP_VALUE_GE, sc::kSlotWithinEarliest, from);
    if (!to.empty()) parts.emplace_back(Xapian::Query::OP_VALUE_LE, sc::kSlotWithinLatest, to);
  }
  if (parts.empty()) return Xapian::Query(sc::kDated);
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace arkiv::index
