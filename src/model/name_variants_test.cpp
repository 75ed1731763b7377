#include "model/name_variants.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "base/temp_dir.h"

namespace arkiv::model {
namespace {

std::vector<std::string> texts(const NameGroup& g) {
  std::vector<std::string> out;
  for (const NameForm& f : g.forms) out.push_back(f.text);
  return out;
}

TEST(NameKey, FoldsAndBreaksWordsAtPunctuation) {
  EXPECT_EQ(name_key("Kim Il-sung"), "kim il sung");
  EXPECT_EQ(name_key("  KIM   Il Sung "), "kim il sung");
  EXPECT_EQ(name_key("P'yŏngyang"), "p yongyang");
  EXPECT_EQ(name_key("Pʼyŏngyang"), "p yongyang");  // U+02BC, as McCune-Reischauer writes it
  EXPECT_EQ(name_key("Tiranë"), "tirane");
  EXPECT_EQ(name_key("Энвер Ходжа"), "энвер ходжа");
  EXPECT_EQ(name_key("김일성"), "김 일 성");
  EXPECT_EQ(name_key("恩维尔·霍查"), "恩 维 尔 霍 查");
}

TEST(NameVariants, GroupsFormsByKindAndPreferredName) {
  auto t = parse_name_variants(
      "# comment\n"
      "\n"
      "person\tKim Il Sung\tKim Il Sung\ten\n"
      "person\tKim Il Sung\tKim Il-sung\ten\n"
      "person\tKim Il Sung\t김일성\tko-Hang\r\n"
      "place\tTirana\tTiranë\tsq\t\n"
      "place\tTirana\tТирана\tru-Cyrl\tgost\n",
      "t.tsv");
  ASSERT_TRUE(t) << t.error().message();
  ASSERT_EQ(t->groups().size(), 2u);
  const NameGroup& kim = t->groups()[0];
  EXPECT_EQ(kim.kind, NameKind::kPerson);
  EXPECT_EQ(texts(kim), (std::vector<std::string>{"Kim Il Sung", "Kim Il-sung", "김일성"}));
  EXPECT_EQ(kim.forms[0].script, "en");
  EXPECT_EQ(kim.forms[2].script, "ko-Hang");
  const NameGroup& tirana = t->groups()[1];
  // The preferred name is a member without a line of its own (script unknown).
  EXPECT_EQ(texts(tirana), (std::vector<std::string>{"Tirana", "Tiranë", "Тирана"}));
  EXPECT_EQ(tirana.forms[0].script, "");
  EXPECT_EQ(tirana.forms[2].scheme, "gost");
  ASSERT_EQ(t->find("kim il sung").size(), 1u);
  EXPECT_EQ(t->find("kim il sung")[0], &kim);
  EXPECT_EQ(t->find("김 일 성")[0], &kim);
  EXPECT_EQ(t->find("tirane")[0], &tirana);
  EXPECT_TRUE(t->find("kim").empty());
  EXPECT_EQ(t->max_words(), 3u);
}

TEST(NameVariants, DigestChangesWithTheTable) {
  auto a = parse_name_variants("place\tTirana\tTiranë\tsq\n", "a");
  auto b = parse_name_variants("place\tTirana\tTiranë\tsq\nplace\tTirana\tТирана\tru-Cyrl\n", "b");
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->digest(), b->digest());
  EXPECT_EQ(a->digest(), parse_name_variants("place\tTirana\tTiranë\tsq\n", "c")->digest());
}

struct Malformed {
  const char* line;
  const char* expected;  // part of the message
};

// Each malformed line, placed at line 3 after two good ones: the table is refused with that
// line number and what was expected; nothing of it is returned.
TEST(NameVariants, AMalformedLineRefusesTheWholeTable) {
  const Malformed cases[] = {
      {"person\tKim Il Sung\tKim Ir Sen", "3 columns: expected 4 or 5 tab-separated columns"},
      {"person\tKim Il Sung\tKim Ir Sen\tsq\tx\ty", "6 columns: expected 4 or 5"},
      {"person Kim Il Sung Kim Ir Sen sq", "1 column: expected 4 or 5"},
      {"leader\tKim Il Sung\tKim Ir Sen\tsq", "kind 'leader': expected person, organization, place or subject"},
      {"Person\tKim Il Sung\tKim Ir Sen\tsq", "kind 'Person': expected person"},
      {"person\t\tKim Ir Sen\tsq", "empty preferred name"},
      {"person\tKim Il Sung\t \tsq", "empty variant"},
      {"person\tKim Il Sung\t--\tsq", "variant '--': expected letters or digits"},
      {"person\tKim Il Sung\tKim Ir Sen\t", "script '': expected a BCP 47 tag"},
      {"person\tKim Il Sung\tKim Ir Sen\tAlbanian", "script 'Albanian': expected a BCP 47 tag"},
      {"person\tKim Il Sung\tKim Ir Sen\tko_Hang", "script 'ko_Hang'"},
      {"person\tKim Il Sung\tKim Ir Sen\tko-Hangul-KP-x", "script 'ko-Hangul-KP-x'"},
      {"person\tKim Il Sung\tKim Ir Sen\tsq\tWade Giles", "scheme 'Wade Giles': expected a lower-case name"},
      {"person\tKim Il Sung\tKim Il-sung\ten", "variant 'Kim Il-sung' of person 'Kim Il Sung' is already on line 2"},
  };
  for (const Malformed& c : cases) {
    std::string table = "person\tKim Il Sung\tKim Il Sung\ten\nperson\tKim Il Sung\tKim Il-sung\ten\n";
    table += c.line;
    table += "\nplace\tTirana\tTiranë\tsq\n";
    auto t = parse_name_variants(table, "names.tsv");
    ASSERT_FALSE(t) << c.line;
    EXPECT_EQ(t.error().code(), ErrorCode::kInvalidInput);
    EXPECT_NE(t.error().message().find("names.tsv line 3: "), std::string::npos) << t.error().message();
    EXPECT_NE(t.error().message().find(c.expected), std::string::npos) << t.error().message();
  }
}

TEST(NameVariants, RefusesInvalidUtf8AndTooManyForms) {
  auto bad = parse_name_variants("# ok\nplace\tTirana\tTiran\xeb\tsq\n", "t");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message().find("t line 2: not valid UTF-8"), std::string::npos) << bad.error().message();
  std::string many;
  for (std::size_t i = 0; i <= NameVariants::kMaxForms; ++i) many += "place\tX\tX" + std::to_string(i) + "\ten\n";
  auto big = parse_name_variants(many, "t");
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message().find("t line 64: place 'X' has more than 64 forms"), std::string::npos) << big.error().message();
}

