// What readers remember of searches, shared by every reader Archive of a process (the server's
// worker threads) and safe to use from all of them. Two LRU maps:
//  - pages: a whole answer (hits, snippets, counts) for one query, page and sort;
//  - summaries: what does not depend on the page or the sort (total, facet counts, spelling
//    suggestion), so that paging through a query or re-sorting it costs Xapian only the page
//    of hits, not a second count of every match.
// Keys carry the index revision they were computed at, so an answer never outlives a change to
// the index; old entries simply age out.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/lru_cache.h"
#include "archive/search.h"

namespace arkiv::archive {

struct SearchSummary {
  std::int64_t total = 0;
  bool total_exact = true;
  bool count_stopped = false;
  std::vector<Facet> facets;
  std::string suggestion;
};

class SearchCache {
 public:
  explicit SearchCache(std::size_t pages = 2048, std::size_t summaries = 2048) : pages_(pages), summaries_(summaries) {}

  std::shared_ptr<const SearchPage> page(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    const auto* v = pages_.get(key);
    return v ? *v : nullptr;
  }
  void put_page(const std::string& key, std::shared_ptr<const SearchPage> page) {
    std::lock_guard<std::mutex> lock(mu_);
    pages_.put(key, std::move(page));
  }
  std::shared_ptr<const SearchSummary> summary(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    const auto* v = summaries_.get(key);
    return v ? *v : nullptr;
  }
  void put_summary(const std::string& key, std::shared_ptr<const SearchSummary> summary) {
    std::lock_guard<std::mutex> lock(mu_);
    summaries_.put(key, std::move(summary));
  }

 private:
  std::mutex mu_;
  LruCache<std::shared_ptr<const SearchPage>> pages_;
  LruCache<std::shared_ptr<const SearchSummary>> summaries_;
};

}  // namespace arkiv::archive
