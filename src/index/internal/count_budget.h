// The count budget of a search: a match spy that sees every match while the matcher counts
// them all (exact totals and facet counts), and stops the match once the budget's time has
// passed, by throwing CountBudgetExceeded out of Enquire::get_mset. Xapian's own
// Enquire::set_time_limit would only stop counting without telling us whether it did.
// Private to the index module. One per search; not thread-safe.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>

namespace arkiv::index {

// Thrown by CountBudget out of the match; carries how many matches it had seen.
struct CountBudgetExceeded {
  std::int64_t seen = 0;
};

class CountBudget : public Xapian::MatchSpy {
 public:
  // `seconds` <= 0: no budget (the spy only counts).
  explicit CountBudget(double seconds);
  void operator()(const Xapian::Document& doc, double weight) override;
  std::int64_t seen() const { return seen_; }

 private:
  using Clock = std::chrono::steady_clock;
  bool limited_ = false;
  Clock::time_point deadline_;
  std::int64_t seen_ = 0;
};

}  // namespace arkiv::index
