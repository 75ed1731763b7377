#include "archive/ignore_rules.h"

#include <gtest/gtest.h>

namespace arkiv::archive {
namespace {

TEST(GlobMatch, StarsQuestionMarksAndClasses) {
  EXPECT_TRUE(glob_match("*.bak", "notes.bak"));
  EXPECT_FALSE(glob_match("*.bak", "notes.bak.txt"));
  EXPECT_FALSE(glob_match("*.bak", "dir/notes.bak"));  // '*' never crosses '/'
  EXPECT_TRUE(glob_match("file?.txt", "file7.txt"));
  EXPECT_FALSE(glob_match("file?.txt", "file/.txt"));
  EXPECT_TRUE(glob_match("draft[0-9].md", "draft3.md"));
  EXPECT_FALSE(glob_match("draft[0-9].md", "draftx.md"));
  EXPECT_TRUE(glob_match("draft[!0-9].md", "draftx.md"));
  EXPECT_TRUE(glob_match("[]x]", "]"));
  EXPECT_TRUE(glob_match("a[b", "a[b"));  // unclosed class: a plain '['
  EXPECT_TRUE(glob_match("\\*literal", "*literal"));
  EXPECT_FALSE(glob_match("\\*literal", "xliteral"));
  EXPECT_TRUE(glob_match("README*", "readme.md", true));
  EXPECT_FALSE(glob_match("README*", "readme.md", false));
}

TEST(GlobMatch, DoubleStars) {
  EXPECT_TRUE(glob_match("**/drafts", "drafts"));
  EXPECT_TRUE(glob_match("**/drafts", "a/b/drafts"));
  EXPECT_TRUE(glob_match("scans/**", "scans/x.pdf"));
  EXPECT_TRUE(glob_match("scans/**", "scans/a/b/x.pdf"));
  EXPECT_FALSE(glob_match("scans/**", "scans"));
  EXPECT_TRUE(glob_match("a/**/b", "a/b"));
  EXPECT_TRUE(glob_match("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(glob_match("a/**/b", "a/xb"));
  EXPECT_TRUE(glob_match("a**b", "axyb"));
  EXPECT_FALSE(glob_match("a**b", "ax/yb"));  // not at a segment boundary: a plain '*'
}

TEST(GlobMatch, HostilePatternsStayLinear) {
  // A backtracking matcher takes exponential time here; the table takes |glob| x |text| steps.
  std::string text(3000, 'a');
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*ab", text));
  EXPECT_TRUE(glob_match("**/**/**/**/**/**/a", "x/y/a"));
}

TEST(IgnoreRules, DefaultsSkipReadmesLicencesAndDotfiles) {
  IgnoreRules r = IgnoreRules::with_defaults();
  EXPECT_TRUE(r.ignored("README.md", false));
  EXPECT_TRUE(r.ignored("sub/readme.txt", false));
  EXPECT_TRUE(r.ignored("LICENSE", false));
  EXPECT_TRUE(r.ignored("a/Licence.txt", false));
  EXPECT_TRUE(r.ignored(".git", true));
  EXPECT_TRUE(r.ignored("a/.DS_Store", false));
  EXPECT_FALSE(r.ignored("letters/read-me-not.txt", false));
  EXPECT_FALSE(r.ignored("1966/minutes.md", false));
  EXPECT_EQ(r.decide("README.md", false)->origin, "default");
}

TEST(IgnoreRules, GitignoreSyntax) {
  IgnoreRules r = IgnoreRules::with_defaults();
  r.add("# comment\n"
        "\n"
        "*.bak\n"
        "build/\n"
        "/top.txt\n"
        "docs/*.html\n"
        "**/tmp\n"
        "!keep.bak\n"
        "!README.md\n"
        "trailing.txt   \n"
        "\\#hash.txt\n"
        "\\!bang.txt\n",
        "", ".arkivignore");
  EXPECT_TRUE(r.ignored("x.bak", false));
  EXPECT_TRUE(r.ignored("deep/er/x.bak", false));
  EXPECT_FALSE(r.ignored("keep.bak", false));          // negation: the last match wins
  EXPECT_FALSE(r.ignored("README.md", false));         // a default taken back
  EXPECT_TRUE(r.ignored("README.txt", false));
  EXPECT_TRUE(r.ignored("build", true));
  EXPECT_TRUE(r.ignored("a/build", true));
  EXPECT_FALSE(r.ignored("build", false));             // "build/" is for folders only
  EXPECT_TRUE(r.ignored("top.txt", false));
  EXPECT_FALSE(r.ignored("sub/top.txt", false));       // anchored at the root
  EXPECT_TRUE(r.ignored("docs/page.html", false));
  EXPECT_FALSE(r.ignored("other/docs/page.html", false));  // a middle '/' anchors too
  EXPECT_TRUE(r.ignored("tmp", true));
  EXPECT_TRUE(r.ignored("x/y/tmp", true));
  EXPECT_TRUE(r.ignored("trailing.txt", false));
  EXPECT_TRUE(r.ignored("#hash.txt", false));
  EXPECT_TRUE(r.ignored("!bang.txt", false));
  const IgnoreRule* why = r.decide("deep/x.bak", false);
  ASSERT_NE(why, nullptr);
  EXPECT_EQ(why->pattern, "*.bak");
  EXPECT_EQ(why->origin, ".arkivignore line 3");
}

TEST(IgnoreRules, NestedFilesApplyBelowTheirFolder) {
  IgnoreRules r;
  r.add("*.txt\n", "", ".arkivignore");
  std::size_t before = r.size();
  r.add("!notes.txt\n/only-here.md\n", "letters", "letters/.arkivignore");
  EXPECT_TRUE(r.ignored("a.txt", false));
  EXPECT_FALSE(r.ignored("letters/notes.txt", false));
  EXPECT_TRUE(r.ignored("notes.txt", false));  // outside letters/
  EXPECT_TRUE(r.ignored("letters/only-here.md", false));
  EXPECT_FALSE(r.ignored("letters/sub/only-here.md", false));
  EXPECT_FALSE(r.ignored("lettersX/only-here.md", false));
  r.truncate(before);
  EXPECT_TRUE(r.ignored("letters/notes.txt", false));
}

}  // namespace
}  // namespace arkiv::archive
