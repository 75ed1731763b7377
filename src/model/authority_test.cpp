#include "model/authority.h"

#include <gtest/gtest.h>

#include "model/record_json.h"

namespace arkiv::model {
namespace {

TEST(NameKeys, FormsOfOnePersonShareAKey) {
  // FRUS 1919 names House five ways; the list of persons says "House, Colonel Edward M.".
  EXPECT_EQ(name_keys("person", "House, Colonel Edward M.").full, "edward house");
  EXPECT_EQ(name_keys("person", "Edward M. House").full, "edward house");
  EXPECT_EQ(name_keys("person", "Edward House").full, "edward house");
  EXPECT_EQ(name_keys("person", "House, Edward Mandell").full, "edward house") << "the 1918 volume's form";
  EXPECT_EQ(name_keys("person", "House, Colonel Edward M.").surname, "house");
  EXPECT_EQ(name_keys("person", "Colonel House").full, "");  // one word left: only a surname
  EXPECT_EQ(name_keys("person", "Colonel House").surname, "house");
  EXPECT_EQ(name_keys("person", "Admiral Cary T. Grayson").full, name_keys("person", "Grayson, Cary T., Rear Admiral").full);
  EXPECT_EQ(name_keys("person", "Hodža, Enver").full, "enver hodza");
  EXPECT_NE(name_keys("person", "Baker, Newton D.").full, name_keys("person", "Baker, Ray Stannard").full);
}

TEST(NameKeys, PlacesKeepEveryWord) {
  EXPECT_EQ(name_keys("place", "Tiranë").full, "tirane");
  EXPECT_EQ(name_keys("place", "North Korea").full, "korea north");
  EXPECT_EQ(name_keys("place", "North Korea").surname, "");
}

TEST(AuthorityIds, AreSlugsOfTheirKindAndNeverTaken) {
  std::set<std::string> taken{"person/lansing-robert"};
  auto is_taken = [&](const std::string& id) { return taken.contains(id); };
  EXPECT_EQ(authority_id_for("person", "Lansing, Robert", is_taken), "person/lansing-robert-2");
  EXPECT_EQ(authority_id_for("place", "Tiranë", is_taken), "place/tirane");
  std::string hangul = authority_id_for("person", "김일성", is_taken);
  EXPECT_TRUE(is_authority_id(hangul)) << hangul;
  EXPECT_TRUE(hangul.starts_with("person/"));
  EXPECT_FALSE(is_authority_id("people/x"));
  EXPECT_FALSE(is_authority_id("person/"));
  EXPECT_FALSE(is_authority_id("person/a b"));
}

TEST(AuthorityJson, RoundTripsAndNamesBadFields) {
  Authority a{"subject/nuclear-weapons", "subject", "Nuclear weapons", {{"Ядерное оружие", "ru-Cyrl", ""}}, "", "A note",
              {{"wikidata", "Q12802"}}, {"subject/weapons"}};
  auto back = authority_from_json(to_json(a));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, a);
  nlohmann::json bad = to_json(a);
  bad["variants"][0]["name"] = 3;
  auto err = authority_from_json(bad);
  ASSERT_FALSE(err);
  EXPECT_NE(err.error().message().find("variants[0].name"), std::string::npos) << err.error().message();
  a.kind = "person";
  a.id = "person/x";
  EXPECT_FALSE(validate(a)) << "only subjects have broader terms";
  a.broader.clear();
  EXPECT_TRUE(validate(a));
  a.id = "place/x";
  EXPECT_FALSE(validate(a)) << "an id of another kind";
}

TEST(UnitJson, RoundTripsAndChecksLevels) {
  Unit u{"frus1919Parisv01/ch3", "series", "frus1919Parisv01", 3, "The Armistice", "", ""};
  auto back = unit_from_json(to_json(u));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, u);
  u.parent.clear();
  EXPECT_FALSE(validate(u)) << "a series needs a parent";
  u.level = "collection";
  EXPECT_TRUE(validate(u));
  u.title = " ";
  EXPECT_FALSE(validate(u));
}

TEST(RecordLinks, AreInTheJsonOnlyWhenSetAndMustNameARecordValue) {
  Document d;
  d.id = "x";
  d.title = "T";
  d.people = {"Colonel House"};
  EXPECT_EQ(to_json(d).count("links"), 0u);
  EXPECT_EQ(to_json(d).count("arrangement"), 0u);
  d.links = {{"person", "Colonel House", "person/house-edward-m"}};
  d.arrangement = {{"frus1919Parisv01/ch1", 10, "10"}};
  auto back = from_json(to_json(d));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->links, d.links);
  EXPECT_EQ(back->arrangement, d.arrangement);
  d.links[0].form = "House";
  Status s = validate(d);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message().find("links[0].form"), std::string::npos) << s.error().message();
  d.links[0] = {"language", "Colonel House", "person/x"};
  EXPECT_FALSE(validate(d));
}

// Positions sort as text in the catalog and the index: fixed width, and never negative.
TEST(PositionKey, IsTwelveDigitsAndSortsAsNumbers) {
  EXPECT_EQ(position_key(10), "000000000010");
  EXPECT_EQ(position_key(0), "000000000000");
  EXPECT_EQ(position_key(-5), "000000000000");
  EXPECT_LT(position_key(9), position_key(10));
  EXPECT_LT(position_key(99999), position_key(100000));
  EXPECT_EQ(position_key(123456789012345), "123456789012345");
}

}  // namespace
}  // namespace arkiv::model
