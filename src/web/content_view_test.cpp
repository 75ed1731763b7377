#include "web/content_view.h"

#include <gtest/gtest.h>

namespace arkiv::web {
namespace {

std::string render(const std::vector<Paragraph>& ps) {
  std::string out;
  for (const auto& p : ps) {
    out += "[";
    for (const auto& s : p.segments) {
      if (s.kind == TextSegment::Kind::kGap) out += "{" + s.text + "}";
      else if (s.kind == TextSegment::Kind::kNote) out += "^" + s.text;
      else out += s.text;
    }
    out += "]";
  }
  return out;
}

TEST(ContentViewTest, SplitsParagraphsAndWrapsGapsAtCodePointOffsets) {
  model::Content c;
  c.text = "Tiranë, [date].....to.....\n\nSecond ..... paragraph.\n\n\n";
  std::vector<model::Gap> gaps;
  model::find_gaps(c.text, 0, gaps);
  ASSERT_FALSE(gaps.empty());
  std::string out = render(layout_content(c, gaps, 0));
  EXPECT_EQ(out.find("[Tiranë, {"), 0u) << out;
  EXPECT_NE(out.find("]["), std::string::npos) << out;
  EXPECT_NE(out.find("Second {.....} paragraph.]"), std::string::npos) << out;
}

TEST(ContentViewTest, IgnoresGapsThatDoNotMatchAndPlacesNotes) {
  model::Content c;
  c.text = "Zëri i popullit.";
  c.notes.push_back({5, "1", "A newspaper."});
  std::vector<model::Gap> gaps = {{0, 2, "....."}, {1, 0, "Zë"}};
  EXPECT_EQ(render(layout_content(c, gaps, 0)), "[Zëri ^1i popullit.]");
}

}  // namespace
}  // namespace arkiv::web
