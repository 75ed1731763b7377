#include "cli/progress_bar.h"

#include <cstdio>

namespace arkiv::cli {

ProgressBar::ProgressBar(std::string unit, bool enabled)
    : unit_(std::move(unit)), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::uint64_t done, std::uint64_t total, std::uint64_t count, const std::string& detail) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  const int width = 30;
  int filled = static_cast<int>(fraction * width);
  char bar[width + 1];
  for (int i = 0; i < width; ++i) bar[i] = i < filled ? '=' : (i == filled ? '>' : ' ');
  bar[width] = '\0';
  double rate = elapsed > 0 ? static_cast<double>(count) / elapsed : 0;
  double eta = fraction > 0 ? elapsed / fraction - elapsed : 0;
  std::fprintf(stderr, "\r\033[K[%s] %3.0f%%  %llu %s  %.0f %s/s  ETA %d:%02d %s", bar, fraction * 100,
               static_cast<unsigned long long>(count), unit_.c_str(), rate, unit_.c_str(),
               static_cast<int>(eta) / 60, static_cast<int>(eta) % 60, detail.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

std::function<void(std::int64_t, std::int64_t)> phase_progress(ProgressBar& bar, ProgressBar* before, std::string detail) {
  return [&bar, before, detail = std::move(detail)](std::int64_t done, std::int64_t total) {
    if (before) before->finish();
    bar.update(static_cast<std::uint64_t>(done), static_cast<std::uint64_t>(total), static_cast<std::uint64_t>(done), detail);
  };
}

}  // namespace arkiv::cli
