#include "model/fields.h"

#include <gtest/gtest.h>

#include <set>

#include "model/record_json.h"

namespace arkiv::model {
namespace {

TEST(Fields, NamesKeysAndPrefixesAreUnique) {
  std::set<std::string_view> names, keys, prefixes;
  for (const Field& f : fields()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    if (!f.alias.empty()) EXPECT_TRUE(names.insert(f.alias).second) << f.alias;
    if (!f.json_key.empty()) EXPECT_TRUE(keys.insert(f.json_key).second) << f.json_key;
    for (std::string_view p : {f.exact_prefix, f.word_prefix}) {
      if (!p.empty()) EXPECT_TRUE(prefixes.insert(p).second) << f.name << " reuses prefix " << p;
    }
    EXPECT_FALSE(f.label.empty()) << f.name;
    EXPECT_FALSE(f.plural.empty()) << f.name;
    ASSERT_NE(f.values, nullptr) << f.name;
  }
}

TEST(Fields, RolesAreConsistent) {
  for (const Field& f : fields()) {
    // Simple JSON fields point at exactly one member; structured ones at none.
    if (f.is(kJson) && f.kind != ValueKind::kStructured && f.kind != ValueKind::kDate) {
      EXPECT_TRUE((f.text != nullptr) != (f.list != nullptr)) << f.name;
    }
    if (!f.is(kJson)) EXPECT_TRUE(f.json_key.empty()) << f.name;
    if (f.is(kFacet) || f.is(kFilter)) EXPECT_FALSE(f.exact_prefix.empty()) << f.name << ": filters need exact terms";
    if (f.is(kFieldQuery)) EXPECT_FALSE(f.exact_prefix.empty() && f.word_prefix.empty()) << f.name;
    if (f.kind == ValueKind::kName) EXPECT_FALSE(f.word_prefix.empty()) << f.name << ": names are queried by word";
    if (f.is(kBrowse)) EXPECT_TRUE(f.is(kFacet)) << f.name << ": a browse page lists facet counts";
    EXPECT_EQ(f.is(kFacet), f.facet_rank >= 0) << f.name;
    if (!f.link.empty()) EXPECT_TRUE(has_role(f.link, kFilter)) << f.name;
  }
}

TEST(Fields, FacetsAreRankedWithoutGaps) {
  auto facets = facet_fields();
  ASSERT_FALSE(facets.empty());
  for (std::size_t i = 0; i < facets.size(); ++i) {
    EXPECT_EQ(facets[i]->facet_rank, static_cast<int>(i));
    EXPECT_EQ(facet_position(facets[i]->name), static_cast<int>(i));
  }
  EXPECT_EQ(field_names(kFacet).front(), "language");
  EXPECT_EQ(facet_position("title"), -1);
}

TEST(Fields, FindsByNameAndAlias) {
  ASSERT_NE(find_field("person"), nullptr);
  EXPECT_EQ(find_field("person")->json_key, "people");
  ASSERT_NE(find_field("lang"), nullptr);
  EXPECT_EQ(find_field("lang")->name, "language");
  EXPECT_EQ(find_field("colour"), nullptr);
  EXPECT_EQ(find_field(""), nullptr);
  EXPECT_TRUE(has_role("type", kFacet));
  EXPECT_FALSE(has_role("lang", kFacet));  // an alias in query text, not a facet name
}

TEST(Fields, RecordLanguagesAreOriginalsThenTextsOnce) {
  Document d;
  d.original_languages = {"sq", "ko"};
  d.contents = {{"translation", "en", "", "", "t", {}}, {"original", "sq", "", "", "t", {}}, {"transcript", "ru", "", "", "t", {}},
                {"translation", "", "", "", "t", {}}};
  EXPECT_EQ(record_languages(d), (std::vector<std::string>{"sq", "ko", "en", "ru"}));
}

TEST(Fields, JsonKeysAreTheRegistrysKeys) {
  Document d;
  d.id = "x/1";
  d.title = "A title";
  std::set<std::string> written;
  const nlohmann::json j = to_json(d);
  for (const auto& [key, value] : j.items()) written.insert(key);
  std::set<std::string> registry;
  for (const Field& f : fields()) {
    if (f.is(kJson) && !f.is(kStaff) && !f.is(kSparse)) registry.emplace(f.json_key);  // staff and sparse fields: only when set
  }
  EXPECT_EQ(written, registry);
}

// The field added to show that a field is one row: extent, from JSON to JSON.
TEST(Fields, ExtentRoundTrips) {
  Document d;
  d.id = "x/1";
  d.title = "A title";
  d.extent = "3 pages";
  auto back = from_json(to_json(d));
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(back->extent, "3 pages");
  EXPECT_EQ(find_field("extent")->values(*back), std::vector<std::string>{"3 pages"});
  auto wrong = from_json(nlohmann::json{{"id", "x/2"}, {"title", "t"}, {"extent", 3}});
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().message().find("extent"), std::string::npos);
}

}  // namespace
}  // namespace arkiv::model
