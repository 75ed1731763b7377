#include "base/strings.h"

#include <gtest/gtest.h>

namespace arkiv {
namespace {

TEST(Strings, TrimSplitJoin) {
  EXPECT_EQ(trim("  a b \n"), "a b");
  EXPECT_EQ(split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(join({"a", "b"}, ", "), "a, b");
  EXPECT_EQ(collapse_spaces("  a \n\t b  "), "a b");
}

TEST(Strings, HtmlEscapeCoversAttributeQuotes) {
  EXPECT_EQ(html_escape("<script>\"x\"&'y'</script>"),
            "&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;");
}

TEST(Strings, Utf8Validation) {
  std::size_t bad = 99;
  EXPECT_TRUE(is_valid_utf8("Tiranë 평양"));
  EXPECT_FALSE(is_valid_utf8("ab\xC3", &bad));
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));        // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));    // surrogate
  EXPECT_EQ(utf8_length("Tiranë"), 6u);
  EXPECT_EQ(utf8_byte_offset("ëa", 1), 2u);
}

TEST(Strings, Slugify) {
  EXPECT_EQ(slugify("Albanian-Korean Joint Declaration (1966)"), "albanian-korean-joint-declaration-1966");
}

}  // namespace
}  // namespace arkiv
