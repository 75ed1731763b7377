// How "more like this" ranks the records it finds (docs/index-terms.md, "More like this"):
// what a candidate shares with the record (text, people, places, subjects, organizations,
// collections) and how close in time it is, folded into one score. Plain arithmetic, no
// Xapian: SearchIndex::similar gathers the numbers. Private to the index module; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace arkiv::index::similarity {

// Weights of the three parts of the score; they add up to 1.
constexpr double kTextWeight = 0.40;
constexpr double kSharedWeight = 0.35;
constexpr double kTimeWeight = 0.25;
// Closeness in time falls to 1/e over this many years apart.
constexpr double kTimeScaleYears = 4.0;
// Records further apart than this are offered only when they share a person or a subject.
constexpr double kFarApartYears = 10.0;

// How much one shared value says, by field: a shared person or subject more than a shared
// collection, which whole volumes have in common. Multiplied by the value's rarity (idf).
double field_factor(std::string_view field);

// Years between two date ranges ("YYYY-MM-DD" bounds as the index's date slots hold them;
// open ends "0000-00-00" / "9999-99-99"): 0 when they overlap; nullopt when either record is
// undated (empty bounds).
std::optional<double> years_apart(std::string_view earliest_a, std::string_view latest_a, std::string_view earliest_b,
                                  std::string_view latest_b);

struct Candidate {
  double text = 0;          // the text query's weight for it (0: not among the text matches)
  double shared = 0;        // sum of field_factor x idf over the values it shares with the record
  bool shares_person_or_subject = false;
  std::optional<double> years;  // years_apart from the record
};

// The candidate's score in [0, 1], or nullopt when it must not be offered: far apart in time
// (kFarApartYears) without a shared person or subject, or sharing nothing at all.
// `max_text` is the highest text weight among the candidates, `own_shared` the record's own
// shared sum (what a record sharing every value would reach); `dated` whether the record has
// a date (an undated record is compared on text and shared values only).
std::optional<double> score(const Candidate& c, double max_text, double own_shared, bool dated);

}  // namespace arkiv::index::similarity
