#include "ingest/importer.h"

#include <gtest/gtest.h>

namespace arkiv::ingest {
namespace {

TEST(ImporterRegistry, RejectsEmptyBinaryAndUtf16WithReasons) {
  auto reg = ImporterRegistry::with_builtin_importers();
  auto r = reg.pick({"empty.json", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("empty"), std::string::npos);
  r = reg.pick({"x.bin", std::string("\x7f" "ELF\0\0\0", 7)});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("binary"), std::string::npos);
  r = reg.pick({"x.txt", std::string("\xFF\xFE" "a\0", 4)});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("UTF-16"), std::string::npos);
}

TEST(ImporterRegistry, PicksByContentNotExtension) {
  auto reg = ImporterRegistry::with_builtin_importers();
  auto r = reg.pick({"record.txt", R"({"id":"a","title":"b"})"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->format(), "json");
  r = reg.pick({"record.json", "**1966****Title****Citation:**\n"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->format(), "wilson-text");
}

TEST(ImporterRegistry, PicksEachBuiltinFormatByContent) {
  auto reg = ImporterRegistry::with_builtin_importers();
  const std::pair<const char*, std::string> cases[] = {
      {"tei", "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/></TEI>"},
      {"html", "<!DOCTYPE html><html><body><p>x</p></body></html>"},
      {"csv", "id,title,date\na,b,1966\n"},
      {"pdf", std::string("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nstream\n\0\0\nendstream", 47)},
      {"text", "Minutes of the meeting\n\nThe committee met at noon.\n"},
      {"json", R"({"id":"a","title":"b"})"},
  };
  for (const auto& [format, bytes] : cases) {
    auto r = reg.pick({"no-extension", bytes});
    ASSERT_TRUE(r.ok()) << format << ": " << r.error().message();
    EXPECT_EQ((*r)->format(), format);
  }
  auto r = reg.pick({"visits.xml", "<?xml version=\"1.0\"?>\n<visits><visit/></visits>"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("unrecognised format"), std::string::npos);
}

}  // namespace
}  // namespace arkiv::ingest
