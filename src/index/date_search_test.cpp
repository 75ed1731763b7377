// The one rule for dates in search (docs/dates.md): year/decade filters, facets and from/to
// agree; overlaps and within; undated records included, excluded and counted; date sorting.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "base/temp_dir.h"
#include "index/search_index.h"

namespace arkiv::index {
namespace {

class DateSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto idx = SearchIndex::open_writable(dir_.file("index"));
    ASSERT_TRUE(idx.ok()) << idx.error().message();
    index_ = std::move(idx).value();
    // Dates as finding aids give them; the text is the same so that only dates differ.
    const std::map<std::string, std::string> dates = {
        {"a", "4 March 1966"},       {"b", "1966"},           {"c", "ca. 1966"},          {"d", "1965-1967"},
        {"e", "1960s"},              {"f", "[undated]"},      {"g", "s.d."},              {"h", "before 1966"},
        {"i", "after 1966"},         {"j", "Spring 1966"},    {"k", "31 February 1966"},  {"l", "1964"},
        {"m", "Washington, March 3, 1966, 10 p.m."},          {"n", "Washington, March 3, 1966, 7 a.m."},
        {"o", "March 3, 1966"},      {"p", "Winter 1966-1967"}};
    for (const auto& [id, date] : dates) {
      model::Document doc;
      doc.id = id;
      doc.title = "Record " + id;
      doc.date = *model::parse_date(date);
      doc.contents.push_back({"original", "en", "", "", "A telegram about the talks.", {}});
      ASSERT_TRUE(index_->replace(doc).ok());
    }
    ASSERT_TRUE(index_->commit(1, "uuid").ok());
  }

  SearchResult search(SearchQuery q) {
    auto r = index_->search(q);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
    return r.ok() ? std::move(r).value() : SearchResult{};
  }

