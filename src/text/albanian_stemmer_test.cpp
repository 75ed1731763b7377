#include "text/albanian_stemmer.h"

#include <gtest/gtest.h>

#include "text/fold.h"
#include "text/stemming_word_list.h"

namespace arkiv::text {
namespace {

std::string stem(std::string_view w) { return albanian_stem(fold(w)); }

TEST(AlbanianStemmer, FormsOfOneWordShareAStem) {
  EXPECT_EQ(stem("Shqipërisë"), stem("Shqipëri"));
  EXPECT_EQ(stem("Shqipëria"), stem("Shqipëri"));
  EXPECT_EQ(stem("Koresë"), stem("Koreja"));
  EXPECT_EQ(stem("Kore"), stem("Koreja"));
  EXPECT_EQ(stem("Partisë"), stem("parti"));
  EXPECT_EQ(stem("Qeverisë"), stem("qeveria"));
  EXPECT_EQ(stem("Delegacioni"), stem("delegacionet"));
  EXPECT_EQ(stem("shokëve"), stem("shoku"));
  EXPECT_EQ(stem("imperializmit"), stem("imperializëm"));
  EXPECT_EQ(stem("letrave"), stem("letër"));
}

TEST(AlbanianStemmer, KeepsDerivedWordsApart) {
  EXPECT_NE(stem("popullore"), stem("populli"));
  EXPECT_NE(stem("vendimi"), stem("vendi"));
  EXPECT_NE(stem("punëtorët"), stem("puna"));
  EXPECT_NE(stem("partizanët"), stem("partia"));
}

TEST(AlbanianStemmer, FoldsUnfoldedInputAndLeavesOtherWordsAlone) {
  EXPECT_EQ(albanian_stem("shqipërisë"), albanian_stem("shqiperise"));
  EXPECT_EQ(albanian_stem("çështjes"), albanian_stem("ceshtje"));
  EXPECT_EQ(albanian_stem("москве"), "москве");
  EXPECT_EQ(albanian_stem("1966"), "1966");
  EXPECT_EQ(albanian_stem("dhe"), "dhe");  // too short to have an ending
  EXPECT_EQ(albanian_stem(""), "");
}

// The whole check list (tests/fixtures/stemming/albanian.tsv): the rates reported in
// docs/benchmarks.md, as a floor that a change to the rules must not fall below.
TEST(AlbanianStemmer, WordListRates) {
  auto forms = read_word_forms(std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/stemming/albanian.tsv");
  ASSERT_GE(forms.size(), 300u);
  for (auto& f : forms) f.word = fold(f.word);
  StemmingRates r = measure_stemming(forms, [](const std::string& a, const std::string& b) { return albanian_stem(a) == albanian_stem(b); });
  EXPECT_LT(static_cast<double>(r.missed) / static_cast<double>(r.same_pairs), 0.07);
  EXPECT_LT(static_cast<double>(r.conflated) / static_cast<double>(r.different_pairs), 0.001);
}

}  // namespace
}  // namespace arkiv::text
