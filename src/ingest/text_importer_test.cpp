#include "ingest/text_importer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/wilson_text_importer.h"

namespace arkiv::ingest {
namespace {

TEST(TextImporter, MarkdownTitleParagraphsAndLists) {
  const char* md =
      "Intro line before the heading.\r\n\r\n"
      "Joint Declaration\r\n=================\r\n\r\n"
      "The sides met in Pyongyang\r\nand agreed on the following:\r\n"
      "- first point\r\n- second point\r\n\r\n## Signatures ##\r\nFor the Albanian side\r\n";
  ParseOutput out = TextImporter().parse({"notes/Joint Declaration.md", md});
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  ASSERT_EQ(out.records.size(), 1u);
  const model::Document& d = out.records[0];
  EXPECT_EQ(d.id, "file/joint-declaration");
  EXPECT_EQ(d.title, "Joint Declaration");
  EXPECT_EQ(d.contents.at(0).text,
            "Intro line before the heading.\n\nJoint Declaration\n\nThe sides met in Pyongyang and agreed on the "
            "following:\n\n- first point\n\n- second point\n\nSignatures\n\nFor the Albanian side");
  EXPECT_EQ(d.contents[0].language, "en");
}

TEST(TextImporter, TitleFromFirstLineCutAtAWord) {
  std::string long_line(150, 'a');
  long_line += " " + std::string(150, 'b');
  ParseOutput out = TextImporter().parse({"t.txt", "\n\n  Letter  to the   Ministry\nbody\n"});
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.records[0].title, "Letter to the Ministry");
  out = TextImporter().parse({"t.txt", long_line});
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.records[0].title, std::string(150, 'a') + "…");
}

TEST(TextImporter, ScoresBelowTheWilsonImporterOnTheSeed) {
  std::ifstream in(std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/wilson/albanian-korean-joint-declaration-1966.txt",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  SourceFile seed{"seed.txt", ss.str()};
  ASSERT_FALSE(seed.bytes.empty());
  EXPECT_GT(TextImporter().sniff(seed), 0);
  EXPECT_LT(TextImporter().sniff(seed), WilsonTextImporter().sniff(seed));
}

TEST(TextImporter, RejectsBinaryAndNonUtf8) {
  SourceFile elf{"a.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12)};
  EXPECT_EQ(TextImporter().sniff(elf), 0);
  ParseOutput out = TextImporter().parse(elf);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("binary content"), std::string::npos);
  SourceFile latin1{"l.txt", "Tirana\nDeklarat\xEB e p\xEBrbashk\xEBt\n"};
  EXPECT_GT(TextImporter().sniff(latin1), 0);
  out = TextImporter().parse(latin1);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("line 2, column 9: not valid UTF-8 (byte 0xEB)"), std::string::npos)
      << out.errors[0].message();
  EXPECT_EQ(TextImporter().sniff({"v.xml", "<?xml version=\"1.0\"?>\n<visits/>"}), 0);
  EXPECT_EQ(TextImporter().sniff({"v.xml", "\xEF\xBB\xBF <visits><visit/></visits>"}), 0);
  out = TextImporter().parse({"w.txt", " \n\t\n"});
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("no text"), std::string::npos);
}

}  // namespace
}  // namespace arkiv::ingest
