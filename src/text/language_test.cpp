#include "text/language.h"

#include <gtest/gtest.h>

namespace arkiv::text {
namespace {

TEST(Language, NormalisesCodesAndNames) {
  EXPECT_EQ(normalize_language("sq"), "sq");
  EXPECT_EQ(normalize_language("SQ"), "sq");
  EXPECT_EQ(normalize_language("Albanian"), "sq");
  EXPECT_EQ(normalize_language("sqi"), "sq");
  EXPECT_EQ(normalize_language("alb"), "sq");
  EXPECT_EQ(normalize_language("Korean"), "ko");
  EXPECT_EQ(normalize_language("kor"), "ko");
  EXPECT_EQ(normalize_language("Russian"), "ru");
}

TEST(Language, RejectsUnknownCodes) {
  EXPECT_FALSE(normalize_language("xx").has_value());
  EXPECT_FALSE(normalize_language("Klingonese").has_value());
  EXPECT_FALSE(normalize_language("").has_value());
}

TEST(Language, Names) {
  EXPECT_EQ(language_name("sq"), "Albanian");
  EXPECT_EQ(language_name("en"), "English");
}

}  // namespace
}  // namespace arkiv::text
