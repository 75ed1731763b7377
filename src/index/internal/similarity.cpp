#include "index/internal/similarity.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace arkiv::index::similarity {

namespace {

// Days since year 0 of a "YYYY-MM-DD" bound, close enough for distances in years (months of
// 31 days); nullopt for an open end or anything else.
std::optional<double> day_number(std::string_view d) {
  if (d.size() < 10 || d.substr(0, 4) == "0000" || d.substr(0, 4) == "9999") return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (d[i] < '0' || d[i] > '9') return std::nullopt;
  }
  auto num = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(d.substr(at, n))); };
  return num(0, 4) * 372.0 + (num(5, 2) - 1) * 31.0 + (num(8, 2) - 1);
}

}  // namespace

double field_factor(std::string_view field) {
  // "series": a unit of the arrangement the record is placed in (a FRUS chapter), which counts as
  // the chapter heads did when they were subjects.
  if (field == "person" || field == "subject" || field == "series") return 1.0;
  if (field == "organization") return 0.8;
  if (field == "place") return 0.6;
  if (field == "collection") return 0.5;
  return 0.0;
}

std::optional<double> years_apart(std::string_view earliest_a, std::string_view latest_a, std::string_view earliest_b,
                                  std::string_view latest_b) {
  if (earliest_a.empty() || latest_a.empty() || earliest_b.empty() || latest_b.empty()) return std::nullopt;
  // An open end reaches as far as the other range: only the known bounds can be apart.
  auto ea = day_number(earliest_a), la = day_number(latest_a), eb = day_number(earliest_b), lb = day_number(latest_b);
  double gap = 0;
  if (la && eb && *la < *eb) gap = *eb - *la;
  if (lb && ea && *lb < *ea) gap = *ea - *lb;
  if (!ea && !la) return std::nullopt;
  if (!eb && !lb) return std::nullopt;
  return gap / 372.0;
}

std::optional<double> score(const Candidate& c, double max_text, double own_shared, bool dated) {
  if (c.text <= 0 && c.shared <= 0) return std::nullopt;
  if (dated && c.years && *c.years > kFarApartYears && !c.shares_person_or_subject) return std::nullopt;
  double text = max_text > 0 ? std::clamp(c.text / max_text, 0.0, 1.0) : 0.0;
  double shared = own_shared > 0 ? std::clamp(c.shared / own_shared, 0.0, 1.0) : 0.0;
  if (!dated) {
    // Nothing to compare in time: the other two parts share its weight.
    double sum = kTextWeight + kSharedWeight;
    return (kTextWeight * text + kSharedWeight * shared) / sum;
  }
  double time = c.years ? std::exp(-*c.years / kTimeScaleYears) : 0.0;  // an undated candidate is not close
  return kTextWeight * text + kSharedWeight * shared + kTimeWeight * time;
}

}  // namespace arkiv::index::similarity
