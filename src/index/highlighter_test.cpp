#include "index/highlighter.h"

#include <gtest/gtest.h>

namespace arkiv::index {
namespace {

TEST(Highlighter, SnippetWindowsAroundMatchesAndEscapes) {
  Highlighter h({"treaty"}, {}, {});
  std::string text(400, 'a');
  text = "Start <x> " + std::string(300, ' ') + "filler words here and the treaty was signed & sealed " + std::string(300, ' ') + " end";
  std::string s = marked_html(h.snippet(text, 120));
  EXPECT_NE(s.find("<mark>treaty</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find("&amp;"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("… ", 0), 0u) << s;  // cut at the start
}

TEST(Highlighter, NoMatchesGivesTheBeginning) {
  Highlighter h({"zzz"}, {}, {});
  EXPECT_EQ(marked_html(h.snippet("Short text.", 100)), "Short text.");
}

TEST(Highlighter, StemsMatchOtherForms) {
  Highlighter h({}, {"declar"}, {"en"});
  EXPECT_EQ(marked_html(h.mark_all("The declaration")), "The <mark>declaration</mark>");
}

TEST(Highlighter, ReturnsPlainTextAndSpans) {
  Highlighter h({"treaty"}, {}, {});
  MarkedText m = h.mark_all("The treaty & the <b>treaty</b>");
  EXPECT_EQ(m.text, "The treaty & the <b>treaty</b>");  // plain text: nothing escaped
  ASSERT_EQ(m.marks.size(), 2u);
  EXPECT_EQ(m.text.substr(m.marks[0].begin, m.marks[0].end - m.marks[0].begin), "treaty");
  EXPECT_EQ(m.text.substr(m.marks[1].begin, m.marks[1].end - m.marks[1].begin), "treaty");
  EXPECT_EQ(marked_with(m, "[", "]"), "The [treaty] & the <b>[treaty]</b>");
  EXPECT_EQ(marked_html(m), "The <mark>treaty</mark> &amp; the &lt;b&gt;<mark>treaty</mark>&lt;/b&gt;");
}

TEST(Highlighter, SnippetSpansFollowTheLeadingEllipsis) {
  Highlighter h({"treaty"}, {}, {});
  std::string text = std::string(300, 'x') + " and the treaty was signed " + std::string(300, 'y');
  MarkedText m = h.snippet(text, 60);
  ASSERT_EQ(m.marks.size(), 1u);
  EXPECT_EQ(m.text.rfind("… ", 0), 0u);
  EXPECT_EQ(m.text.substr(m.marks[0].begin, m.marks[0].end - m.marks[0].begin), "treaty");
}

TEST(Highlighter, StemsOfEachLanguageOfTheQuery) {
  Highlighter h({}, {"declar", "shqipr"}, {"en", "sq"});
  EXPECT_EQ(marked_html(h.mark_all("declaration e Shqipërisë")), "<mark>declaration</mark> e <mark>Shqipërisë</mark>");
}

}  // namespace
}  // namespace arkiv::index
