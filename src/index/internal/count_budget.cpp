#include "index/internal/count_budget.h"

namespace arkiv::index {

CountBudget::CountBudget(double seconds) : limited_(seconds > 0) {
  if (limited_) deadline_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

void CountBudget::operator()(const Xapian::Document&, double) {
  // The clock is read at the first match and every 1,024th after it: a few nanoseconds per
  // match, and a budget that has already run out stops the match at once.
  if (limited_ && (seen_ & 1023) == 0 && Clock::now() >= deadline_) throw CountBudgetExceeded{seen_};
  ++seen_;
}

}  // namespace arkiv::index