TEST(NameVariants, LoadsAnArchivistsTableFromAFile) {
  TempDir dir;
  std::string path = dir.file("names.tsv");
  std::ofstream(path) << "place\tTirana\tTiranë\tsq\n";
  auto t = load_name_variants(path);
  ASSERT_TRUE(t) << t.error().message();
  EXPECT_EQ(t->groups().size(), 1u);
  auto missing = load_name_variants(dir.file("none.tsv"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
}

// The shipped table parses, and holds the six groups of issue 12 with every form.
TEST(NameVariants, ShippedTableHasTheIssueGroups) {
  auto parsed = parse_name_variants(shipped_name_variants_text(), "data/name-variants.tsv");
  ASSERT_TRUE(parsed) << parsed.error().message();
  auto shipped = shipped_name_variants();
  EXPECT_EQ(shipped->groups().size(), parsed->groups().size());
  EXPECT_GE(shipped->groups().size(), 30u);
  const std::vector<std::vector<std::string>> groups = {
      {"Kim Il Sung", "Kim Il-sung", "Kim Ir Sen", "김일성", "金日成"},
      {"Mao Zedong", "Mao Tse-tung", "毛泽东", "Мао Цзэдун"},
      {"Enver Hoxha", "Enver Hodža", "Энвер Ходжа"},
      {"Pyongyang", "P'yŏngyang", "Phenjan", "평양"},
      {"Tirana", "Tiranë", "Тирана"},
      {"Beijing", "Peking", "Peiping", "北京"},
  };
  for (const auto& forms : groups) {
    auto found = shipped->find(name_key(forms[0]));
    ASSERT_EQ(found.size(), 1u) << forms[0];
    std::vector<std::string> have = texts(*found[0]);
    for (const std::string& f : forms) {
      EXPECT_NE(std::find(have.begin(), have.end(), f), have.end()) << f << " in " << forms[0];
      ASSERT_EQ(shipped->find(name_key(f)).size(), 1u) << f;
      EXPECT_EQ(shipped->find(name_key(f))[0], found[0]) << f;
    }
  }
}

}  // namespace
}  // namespace arkiv::model
