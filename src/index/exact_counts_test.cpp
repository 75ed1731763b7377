// Totals and facet counts count every match (issue 11: no sampling past 10,000 matches, phrases
// included), and a count that runs past its budget says so and still answers with a page.
#include <gtest/gtest.h>

#include <numeric>

#include "base/temp_dir.h"
#include "index/search_index.h"

namespace arkiv::index {
namespace {

// 10,500 records (more than the 10,000 the index used to count before it sampled): every one
// says "the secretary of state", one in three also "secretary of war"; places alternate
// between three values, so each facet count is known.
class ExactCountsTest : public ::testing::Test {
 protected:
  static constexpr int kRecords = 10500;
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto w = SearchIndex::open_writable(dir_->file("index"));
    ASSERT_TRUE(w.ok()) << w.error().message();
    const char* places[] = {"Paris", "London", "Peking"};
    for (int i = 0; i < kRecords; ++i) {
      model::Document d;
      d.id = "r/" + std::to_string(i);
      d.title = "Telegram " + std::to_string(i);
      d.date = *model::parse_date(std::to_string(1900 + i % 50));
      d.original_languages = {"en"};
      std::string text = "The Secretary of State to the Ambassador, number " + std::to_string(i) + ".";
      if (i % 3 == 0) text += " The Secretary of War agrees.";
      d.contents.push_back({"original", "en", "", "", text, {}});
      d.places = {places[i % 3]};
      ASSERT_TRUE((*w)->replace(d, true).ok());
    }
    ASSERT_TRUE((*w)->commit(1, "uuid").ok());
    w->reset();
    auto r = SearchIndex::open_readonly(dir_->file("index"));
    ASSERT_TRUE(r.ok());
    index_ = r->release();
  }
  static void TearDownTestSuite() {
    delete index_;
    delete dir_;
  }
  static SearchQuery query(const std::string& text) {
    SearchQuery q;
    q.text = text;
    q.facets = {"place", "decade"};
    return q;
  }
  static std::int64_t sum(const Facet& f) {
    return std::accumulate(f.values.begin(), f.values.end(), std::int64_t{0}, [](std::int64_t n, const FacetValue& v) { return n + v.count; });
  }
  static TempDir* dir_;
  static SearchIndex* index_;
};
TempDir* ExactCountsTest::dir_ = nullptr;
SearchIndex* ExactCountsTest::index_ = nullptr;

TEST_F(ExactCountsTest, PhraseTotalsAndFacetsCountEveryMatch) {
  for (bool in_memory : {false, true}) {
    index_->keep_facets_in_memory(in_memory);
    auto all = index_->search(query("\"secretary of state\""));
    ASSERT_TRUE(all.ok()) << all.error().message();
    EXPECT_EQ(all->total, kRecords);
    EXPECT_TRUE(all->total_exact);
    EXPECT_FALSE(all->count_stopped);
    ASSERT_EQ(all->facets.size(), 2u);
    EXPECT_EQ(sum(all->facets[0]), kRecords);  // one place each
    EXPECT_EQ(sum(all->facets[1]), kRecords);  // one decade each
    for (const FacetValue& v : all->facets[0].values) EXPECT_EQ(v.count, kRecords / 3) << v.value;

    auto war = index_->search(query("\"secretary of war\""));
    ASSERT_TRUE(war.ok());
    EXPECT_EQ(war->total, kRecords / 3);
    EXPECT_TRUE(war->total_exact);
    ASSERT_EQ(war->facets[0].values.size(), 1u);  // i % 3 == 0: all in Paris
    EXPECT_EQ(war->facets[0].values[0].value, "Paris");
    EXPECT_EQ(war->facets[0].values[0].count, kRecords / 3);
  }
}

TEST_F(ExactCountsTest, TotalsAreExactWithoutFacetsToo) {
  SearchQuery q = query("secretary AND ambassador");
  q.facets.clear();
  q.filters = {{"place", "London"}};
  auto r = index_->search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, kRecords / 3);
  EXPECT_TRUE(r->total_exact);
}

TEST_F(ExactCountsTest, CountPastItsBudgetSaysSoAndStillGivesThePage) {
  SearchQuery q = query("\"secretary of state\"");
  q.count_budget_seconds = 1e-9;  // spent before the first match
  q.limit = 5;
  auto stopped = index_->search(q);
  ASSERT_TRUE(stopped.ok()) << stopped.error().message();
  EXPECT_TRUE(stopped->count_stopped);
  EXPECT_FALSE(stopped->total_exact);
  EXPECT_TRUE(stopped->facets.empty());
  EXPECT_EQ(stopped->ids.size(), 5u);
  EXPECT_GE(stopped->total, 5);
  // Asked again without a budget (what exact=1 does), the count is exact.
  q.count_budget_seconds = 0;
  auto exact = index_->search(q);
  ASSERT_TRUE(exact.ok());
  EXPECT_FALSE(exact->count_stopped);
  EXPECT_EQ(exact->total, kRecords);
  EXPECT_EQ(sum(exact->facets[0]), kRecords);
  EXPECT_EQ(exact->ids, stopped->ids);  // the same page either way
  // A generous budget does not stop a count that fits in it.
  q.count_budget_seconds = 600;
  auto within = index_->search(q);
  ASSERT_TRUE(within.ok());
  EXPECT_FALSE(within->count_stopped);
  EXPECT_EQ(within->total, kRecords);
}

TEST_F(ExactCountsTest, PageOnlySearchesSkipTheCount) {
  SearchQuery q = query("\"secretary of state\"");
  q.facets.clear();
  q.count_matches = false;
  q.limit = 3;
  auto r = index_->search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ids.size(), 3u);
  EXPECT_FALSE(r->count_stopped);
  EXPECT_GT(r->total, 0);
}

}  // namespace
}  // namespace arkiv::index
