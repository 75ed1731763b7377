#include "text/transliterate.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace arkiv::text {
namespace {

TEST(Transliterate, NonLatinWordsBecomeLatinAscii) {
  EXPECT_EQ(to_latin("Тирана"), "Tirana");
  EXPECT_EQ(to_latin("Энвер Ходжа"), "Enver Hodza");
  EXPECT_EQ(to_latin("Мао Цзэдун"), "Mao Czedun");
  EXPECT_EQ(to_latin("北京"), "bei jing");
  EXPECT_EQ(to_latin("Αθήνα"), "Athena");
}

TEST(Transliterate, HangulIsRomanisedAsOneWordWithoutParticles) {
  EXPECT_EQ(to_latin("평양"), "pyeongyang");
  EXPECT_EQ(to_latin("평양에서"), "pyeongyang");
  EXPECT_EQ(to_latin("김일성"), "gimilseong");
}

TEST(Transliterate, LatinTextAndQuerySyntaxAreKept) {
  EXPECT_EQ(to_latin("Tiranë 1961"), "Tiranë 1961");
  EXPECT_EQ(to_latin("\"Энвер Ходжа\" OR person:Тирана"), "\"Enver Hodza\" OR person:Tirana");
  EXPECT_FALSE(has_non_latin_letter("Tiranë, Korçë, Hodža"));
  EXPECT_TRUE(has_non_latin_letter("Kim 김일성"));
  EXPECT_TRUE(has_non_latin_letter("Ходжа"));
}

std::vector<std::string> runs(std::string_view text) {
  std::vector<std::string> out;
  for_each_non_latin_run(text, [&](const std::string& latin) { out.push_back(latin); });
  return out;
}

TEST(Transliterate, RunsEndAtLatinWordsAndNumbers) {
  EXPECT_EQ(runs("Энвер Ходжа, Тирана"), (std::vector<std::string>{"Enver Hodza Tirana"}));
  EXPECT_EQ(runs("Энвер USA Ходжа"), (std::vector<std::string>{"Enver", "Hodza"}));
  EXPECT_EQ(runs("в 1961 году"), (std::vector<std::string>{"v", "godu"}));
  EXPECT_EQ(runs("Kim Il Sung in Pyongyang"), std::vector<std::string>{});
  EXPECT_EQ(runs("金日成同志在平壤"), (std::vector<std::string>{"jin ri cheng tong zhi zai ping rang"}));
}

TEST(Transliterate, EachThreadHasItsOwnTransliterators) {
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&got, i] {
      for (int k = 0; k < 200; ++k) got[i] = to_latin("Энвер Ходжа 평양 北京");
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got) EXPECT_EQ(g, "Enver Hodza pyeongyang bei jing");
}

}  // namespace
}  // namespace arkiv::text
