// One read-only Archive per server worker thread (Archive is not thread-safe), opened lazily
// and refreshed at most once per second, so records that `arkiv import` commits in another
// process appear within seconds. Slot i belongs to worker thread i alone; no locking. The
// archives share one search cache (archive/search_cache.h).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "base/result.h"

namespace arkiv::app {

class ReaderPool {
 public:
  ReaderPool(std::string data_dir, std::size_t slots);
  ~ReaderPool();

  // The archive of slot `i`, opened or refreshed as needed. Call only from slot i's thread.
  Result<archive::Archive*> get(std::size_t i);
  // The count budget of every reader (Archive::set_count_budget); call before serving.
  void set_count_budget(double seconds) { count_budget_seconds_ = seconds; }
  // The name variants of every reader (Archive::set_name_variants); call before serving.
  void set_name_variants(std::shared_ptr<const model::NameVariants> v) { name_variants_ = std::move(v); }

 private:
  struct Slot {
    std::unique_ptr<archive::Archive> archive;
    std::chrono::steady_clock::time_point refreshed;
  };
  std::string data_dir_;
  std::vector<Slot> slots_;
  std::shared_ptr<archive::SearchCache> cache_ = std::make_shared<archive::SearchCache>();
  double count_budget_seconds_ = archive::kCountBudgetSeconds;
  std::shared_ptr<const model::NameVariants> name_variants_;  // null: the archive's default
};

}  // namespace arkiv::app
