#include "index/internal/facet_table.h"

#include <gtest/gtest.h>

#include "base/temp_dir.h"
#include "index/search_index.h"
#include "model/fields.h"

namespace arkiv::index {
namespace {

TEST(FacetTable, HoldsEachRecordsValuesAndIsSharedPerRevision) {
  TempDir dir;
  {
    auto w = SearchIndex::open_writable(dir.file("index"));
    ASSERT_TRUE(w.ok());
    model::Document a;
    a.id = "a";
    a.title = "A";
    a.date = *model::parse_date("4 March 1966");
    a.original_languages = {"sq"};
    a.places = {"Tiran\u00eb", "Pyongyang"};
    model::Document b;
    b.id = "b";
    b.title = "B";
    b.original_languages = {"en"};
    b.places = {"Pyongyang"};
    ASSERT_TRUE((*w)->replace(a).ok());
    ASSERT_TRUE((*w)->replace(b).ok());
    ASSERT_TRUE((*w)->commit(2, "u").ok());
  }
  Xapian::Database one(dir.file("index")), two(dir.file("index"));
  auto t = FacetTable::for_database(one);
  EXPECT_EQ(FacetTable::for_database(two).get(), t.get());  // same revision: one table
  EXPECT_EQ(t->last_docid(), 2u);
  auto values = [&](std::size_t field, Xapian::docid did) {
    std::vector<std::string> out;
    for (const std::uint32_t* id = t->begin(field, did); id != t->end(field, did); ++id) out.push_back(t->name(field, *id));
    return out;
  };
  // Fields by their place in the facet slot, which the registry decides.
  const auto kLanguage = static_cast<std::size_t>(model::facet_position("language"));
  const auto kYear = static_cast<std::size_t>(model::facet_position("year"));
  const auto kPlace = static_cast<std::size_t>(model::facet_position("place"));
  EXPECT_EQ(values(kLanguage, 1), std::vector<std::string>{"sq"});
  EXPECT_EQ(values(kYear, 1), std::vector<std::string>{"1966"});
  EXPECT_EQ(values(kPlace, 1), (std::vector<std::string>{"Tiran\u00eb", "Pyongyang"}));
  EXPECT_TRUE(values(kYear, 2).empty());  // undated
  EXPECT_EQ(values(kPlace, 2), std::vector<std::string>{"Pyongyang"});
  EXPECT_EQ(t->value_count(kPlace), 2u);  // "Pyongyang" once
  EXPECT_EQ(t->begin(kPlace, 3), nullptr);  // past the table
  // Freed when no reader holds it.
  std::weak_ptr<const FacetTable> weak = t;
  t.reset();
  EXPECT_TRUE(weak.expired());
}

}  // namespace
}  // namespace arkiv::index
