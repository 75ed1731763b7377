#include "index/highlighter.h"

#include <gtest/gtest.h>

namespace arkiv::index {
namespace {

TEST(Highlighter, SnippetWindowsAroundMatchesAndEscapes) {
  Highlighter h({"treaty"}, {}, {});
  std::string text(400, 'a');
  text = "Start <x> " + std::string(300, ' ') + "filler words here and the treaty was signed & sealed " + std::string(300, ' ') + " end";
  std::string s = h.snippet(text, 120);
  EXPECT_NE(s.find("<mark>treaty</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find("&amp;"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("… ", 0), 0u) << s;  // cut at the start
}

TEST(Highlighter, NoMatchesGivesTheBeginning) {
  Highlighter h({"zzz"}, {}, {});
  EXPECT_EQ(h.snippet("Short text.", 100), "Short text.");
}

TEST(Highlighter, StemsMatchOtherForms) {
  Highlighter h({}, {"declar"}, {"en"});
  EXPECT_EQ(h.mark_all("The declaration"), "The <mark>declaration</mark>");
}

TEST(Highlighter, StemsOfEachLanguageOfTheQuery) {
  Highlighter h({}, {"declar", "shqipr"}, {"en", "sq"});
  EXPECT_EQ(h.mark_all("declaration e Shqipërisë"), "<mark>declaration</mark> e <mark>Shqipërisë</mark>");
}

}  // namespace
}  // namespace arkiv::index
