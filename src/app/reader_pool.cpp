#include "app/reader_pool.h"

namespace arkiv::app {

ReaderPool::ReaderPool(std::string data_dir, std::size_t slots) : data_dir_(std::move(data_dir)), slots_(slots) {}

ReaderPool::~ReaderPool() = default;

Result<archive::Archive*> ReaderPool::get(std::size_t i) {
  Slot& slot = slots_.at(i);
  auto now = std::chrono::steady_clock::now();
  if (!slot.archive) {
    auto a = archive::Archive::open(data_dir_, archive::Archive::Mode::kRead);
    if (!a) return a.error();
    slot.archive = std::move(a).value();
    slot.archive->share_search_cache(cache_);
    slot.archive->keep_facets_in_memory(true);
    slot.archive->set_count_budget(count_budget_seconds_);
    if (name_variants_) slot.archive->set_name_variants(name_variants_);
    slot.refreshed = now;
  } else if (now - slot.refreshed >= std::chrono::seconds(1)) {
    slot.archive->refresh();
    slot.refreshed = now;
  }
  return slot.archive.get();
}

}  // namespace arkiv::app
