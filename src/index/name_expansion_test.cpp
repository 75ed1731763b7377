#include "index/internal/name_expansion.h"

#include <gtest/gtest.h>

#include <string>

namespace arkiv::index {
namespace {

const model::NameVariants& table() {
  static const model::NameVariants t = [] {
    auto parsed = model::parse_name_variants(
        "person\tKim Il Sung\tKim Il Sung\ten\n"
        "person\tKim Il Sung\tKim Il-sung\ten\n"
        "person\tKim Il Sung\t김일성\tko-Hang\n"
        "person\tKim Il Sung\t金日成\tzh-Hans\n"
        "person\tKim\tKim\ten\n"
        "place\tBeijing\tPeking\ten\n"
        "place\tBeijing\t北京\tzh-Hans\n"
        "place\tTirana\tTiranë\tsq\n",
        "test");
    return parsed ? std::move(parsed).value() : model::NameVariants();
  }();
  return t;
}

NamePlan plan(const std::string& q) { return plan_name_expansion(q, q, table(), "ph"); }

TEST(NameExpansion, RunsOfWordsBecomePlaceholdersLongestFirst) {
  NamePlan p = plan("Kim Il-sung visited Peking");
  EXPECT_EQ(p.text, "ph:0  visited ph:1 ");
  ASSERT_EQ(p.used.size(), 2u);
  EXPECT_EQ(p.used[0].matched, "Kim Il-sung");  // the whole name, not the group "Kim"
  EXPECT_EQ(p.used[0].forms, (std::vector<std::string>{"Kim Il Sung", "김일성", "金日成"}));
  EXPECT_EQ(p.used[1].matched, "Peking");
  EXPECT_EQ(p.used[1].forms, (std::vector<std::string>{"Beijing", "北京"}));
  ASSERT_EQ(p.queries.size(), 2u);
  EXPECT_EQ(p.runs, (std::vector<std::string>{"Kim Il-sung", "Peking"}));  // unquoted: the caller adds their words
  EXPECT_NE(p.queries[0].get_description().find("PHRASE"), std::string::npos) << p.queries[0].get_description();
}

TEST(NameExpansion, AQuotedPhraseThatIsTheNameIsReplacedWhole) {
  EXPECT_EQ(plan("\"Kim Il Sung\" OR -Peking").text, "ph:0  OR -ph:1 ");
  EXPECT_EQ(plan("\"Kim Il Sung\" OR -Peking").runs, (std::vector<std::string>{"", "Peking"}));
  // Inside a longer phrase, a field, a hyphenated word or a wildcard: left as typed.
  for (const char* q : {"\"by Kim Il Sung\"", "person:\"Kim Il Sung\"", "place:Peking", "Peking-Moscow", "Peking*", "Tiranë's"}) {
    NamePlan p = plan(q);
    EXPECT_EQ(p.text, q);
    EXPECT_TRUE(p.used.empty()) << q;
  }
}

TEST(NameExpansion, CjkNamesInsideLongerRuns) {
  NamePlan p = plan("会见了金日成同志");
  EXPECT_EQ(p.text, "会见了 ph:0 同志");
  ASSERT_EQ(p.used.size(), 1u);
  EXPECT_EQ(p.used[0].matched, "金日成");
  EXPECT_EQ(plan("北京").text, "ph:0 ");
}

TEST(NameExpansion, TheReportShowsTheWordsAsTyped) {
  NamePlan p = plan_name_expansion("Tirane", "Tiranë", table(), "ph");
  ASSERT_EQ(p.used.size(), 1u);
  EXPECT_EQ(p.used[0].matched, "Tiranë");
  EXPECT_EQ(p.used[0].forms, (std::vector<std::string>{"Tirana"}));
}

TEST(NameExpansion, IsBounded) {
  std::string q;
  for (int i = 0; i < 20; ++i) q += "Peking ";
  NamePlan p = plan(q);
  EXPECT_EQ(p.queries.size(), kMaxNames);
  EXPECT_EQ(p.used.size(), 1u) << "one report per name";
}

TEST(NameExpansion, PlaceholdersNeverMeetTheUsersWords) {
  EXPECT_EQ(placeholder_field("Kim Il Sung"), "arkivnames");
  EXPECT_EQ(placeholder_field("ARKIVNAMES:0 Kim"), "arkivnames0");
  EXPECT_EQ(placeholder_field("arkivnames arkivnames0"), "arkivnames1");
}

TEST(NameExpansion, PhrasesAreTokenisedAsTheIndexTokenisesText) {
  EXPECT_EQ(phrase_as_indexed("Tiranë").get_description(), "Query(tirane)");
  std::string kim = phrase_as_indexed("Kim Il-sung").get_description();
  EXPECT_EQ(kim, "Query((kim@1 PHRASE 3 il@2 PHRASE 3 sung@3))");
  EXPECT_TRUE(phrase_as_indexed("--").empty());
}

}  // namespace
}  // namespace arkiv::index
