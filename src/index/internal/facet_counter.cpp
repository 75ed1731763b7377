#include "index/internal/facet_counter.h"

#include <algorithm>
#include <unordered_map>

#include "base/strings.h"
#include "index/internal/term_scheme.h"
#include "model/fields.h"

namespace arkiv::index {

namespace sc = scheme;

// Hashes std::string and std::string_view alike, so counting needs no allocation per value.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Counts, for each requested facet, the values of every matching document, reading the one
// facet slot of each match.
class FacetSpy : public Xapian::MatchSpy {
 public:
  using Counts = std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>>;
  explicit FacetSpy(const std::vector<int>& positions) : wanted_(sc::facet_count(), -1), counts_(positions.size()) {
    for (std::size_t i = 0; i < positions.size(); ++i) wanted_[static_cast<std::size_t>(positions[i])] = static_cast<int>(i);
  }
  void operator()(const Xapian::Document& doc, double) override {
    value_ = doc.get_value(sc::kSlotFacets);
    sc::for_each_facet_value(value_, [this](std::size_t f, std::string_view item) {
      if (wanted_[f] < 0) return;
      Counts& counts = counts_[static_cast<std::size_t>(wanted_[f])];
      auto it = counts.find(item);
      if (it != counts.end()) ++it->second;
      else counts.emplace(std::string(item), 1);
    });
  }
  const Counts& counts(std::size_t i) const { return counts_[i]; }

 private:
  std::vector<int> wanted_;  // field position -> index in counts_, or -1
  std::vector<Counts> counts_;
  std::string value_;
};

// The same counts from a FacetTable: array increments per value instead of a value read and a
// hash lookup. Documents past the table (none, for a table of the searched revision) go to
// the value-reading spy.
class TableFacetSpy : public Xapian::MatchSpy {
 public:
  TableFacetSpy(const FacetTable& table, const std::vector<int>& positions)
      : table_(table), positions_(positions), counts_(positions.size()), beyond_(positions) {
    for (std::size_t i = 0; i < positions_.size(); ++i) counts_[i].assign(table_.value_count(static_cast<std::size_t>(positions_[i])), 0);
  }
  void operator()(const Xapian::Document& doc, double w) override {
    const Xapian::docid did = doc.get_docid();
    if (did > table_.last_docid()) return beyond_(doc, w);
    for (std::size_t i = 0; i < positions_.size(); ++i) {
      const auto f = static_cast<std::size_t>(positions_[i]);
      for (const std::uint32_t* id = table_.begin(f, did); id != table_.end(f, did); ++id) ++counts_[i][*id];
    }
  }
  std::vector<FacetValue> values(std::size_t i) const {
    std::vector<FacetValue> out;
    const auto f = static_cast<std::size_t>(positions_[i]);
    for (std::uint32_t id = 0; id < counts_[i].size(); ++id) {
      if (counts_[i][id] > 0) out.push_back({table_.name(f, id), counts_[i][id]});
    }
    if (!beyond_.counts(i).empty()) {
      FacetSpy::Counts merged = beyond_.counts(i);
      for (const FacetValue& v : out) merged[v.value] += v.count;
      out.clear();
      for (const auto& [value, count] : merged) out.push_back({value, count});
    }
    return out;
  }

 private:
  const FacetTable& table_;
  std::vector<int> positions_;
  std::vector<std::vector<std::int64_t>> counts_;
  FacetSpy beyond_;
};

Result<std::unique_ptr<FacetCounter>> FacetCounter::create(const std::vector<std::string>& facets,
                                                           std::shared_ptr<const FacetTable> table) {
  std::unique_ptr<FacetCounter> c(new FacetCounter());
  for (const std::string& f : facets) {
    int position = model::facet_position(f);
    if (position < 0) return Error::invalid("facet '" + f + "': expected one of " + join(model::field_names(model::kFacet), ", "));
    c->names_.push_back(f);
    c->positions_.push_back(position);
  }
  if (c->positions_.empty()) return c;
  if (table) {
    c->table_ = std::move(table);
    c->table_spy_ = std::make_unique<TableFacetSpy>(*c->table_, c->positions_);
  } else {
    c->spy_ = std::make_unique<FacetSpy>(c->positions_);
  }
  return c;
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (table_spy_) enquire.add_matchspy(table_spy_.get());
  else if (spy_) enquire.add_matchspy(spy_.get());
}

std::vector<Facet> FacetCounter::facets(int limit) const {
  std::vector<Facet> out;
  for (std::size_t i = 0; i < positions_.size(); ++i) {
    Facet facet{names_[i], {}};
    if (table_spy_) {
      facet.values = table_spy_->values(i);
    } else {
      for (const auto& [value, count] : spy_->counts(i)) facet.values.push_back({value, count});
    }
    const model::Field* field = model::facet_fields()[static_cast<std::size_t>(positions_[i])];
    const bool by_value = field->order == model::FacetOrder::kByValue;
    std::sort(facet.values.begin(), facet.values.end(), [by_value](const FacetValue& a, const FacetValue& b) {
      if (!by_value && a.count != b.count) return a.count > b.count;
      return a.value < b.value;
    });
    if (!by_value && static_cast<int>(facet.values.size()) > limit) facet.values.resize(static_cast<std::size_t>(limit));
    out.push_back(std::move(facet));
  }
  return out;
}

}  // namespace arkiv::index
