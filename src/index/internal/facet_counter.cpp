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

// Under date_mode=within a record is in a year's (a decade's) bucket only if its date, widened
// by an approximate date's slack, lies inside that year (decade), as `year=1966&date_mode=within`
// finds it (docs/dates.md). The facet slot holds the years and decades a date overlaps; this
// keeps those of them that also hold the whole date.
class WithinDates {
 public:
  // `positions`: the facet field position of each requested facet.
  explicit WithinDates(const std::vector<int>& positions, DateMode mode) : check_(positions.size(), 0) {
    if (mode != DateMode::kWithin) return;
    const auto& facets = model::facet_fields();
    for (std::size_t i = 0; i < positions.size(); ++i) {
      const model::Field* f = facets[static_cast<std::size_t>(positions[i])];
      if (f->kind == model::ValueKind::kYear) check_[i] = 4;        // "1966": the year's 4 digits
      else if (f->kind == model::ValueKind::kDecade) check_[i] = 3;  // "1960s": its first 3
      any_ = any_ || check_[i] > 0;
    }
  }
  bool any() const { return any_; }
  // Reads the document's widened bounds (once per match, before keep()).
  void read(const Xapian::Document& doc) {
    earliest_ = doc.get_value(sc::kSlotWithinEarliest);
    latest_ = doc.get_value(sc::kSlotWithinLatest);
  }
  // Whether requested facet `i`'s value counts for the document read last.
  bool keep(std::size_t i, std::string_view value) const {
    const std::size_t n = check_[i];
    if (n == 0) return true;
    if (value.size() < n || earliest_.size() < n || latest_.size() < n) return false;
    return earliest_.compare(0, n, value.substr(0, n)) == 0 && latest_.compare(0, n, value.substr(0, n)) == 0;
  }

 private:
  std::vector<std::size_t> check_;  // per requested facet: digits to compare, 0 for none
  bool any_ = false;
  std::string earliest_, latest_;
};

// Counts, for each requested facet, the values of every matching document, reading the one
// facet slot of each match.
class FacetSpy : public Xapian::MatchSpy {
 public:
  using Counts = std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>>;
  FacetSpy(const std::vector<int>& positions, DateMode mode)
      : wanted_(sc::facet_count(), -1), counts_(positions.size()), within_(positions, mode) {
    for (std::size_t i = 0; i < positions.size(); ++i) wanted_[static_cast<std::size_t>(positions[i])] = static_cast<int>(i);
  }
  void operator()(const Xapian::Document& doc, double) override {
    value_ = doc.get_value(sc::kSlotFacets);
    if (within_.any()) within_.read(doc);
    sc::for_each_facet_value(value_, [this](std::size_t f, std::string_view item) {
      if (wanted_[f] < 0) return;
      if (!within_.keep(static_cast<std::size_t>(wanted_[f]), item)) return;
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
  WithinDates within_;
};

// The same counts from a FacetTable: array increments per value instead of a value read and a
// hash lookup. Documents past the table (none, for a table of the searched revision) go to
// the value-reading spy.
class TableFacetSpy : public Xapian::MatchSpy {
 public:
  TableFacetSpy(const FacetTable& table, const std::vector<int>& positions, DateMode mode)
      : table_(table), positions_(positions), counts_(positions.size()), beyond_(positions, mode), within_(positions, mode) {
    for (std::size_t i = 0; i < positions_.size(); ++i) counts_[i].assign(table_.value_count(static_cast<std::size_t>(positions_[i])), 0);
  }
  void operator()(const Xapian::Document& doc, double w) override {
    const Xapian::docid did = doc.get_docid();
    if (did > table_.last_docid()) return beyond_(doc, w);
    if (within_.any()) within_.read(doc);
    for (std::size_t i = 0; i < positions_.size(); ++i) {
      const auto f = static_cast<std::size_t>(positions_[i]);
      for (const std::uint32_t* id = table_.begin(f, did); id != table_.end(f, did); ++id) {
        if (within_.any() && !within_.keep(i, table_.name(f, *id))) continue;
        ++counts_[i][*id];
      }
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
  WithinDates within_;
};

Result<std::unique_ptr<FacetCounter>> FacetCounter::create(const std::vector<std::string>& facets,
                                                           std::shared_ptr<const FacetTable> table, DateMode mode) {
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
    c->table_spy_ = std::make_unique<TableFacetSpy>(*c->table_, c->positions_, mode);
  } else {
    c->spy_ = std::make_unique<FacetSpy>(c->positions_, mode);
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
