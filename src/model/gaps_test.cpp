#include <gtest/gtest.h>

#include "model/document.h"
#include "model/language_check.h"
#include "model/record_json.h"

namespace arkiv::model {
namespace {

std::vector<std::pair<std::string, std::string>> found(const std::string& text) {
  std::vector<Gap> gaps;
  find_gaps(text, 0, gaps);
  std::vector<std::pair<std::string, std::string>> out;
  for (const Gap& g : gaps) out.emplace_back(g.text, g.kind);
  return out;
}

TEST(Gaps, FrusEditorialMarksHaveKinds) {
  using P = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(found("the Allies [omission] and [omission?] then [garbled group] or [garbled groups]."),
            (P{{"[omission]", "omission"}, {"[omission?]", "omission"}, {"[garbled group]", "garbled"}, {"[garbled groups]", "garbled"}}));
  EXPECT_EQ(found("[apparent omission] [five words missing] [illegible] Petrograd [sic]"),
            (P{{"[apparent omission]", "omission"}, {"[five words missing]", "omission"}, {"[illegible]", "illegible"}, {"[sic]", "editorial"}}));
  // Brackets that supply a reading or describe the document are not gaps.
  EXPECT_TRUE(found("[Telegram] we [the] ones [Paraphrase] [Enclosure] [Footnote in the original.] [classic]").empty());
  EXPECT_EQ(found("from [date].....to....."), (P{{"[date].....", "omission"}, {".....", "omission"}}));
}

TEST(Gaps, OffsetsAreCodePoints) {
  std::vector<Gap> gaps;
  find_gaps("Tiranë … [omission] and Корея [garbled group]", 0, gaps);
  ASSERT_EQ(gaps.size(), 2u);
  EXPECT_EQ(gaps[0].offset, 9u);
  EXPECT_EQ(gaps[1].offset, 30u);
}

TEST(Gaps, TextBetweenGapsLeavesTheMarkersOut) {
  std::string text = "the delegation [garbled group] arrived at [omission]";
  std::vector<Gap> gaps;
  find_gaps(text, 0, gaps);
  auto pieces = text_between_gaps(text, gaps, 0);
  EXPECT_EQ(pieces, (std::vector<std::string_view>{"the delegation ", " arrived at ", ""}));
  EXPECT_EQ(text_between_gaps(text, gaps, 1), (std::vector<std::string_view>{text}));
}

TEST(Gaps, KindAndPartsRoundTripAndOldRecordsGetAKind) {
  Document d;
  d.id = "x/1";
  d.title = "T";
  Content c;
  c.kind = "original";
  c.language = "en";
  c.text = "Letter [garbled group] text.\n\nEnclosure text.";
  c.label = "Original - English";
  d.contents.push_back(c);
  find_gaps(d.contents[0].text, 0, d.gaps);
  d.parts.push_back({0, 30, "attachment-1", "Memorandum", "May 1, 1918", "[Enclosure]", "R. Lansing"});
  d.unread.push_back({"original_languages", "Klingonese"});
  std::string line = to_json_line(d);
  auto back = from_json(nlohmann::json::parse(line));
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(to_json_line(*back), line);
  EXPECT_EQ(back->gaps.at(0).kind, "garbled");
  EXPECT_EQ(back->parts.at(0).heading, "Memorandum");

  auto j = nlohmann::json::parse(line);
  j["gaps"][0].erase("kind");
  auto old = from_json(j);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->gaps.at(0).kind, "garbled");
  j["gaps"][0]["kind"] = "smudged";
  EXPECT_NE(from_json(j).error().message().find("gaps[0].kind: 'smudged'"), std::string::npos);
  j = nlohmann::json::parse(line);
  j["parts"][0]["offset"] = 1000;
  EXPECT_NE(from_json(j).error().message().find("parts[0].offset"), std::string::npos);
}

TEST(LanguageCheck, RelabelsOnlyWhatTheDetectorCanJudgeAndSaysSo) {
  Document d;
  d.original_languages = {"en"};
  Content fr;
  fr.kind = "original";
  fr.language = "en";
  fr.text = "Le gouvernement de la République a pris note de la communication et il est prêt à examiner la question avec les Alliés dans un esprit de conciliation.";
  d.contents.push_back(fr);
  Content it = fr;
  it.language = "it";  // the detector does not know Italian: a French guess is no evidence
  d.contents.push_back(it);
  auto findings = apply_language_check(d);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_TRUE(findings[0].relabelled);
  EXPECT_EQ(d.contents[0].language, "fr");
  EXPECT_EQ(d.contents[0].declared_language, "en");
  EXPECT_EQ(d.original_languages, std::vector<std::string>{"fr"});
  EXPECT_FALSE(findings[1].relabelled);
  EXPECT_EQ(d.contents[1].language, "it");
  // Checked again (a re-import of the export): nothing changes, the finding stays listed.
  Document again = d;
  EXPECT_EQ(apply_language_check(again).size(), 1u);
  EXPECT_EQ(to_json_line(again), to_json_line(d));
  EXPECT_EQ(check_languages(d).size(), 2u);
}

}  // namespace
}  // namespace arkiv::model
