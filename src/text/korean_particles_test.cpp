#include "text/korean_particles.h"

#include <gtest/gtest.h>

#include "text/stemming_word_list.h"

namespace arkiv::text {
namespace {

TEST(KoreanParticles, StripsParticlesAndTitles) {
  EXPECT_EQ(strip_korean_particles("평양에서"), "평양");
  EXPECT_EQ(strip_korean_particles("김일성동지께서"), "김일성");
  EXPECT_EQ(strip_korean_particles("수령님께서"), "수령");
  EXPECT_EQ(strip_korean_particles("인민들의"), "인민");
  EXPECT_EQ(strip_korean_particles("평양에서는"), "평양");
  EXPECT_EQ(strip_korean_particles("서울로"), "서울");      // 로 after ㄹ
  EXPECT_EQ(strip_korean_particles("중국으로"), "중국");    // 으로 after a consonant
  EXPECT_EQ(strip_korean_particles("알바니아와"), "알바니아");
}

TEST(KoreanParticles, KeepsNounsThatEndLikeAParticle) {
  EXPECT_EQ(strip_korean_particles("국가"), "국가");          // 가 needs a vowel before it
  EXPECT_EQ(strip_korean_particles("국가는"), "국가");
  EXPECT_EQ(strip_korean_particles("마을"), "마을");          // 을 needs a consonant before it
  EXPECT_EQ(strip_korean_particles("사회주의"), "사회주의");  // -ism
  EXPECT_EQ(strip_korean_particles("사회주의의"), "사회주의");
  EXPECT_EQ(strip_korean_particles("조선반도"), "조선반도");
  EXPECT_EQ(strip_korean_particles("회의"), "회의");          // never below two syllables
  EXPECT_EQ(strip_korean_particles("동지"), "동지");
}

TEST(KoreanParticles, LeavesOtherWordsAlone) {
  EXPECT_EQ(strip_korean_particles("Pyongyang"), "Pyongyang");
  EXPECT_EQ(strip_korean_particles("中国的"), "中国的");
  EXPECT_EQ(strip_korean_particles("평양2"), "평양2");
  EXPECT_EQ(strip_korean_particles(""), "");
}

// The check list (tests/fixtures/stemming/korean.tsv), matched as the index does: a stripped
// query form finds a text form that contains it (Hangul is indexed as n-grams).
TEST(KoreanParticles, WordListRates) {
  auto forms = read_word_forms(std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/stemming/korean.tsv");
  ASSERT_GE(forms.size(), 300u);
  StemmingRates r = measure_stemming(
      forms, [](const std::string& q, const std::string& t) { return t.find(strip_korean_particles(q)) != std::string::npos; }, true);
  EXPECT_LT(static_cast<double>(r.missed) / static_cast<double>(r.same_pairs), 0.02);
  EXPECT_LT(static_cast<double>(r.conflated) / static_cast<double>(r.different_pairs), 0.005);
}

}  // namespace
}  // namespace arkiv::text
