#include "ingest/wilson_text_importer.h"

#include <gtest/gtest.h>

#include <fstream>

#include "base/strings.h"
#include <sstream>

namespace arkiv::ingest {
namespace {

SourceFile seed() {
  std::string path = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/wilson/albanian-korean-joint-declaration-1966.txt";
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return {path, ss.str()};
}

model::Document parse_seed() {
  ParseOutput out = WilsonTextImporter().parse(seed());
  EXPECT_TRUE(out.errors.empty()) << (out.errors.empty() ? "" : out.errors[0].message());
  EXPECT_EQ(out.records.size(), 1u);
  return out.records.empty() ? model::Document{} : out.records[0];
}

TEST(WilsonTextImporter, SniffsTheSeed) {
  EXPECT_GE(WilsonTextImporter().sniff(seed()), 90);
  EXPECT_EQ(WilsonTextImporter().sniff({"x.txt", "Just some text"}), 0);
}

TEST(WilsonTextImporter, RecoversEveryField) {
  model::Document d = parse_seed();
  EXPECT_EQ(d.id, "wcda/114408");
  EXPECT_EQ(d.title, "Albanian-Korean Joint Declaration");
  EXPECT_EQ(d.date.display, "1966");
  EXPECT_EQ(d.date.earliest, "1966-01-01");
  EXPECT_EQ(d.date.latest, "1966-12-31");
  EXPECT_EQ(d.date.precision, model::DatePrecision::kYear);
  EXPECT_EQ(d.citation.text,
            "\"Albanian-Korean Joint Declaration\", 1966, Wilson Center Digital Archive, AQPPSH, "
            "MPP Korese, V. 1966, D 9. Translated by Enkel Daljani.");
  EXPECT_EQ(d.citation.url, "https://wilson-center-digital-archive.dvincitest.com/document/114408");
  EXPECT_EQ(d.citation.publisher, "Wilson Center Digital Archive");
  EXPECT_EQ(d.citation.reference, "AQPPSH, MPP Korese, V. 1966, D 9");
  EXPECT_EQ(d.citation.repository, "AQPPSH");
  EXPECT_EQ(d.citation.translator, "Enkel Daljani");
  EXPECT_EQ(d.summary,
            "A joint declaration between Albania and North Korea which highlights the two "
            "countries' dedication to the struggle against imperialism and modern revisionism");
  EXPECT_EQ(d.credits, std::vector<std::string>{"This document was made possible with support from Leon Levy Foundation"});
  EXPECT_EQ(d.original_languages, std::vector<std::string>{"sq"});
  EXPECT_EQ(d.document_state, "draft");
  EXPECT_EQ(d.document_type, "declaration");
  ASSERT_EQ(d.contents.size(), 1u);
  EXPECT_EQ(d.contents[0].kind, "translation");
  EXPECT_EQ(d.contents[0].language, "en");
  EXPECT_EQ(d.contents[0].translator, "Enkel Daljani");
  EXPECT_EQ(d.contents[0].title, "Albanian-Korean Joint Declaration");
}

// The archival citation verbatim, whatever form the citation's date takes: a full date holds a
// comma of its own ("June 12, 1962") and is not part of the reference.
TEST(WilsonTextImporter, ArchivalReferenceAfterAFullDate) {
  auto cite = [](const std::string& citation) {
    std::string text = "\n\n**1962****Record of a Conversation****Citation:**\n\n" + citation +
                       "  \n<https://digitalarchive.wilsoncenter.org/document/300417>\n\n**Contents:**\n\nTranslation - English\n\nText.\n";
    ParseOutput out = WilsonTextImporter().parse({"record.txt", text});
    EXPECT_EQ(out.records.size(), 1u);
    return out.records.empty() ? model::Citation{} : out.records[0].citation;
  };
  for (const std::string date : {"June 12, 1962", "12 June 1962", "Jun. 12, 1962", "1962", "[date]"}) {
    model::Citation c = cite("\"Record of a Conversation\", " + date +
                             ", Wilson Center Digital Archive, AVPRF, f. 0102, op. 18, p. 93, d. 5. Translated by Sergey Radchenko.");
    EXPECT_EQ(c.publisher, "Wilson Center Digital Archive") << date;
    EXPECT_EQ(c.reference, "AVPRF, f. 0102, op. 18, p. 93, d. 5") << date;
    EXPECT_EQ(c.repository, "AVPRF") << date;
    EXPECT_EQ(c.translator, "Sergey Radchenko") << date;
    EXPECT_EQ(c.url, "https://digitalarchive.wilsoncenter.org/document/300417") << date;
  }
  // Without a publisher the reference still starts after the date.
  model::Citation c = cite("\"Record of a Conversation\", March 04, 1966, AQPPSH, MPP Korese, V. 1966, D 9.");
  EXPECT_EQ(c.reference, "AQPPSH, MPP Korese, V. 1966, D 9");
  EXPECT_EQ(c.repository, "AQPPSH");
}

TEST(WilsonTextImporter, JoinsBothPageBreaksAndKeepsTrueParagraphs) {
  const std::string text = parse_seed().contents.at(0).text;
  EXPECT_NE(text.find("always on the rise as a result of its anti-imperialist, anti-revisionist, and peaceful policies."), std::string::npos);
  EXPECT_NE(text.find("The sides are convinced that without the principled"), std::string::npos);
  EXPECT_EQ(text.find("of its\n\nanti-imperialist"), std::string::npos);
  // True breaks stay: the list of those present, and the signature block.
  EXPECT_NE(text.find("In the talks there were present:\n\nFrom the Albanian side..... .\n\nFrom the Korean side..... ."), std::string::npos);
  EXPECT_NE(text.find("Composed in Pyongyang in 1966\n\nFOR THE ALBANIAN SIDE FOR THE KOREAN SIDE"), std::string::npos);
  EXPECT_EQ(text.rfind("Draft\n\nAlbanian-Korean Joint Declaration\n\nWith the invitation", 0), 0u);
}

TEST(WilsonTextImporter, KeepsTheGapsOfTheDraft) {
  model::Document d = parse_seed();
  std::vector<std::string> gaps;
  for (const auto& g : d.gaps) gaps.push_back(g.text);
  EXPECT_EQ(gaps, (std::vector<std::string>{"[date].....", ".....", ".....", "..... .", "..... .",
                                             ".....(about Albania)", "..... ."}));
  const std::string& text = d.contents[0].text;
  for (const auto& g : d.gaps) {
    EXPECT_EQ(text.substr(arkiv::utf8_byte_offset(text, g.offset), g.text.size()), g.text);
  }
}

TEST(WilsonTextImporter, ReportsBadInputWithALine) {
  ParseOutput out = WilsonTextImporter().parse({"bad.txt", "**1966**\n\n**Citation:**\n\nx\n"});
  ASSERT_EQ(out.records.size(), 0u);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("title"), std::string::npos);

