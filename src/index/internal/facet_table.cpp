#include "index/internal/facet_table.h"

#include <map>
#include <mutex>
#include <string_view>
#include <unordered_map>


namespace arkiv::index {

namespace sc = scheme;

std::shared_ptr<const FacetTable> FacetTable::build(const Xapian::Database& db) {
  auto t = std::make_shared<FacetTable>();
  t->revision_ = db.get_revision();
  t->uuid_ = db.get_uuid();
  const Xapian::docid last = db.get_lastdocid();
  std::vector<std::unordered_map<std::string, std::uint32_t>> interned(t->fields_.size());
  for (Field& f : t->fields_) f.starts.assign(static_cast<std::size_t>(last) + 2, 0);
  Xapian::docid next = 0;  // every docid below `next` has its start
  auto close_up_to = [&](Xapian::docid did) {  // documents before `did` end where ids end now
    for (; next <= did; ++next) {
      for (Field& f : t->fields_) f.starts[next] = static_cast<std::uint32_t>(f.ids.size());
    }
  };
  for (auto it = db.valuestream_begin(sc::kSlotFacets); it != db.valuestream_end(sc::kSlotFacets); ++it) {
    Xapian::docid did = it.get_docid();
    if (did > last) break;
    close_up_to(did);
    sc::for_each_facet_value(*it, [&](std::size_t f, std::string_view item) {
      Field& field = t->fields_[f];
      auto [pos, added] = interned[f].try_emplace(std::string(item), static_cast<std::uint32_t>(field.names.size()));
      if (added) field.names.emplace_back(item);
      field.ids.push_back(pos->second);
    });
  }
  close_up_to(last + 1);
  return t;
}

std::shared_ptr<const FacetTable> FacetTable::for_database(const Xapian::Database& db) {
  // One table per index revision in the process, alive while a reader holds it: readers of one
  // revision share it, and one that has not refreshed yet keeps its own until it does.
  static std::mutex mu;
  static std::map<std::pair<std::string, Xapian::rev>, std::weak_ptr<const FacetTable>> tables;
  std::pair<std::string, Xapian::rev> key{db.get_uuid(), db.get_revision()};
  std::lock_guard<std::mutex> lock(mu);
  for (auto it = tables.begin(); it != tables.end();) it = it->second.expired() ? tables.erase(it) : std::next(it);
  if (auto it = tables.find(key); it != tables.end()) {
    if (auto t = it->second.lock()) return t;
  }
  auto t = build(db);
  tables[key] = t;
  return t;
}

}  // namespace arkiv::index