  std::vector<std::string> sorted_ids(SearchQuery q) {
    q.limit = 100;
    auto ids = search(q).ids;
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::int64_t facet_count(const std::string& field, const std::string& value) {
    SearchQuery q;
    q.facets = {field};
    q.facet_limit = 1000;
    for (const auto& f : search(q).facets) {
      for (const auto& v : f.values) {
        if (v.value == value) return v.count;
      }
    }
    return 0;
  }

  TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
};

using Ids = std::vector<std::string>;

TEST_F(DateSearchTest, YearFilterFacetAndFromToAgree) {
  for (int year = 1958; year <= 1970; ++year) {
    std::string y = std::to_string(year);
    SearchQuery by_year;
    by_year.filters = {{"year", y}};
    SearchQuery by_range;
    by_range.from = y + "-01-01";
    by_range.to = y + "-12-31";
    Ids a = sorted_ids(by_year), b = sorted_ids(by_range);
    EXPECT_EQ(a, b) << y;
    // The facet counts the same records, except open ranges ("before 1966", "after 1966"),
    // which are in no single year's bucket (docs/dates.md).
    auto open = std::count_if(a.begin(), a.end(), [](const std::string& id) { return id == "h" || id == "i"; });
    EXPECT_EQ(facet_count("year", y), static_cast<std::int64_t>(a.size()) - open) << y;
  }
  for (std::string decade : {"1950s", "1960s", "1970s"}) {
    SearchQuery by_decade;
    by_decade.filters = {{"decade", decade}};
    SearchQuery by_range;
    by_range.from = decade.substr(0, 4) + "-01-01";
    by_range.to = decade.substr(0, 3) + "9-12-31";
    EXPECT_EQ(sorted_ids(by_decade), sorted_ids(by_range)) << decade;
  }
  // In 1966 under overlaps: everything whose bounds touch 1966, "ca. 1966" under its nominal
  // year, the open ranges on their open side.
  SearchQuery q;
  q.filters = {{"year", "1966"}};
  EXPECT_EQ(sorted_ids(q), (Ids{"a", "b", "c", "d", "e", "j", "m", "n", "o", "p"}));
  q.filters = {{"year", "1964"}};
  EXPECT_EQ(sorted_ids(q), (Ids{"e", "h", "l"}));  // ca. 1966 is not filed under 1964
  q.filters = {{"year", "1967"}};
  EXPECT_EQ(sorted_ids(q), (Ids{"d", "e", "i", "p"}));
}

TEST_F(DateSearchTest, WithinModeAndTheSlackOfApproximateDates) {
  SearchQuery q;
  q.date_mode = DateMode::kWithin;
  q.from = "1966-01-01";
  q.to = "1966-12-31";
  EXPECT_EQ(sorted_ids(q), (Ids{"a", "b", "j", "m", "n", "o"}));  // not ca. 1966, not 1965-1967, not winter 1966-67
  q.filters = {{"year", "1966"}};
  q.from = q.to = "";
  EXPECT_EQ(sorted_ids(q), (Ids{"a", "b", "j", "m", "n", "o"}));
  q.filters = {{"decade", "1960s"}};
  EXPECT_EQ(sorted_ids(q), (Ids{"a", "b", "c", "d", "e", "j", "l", "m", "n", "o", "p"}));  // ca. 1966 ± 2 is in the 1960s
  q.filters.clear();
  q.from = "1965-01-01";
  q.to = "1967-12-31";
  EXPECT_EQ(sorted_ids(q), (Ids{"a", "b", "d", "j", "m", "n", "o", "p"}));  // ca. 1966 may be 1964 or 1968
}

// Under date_mode=within the year and decade facets count what the year and decade filters
// find under within, in both ways of counting facets (value slot, in-memory table).
TEST_F(DateSearchTest, WithinModeYearAndDecadeFacetsCountWhatTheirFiltersFind) {
  auto reader = SearchIndex::open_readonly(dir_.file("index"));
  ASSERT_TRUE(reader.ok()) << reader.error().message();
  for (bool in_memory : {false, true}) {
    (*reader)->keep_facets_in_memory(in_memory);
    for (DateMode mode : {DateMode::kWithin, DateMode::kOverlaps}) {
      SearchQuery all;
      all.date_mode = mode;
      all.facets = {"year", "decade"};
      all.facet_limit = 1000;
      auto r = (*reader)->search(all);
      ASSERT_TRUE(r.ok()) << r.error().message();
      std::map<std::string, std::int64_t> counts;
      for (const auto& f : r->facets) {
        for (const auto& v : f.values) counts[f.field + "=" + v.value] = v.count;
      }
      auto filtered_total = [&](const std::string& field, const std::string& value) {
        SearchQuery q;
        q.date_mode = mode;
        q.filters = {{field, value}};
        q.limit = 100;
        auto found = (*reader)->search(q);
        EXPECT_TRUE(found.ok());
        // Open ranges ("before 1966", "after 1966") are in no bucket (docs/dates.md).
        std::int64_t open = 0;
        for (const auto& id : found->ids) open += id == "h" || id == "i";
        return found->total - open;
      };
      const char* name = mode == DateMode::kWithin ? "within" : "overlaps";
      for (int year = 1958; year <= 1970; ++year) {
        const std::string y = std::to_string(year);
        EXPECT_EQ(counts["year=" + y], filtered_total("year", y)) << name << " " << y << (in_memory ? " (table)" : "");
      }
      for (const std::string decade : {"1950s", "1960s", "1970s"}) {
        EXPECT_EQ(counts["decade=" + decade], filtered_total("decade", decade)) << name << " " << decade;
      }
      if (mode == DateMode::kWithin) {
        EXPECT_EQ(counts["year=1966"], 6);   // a, b, j, m, n, o: not ca. 1966, 1965-1967 or winter 1966-67
        EXPECT_EQ(counts["year=1967"], 0);
        EXPECT_EQ(counts["decade=1960s"], 11);
      } else {
        EXPECT_EQ(counts["year=1966"], 10);
      }
    }
  }
}

TEST_F(DateSearchTest, UndatedIncludedExcludedAndCounted) {
  SearchQuery q;
  q.limit = 100;
  auto all = search(q);
  EXPECT_EQ(all.ids.size(), 16u);
  EXPECT_EQ(all.undated, 3);  // [undated], s.d., and the impossible day kept for review
  q.undated = UndatedChoice::kExclude;
  EXPECT_EQ(sorted_ids(q).size(), 13u);
  q.undated = UndatedChoice::kDefault;
  q.filters = {{"year", "1966"}};
  q.limit = 100;
  auto in_1966 = search(q);
  EXPECT_EQ(in_1966.ids.size(), 10u);
  EXPECT_EQ(in_1966.undated, 3);  // counted though not included
  q.undated = UndatedChoice::kInclude;
  EXPECT_EQ(sorted_ids(q), (Ids{"a", "b", "c", "d", "e", "f", "g", "j", "k", "m", "n", "o", "p"}));
  q.filters.clear();
  q.from = "1966-03-01";
  q.to = "1966-03-31";
  q.undated = UndatedChoice::kDefault;
  EXPECT_EQ(sorted_ids(q), (Ids{"a", "b", "c", "d", "e", "j", "m", "n", "o"}));  // YYYY-MM bounds
}

TEST_F(DateSearchTest, SortingPutsUndatedLastAndOrdersTheDayByTime) {
  SearchQuery q;
  q.limit = 100;
  q.sort = SortOrder::kDateAscending;
  Ids asc = search(q).ids;
  ASSERT_EQ(asc.size(), 16u);
  EXPECT_EQ(asc.front(), "h");  // before 1966: open start
  Ids tail(asc.end() - 3, asc.end());
  std::sort(tail.begin(), tail.end());
  EXPECT_EQ(tail, (Ids{"f", "g", "k"}));
  auto pos = [](const Ids& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
  EXPECT_LT(pos(asc, "n"), pos(asc, "m"));  // 7 a.m. before 10 p.m. on 3 March 1966
  q.sort = SortOrder::kDateDescending;
  Ids desc = search(q).ids;
  tail.assign(desc.end() - 3, desc.end());
  std::sort(tail.begin(), tail.end());
  EXPECT_EQ(tail, (Ids{"f", "g", "k"}));
  EXPECT_EQ(desc.front(), "i");  // after 1966 starts in 1967
  EXPECT_LT(pos(desc, "m"), pos(desc, "n"));
}

}  // namespace
}  // namespace arkiv::index