  // A field arkiv cannot read never refuses the record: it is kept verbatim, with a warning.
  out = WilsonTextImporter().parse({"bad.txt", "**31 February 1966****A title****Citation:**\n\nx\n"});
  ASSERT_EQ(out.errors.size(), 0u);
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.records[0].date.display, "31 February 1966");
  EXPECT_FALSE(out.records[0].date.known());
  // The date's problem travels with it; the import counts it as a warning (archive/import.cpp).
  EXPECT_NE(out.records[0].date.problem.find("28 days"), std::string::npos);

  std::string huge = "**4 Mar" + std::string(70000, 'A') + "ch 1966****A title****Citation:**\n\nx\n";
  out = WilsonTextImporter().parse({"bad.txt", huge});
  ASSERT_EQ(out.records.size(), 0u);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("date.display: 70012 bytes"), std::string::npos) << out.errors[0].message().substr(0, 300);

  out = WilsonTextImporter().parse({"bad.txt", "**1966****T****Citation:**\n\nx\n\n**Original Language:**\n\nKlingonese\n"});
  ASSERT_EQ(out.errors.size(), 0u);
  ASSERT_EQ(out.records.size(), 1u);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_NE(out.warnings[0].find("line 7: Original Language: unknown language 'Klingonese'"), std::string::npos) << out.warnings[0];
  ASSERT_EQ(out.records[0].unread.size(), 1u);
  EXPECT_EQ(out.records[0].unread[0].text, "Klingonese");
}

TEST(JoinBrokenParagraphs, OnlyJoinsMidSentenceBreaks) {
  EXPECT_EQ(join_broken_paragraphs({"as a result of its", "anti-imperialist policies.", "Next one."}),
            (std::vector<std::string>{"as a result of its anti-imperialist policies.", "Next one."}));
  EXPECT_EQ(join_broken_paragraphs({"were present:", "from the side."}),
            (std::vector<std::string>{"were present:", "from the side."}));
  EXPECT_EQ(join_broken_paragraphs({"Composed in 1966", "FOR THE SIDE"}),
            (std::vector<std::string>{"Composed in 1966", "FOR THE SIDE"}));
}

}  // namespace
}  // namespace arkiv::ingest
