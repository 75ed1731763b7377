#include "text/fold.h"

#include <gtest/gtest.h>

namespace arkiv::text {
namespace {

TEST(Fold, RemovesLatinDiacriticsAndLowercases) {
  EXPECT_EQ(fold("Tiranë"), "tirane");
  EXPECT_EQ(fold("përbashkët"), "perbashket");
  EXPECT_EQ(fold("Korçë"), "korce");
  EXPECT_EQ(fold("Łódź Straße"), "lodz strasse");
  EXPECT_EQ(fold("ÉCOLE"), "ecole");
}

TEST(Fold, KeepsCaseWhenOnlyStripping) {
  EXPECT_EQ(strip_diacritics("Tiranë AND Korçë"), "Tirane AND Korce");
}

TEST(Fold, FoldsCyrillicAndGreekButNotCjk) {
  EXPECT_EQ(fold("Ёлка"), "елка");
  EXPECT_EQ(fold("Ἀθῆναι"), "αθηναι");
  EXPECT_EQ(fold("조선로동당"), "조선로동당");
  EXPECT_EQ(fold("が"), "が");  // a voiced kana is another letter, not an accent
  EXPECT_EQ(fold("中华人民共和国"), "中华人民共和国");
}

TEST(Fold, DetectsDiacritics) {
  EXPECT_TRUE(has_diacritics("Tiranë"));
  EXPECT_FALSE(has_diacritics("Tirane"));
  EXPECT_FALSE(has_diacritics("TIRANE"));
}

}  // namespace
}  // namespace arkiv::text
