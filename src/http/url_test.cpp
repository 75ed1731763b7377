#include "http/url.h"

#include <gtest/gtest.h>

namespace arkiv::http {
namespace {

TEST(UrlTest, SplitsAndDecodesPathAndQuery) {
  auto t = parse_target("/documents/wcda/114408?q=joint+decl%C3%ABration&place=Tiran%C3%AB&place=Pyongyang");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->path, "/documents/wcda/114408");
  ASSERT_EQ(t->query.size(), 3u);
  EXPECT_EQ(t->query[0], (std::pair<std::string, std::string>{"q", "joint declëration"}));
  EXPECT_EQ(t->query[1].second, "Tiranë");
  EXPECT_EQ(t->query[2].second, "Pyongyang");
}

TEST(UrlTest, KeepsEmptyAndValuelessParameters) {
  auto t = parse_target("/search?q=&x&&y=1");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->query.size(), 3u);
  EXPECT_EQ(t->query[1].first, "x");
  EXPECT_EQ(t->query[1].second, "");
}

TEST(UrlTest, RejectsBadEscapesNulAndBadUtf8) {
  EXPECT_FALSE(parse_target("/a%2").ok());
  EXPECT_FALSE(parse_target("/a%zz").ok());
  EXPECT_FALSE(parse_target("/a%00b").ok());
  EXPECT_FALSE(parse_target("/search?q=%C3").ok());
  EXPECT_FALSE(parse_target("/search?q=%ED%A0%80").ok());  // a surrogate
  EXPECT_FALSE(parse_target("search").ok());
  auto e = parse_target("/search?q=%FF");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message().find("'q'"), std::string::npos);
}

TEST(UrlTest, EncodesForLinks) {
  EXPECT_EQ(percent_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
  EXPECT_EQ(encode_path("wcda/114 408"), "wcda/114%20408");
  EXPECT_EQ(build_query({{"place", "Tiranë"}, {"q", "\"x\" <y>"}}), "place=Tiran%C3%AB&q=%22x%22%20%3Cy%3E");
  auto back = parse_target("/s?" + build_query({{"q", "a+b & c"}}));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->query[0].second, "a+b & c");
}

}  // namespace
}  // namespace arkiv::http
