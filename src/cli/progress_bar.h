// A one-line progress bar on stderr, redrawn at most ten times a second; silent when stderr is
// not a terminal. Shows done/total, a rate and an ETA.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace arkiv::cli {

class ProgressBar {
 public:
  ProgressBar(std::string unit, bool enabled);
  ~ProgressBar();
  // `done` of `total` work units (bytes, files); `count` of `count_unit` items for the rate.
  void update(std::uint64_t done, std::uint64_t total, std::uint64_t count, const std::string& detail = "");
  void finish();

 private:
  std::string unit_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// A done/total progress callback drawing `bar`; `before`, the bar of the phase before, is
// cleared first.
std::function<void(std::int64_t done, std::int64_t total)> phase_progress(ProgressBar& bar, ProgressBar* before = nullptr,
                                                                          std::string detail = "");

}  // namespace arkiv::cli
