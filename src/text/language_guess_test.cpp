#include "text/language_guess.h"

#include <gtest/gtest.h>

namespace arkiv::text {
namespace {

TEST(GuessLanguage, StopWordsTellLatinAndCyrillicLanguages) {
  EXPECT_EQ(guess_language("The Secretary of the Treasury requests that you confer with the Minister of Finance."), "en");
  EXPECT_EQ(guess_language("Le ministre des Affaires étrangères est arrivé dans la capitale pour une visite avec les délégués."), "fr");
  EXPECT_EQ(guess_language("Der Minister ist nicht mit dem Zug gekommen, und die Delegation wartet auf ein Zeichen von ihm."), "de");
  EXPECT_EQ(guess_language("El ministro llegó a la capital por la mañana con los delegados para una visita como se esperaba."), "es");
  EXPECT_EQ(guess_language("Delegacioni shqiptar dhe delegacioni korean janë takuar në Phenian për të biseduar për një marrëveshje."), "sq");
  EXPECT_EQ(guess_language("Министр прибыл в столицу, и это было не для переговоров, что все знали по опыту."), "ru");
}

TEST(GuessLanguage, ScriptsOfOneLanguage) {
  EXPECT_EQ(guess_language("조선민주주의인민공화국"), "ko");
  EXPECT_EQ(guess_language("Η αντιπροσωπεία έφτασε"), "el");
  EXPECT_EQ(guess_language("中华人民共和国外交部"), "zh");
  EXPECT_EQ(guess_language("日本の外務省は"), "ja");
}

TEST(GuessLanguage, SaysNothingWhenItCannotTell) {
  EXPECT_EQ(guess_language(""), std::nullopt);
  EXPECT_EQ(guess_language("12345 ... !!!"), std::nullopt);
  EXPECT_EQ(guess_language("Tirana Pyongyang"), std::nullopt);
  EXPECT_EQ(guess_language("Ово је текст на српском језику без довољно речи."), std::nullopt);  // Serbian
  EXPECT_EQ(guess_language("the and of le la les"), std::nullopt);  // a tie
}

}  // namespace
}  // namespace arkiv::text
