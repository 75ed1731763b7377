#include "auth/login_throttle.h"

#include <algorithm>

namespace arkiv::auth {

std::int64_t LoginThrottle::wait_for(const std::string& key, int free, std::int64_t now) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  const Entry& e = it->second;
  if (now - e.last >= policy_.forget_after) {
    entries_.erase(it);
    return 0;
  }
  int over = e.failures - free;
  if (over < 0) return 0;
  std::int64_t wait = policy_.first_wait;
  for (int i = 0; i < over && wait < policy_.max_wait; ++i) wait *= 2;
  wait = std::min(wait, policy_.max_wait);
  return std::max<std::int64_t>(0, e.last + wait - now);
}

std::int64_t LoginThrottle::wait(const std::string& account, const std::string& address, std::int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  return std::max(wait_for("u:" + account, policy_.free_per_account, now), wait_for("a:" + address, policy_.free_per_address, now));
}

void LoginThrottle::count(const std::string& key, std::int64_t now) {
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    if (entries_.size() >= policy_.max_keys) {
      // Full: drop the entry idle the longest (a flood of made-up names must not grow memory).
      auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
      entries_.erase(oldest);
    }
    it = entries_.emplace(key, Entry{}).first;
  } else if (now - it->second.last >= policy_.forget_after) {
    it->second.failures = 0;
  }
  ++it->second.failures;
  it->second.last = now;
}

void LoginThrottle::failed(const std::string& account, const std::string& address, std::int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  count("u:" + account, now);
  count("a:" + address, now);
}

void LoginThrottle::succeeded(const std::string& account) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.erase("u:" + account);
}

}  // namespace arkiv::auth
