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

}  // namespace
}  // namespace arkiv::ingest
