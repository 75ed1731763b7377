#include "ingest/json_importer.h"

#include <gtest/gtest.h>

namespace arkiv::ingest {
namespace {

const char* kGood = R"({"id":"t/1","title":"One","date":"1966","contents":[{"kind":"original","language":"sq","text":"Tiranë"}]})";
const char* kGood2 = R"({"id":"t/2","title":"Two","date":{"display":"March 1966"}})";

TEST(JsonImporter, ReadsObjectArrayAndLines) {
  JsonImporter imp;
  EXPECT_EQ(imp.parse({"a.json", kGood}).records.size(), 1u);
  EXPECT_EQ(imp.parse({"a.json", std::string("[") + kGood + "," + kGood2 + "]"}).records.size(), 2u);
  ParseOutput out = imp.parse({"a.jsonl", std::string(kGood) + "\n" + kGood2 + "\n"});
  EXPECT_EQ(out.records.size(), 2u);
  EXPECT_TRUE(out.errors.empty());
  EXPECT_EQ(out.records[1].date.earliest, "1966-03-01");
}

TEST(JsonImporter, TruncatedLineIsReportedAndTheRestImported) {
  std::string text = std::string(kGood) + "\n" + R"({"id":"t/3","title":"Thr)" + "\n" + kGood2 + "\n";
  ParseOutput out = JsonImporter().parse({"a.jsonl", text});
  EXPECT_EQ(out.records.size(), 2u);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("line 2"), std::string::npos) << out.errors[0].message();
}

TEST(JsonImporter, InvalidRecordsNameLineAndField) {
  std::string text = std::string(kGood) + "\n" + R"({"id":"t/4","title":"","date":"1966"})" + "\n" +
                     R"({"id":"t/5","title":"X","original_languages":["xx"]})" + "\n";
  ParseOutput out = JsonImporter().parse({"a.jsonl", text});
  EXPECT_EQ(out.records.size(), 1u);
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_NE(out.errors[0].message().find("line 2: title"), std::string::npos) << out.errors[0].message();
  EXPECT_NE(out.errors[1].message().find("line 3: original_languages[0]: unknown language code 'xx'"), std::string::npos)
      << out.errors[1].message();
}

// An export's merge redirects: read as redirects; a bad one is an error of its line, and the
// lines around it are kept.
TEST(JsonImporter, RedirectLinesAreReadAndABadOneNamesItsLine) {
  std::string text = std::string(R"({"type":"authority_redirect","from":"person/old","to":"person/new"})") + "\n" +
                     R"({"type":"authority_redirect","from":"person/x","to":"place/x"})" + "\n" +
                     R"({"type":"authority_redirect","from":"person/y","to":"person/y"})" + "\n" +
                     R"({"type":"authority_redirect","from":"nobody","to":"person/y"})" + "\n" + kGood + "\n";
  ParseOutput out = JsonImporter().parse({"a.jsonl", text});
  ASSERT_EQ(out.redirects.size(), 1u);
  EXPECT_EQ(out.redirects[0], (model::AuthorityRedirect{"person/old", "person/new"}));
  EXPECT_EQ(out.records.size(), 1u);
  ASSERT_EQ(out.errors.size(), 3u);
  EXPECT_NE(out.errors[0].message().find("line 2"), std::string::npos) << out.errors[0].message();
  EXPECT_NE(out.errors[0].message().find("not of the kind"), std::string::npos) << out.errors[0].message();
  EXPECT_NE(out.errors[1].message().find("line 3"), std::string::npos) << out.errors[1].message();
  EXPECT_NE(out.errors[2].message().find("line 4"), std::string::npos) << out.errors[2].message();
  EXPECT_NE(out.errors[2].message().find("from: expected an authority id"), std::string::npos) << out.errors[2].message();
}

TEST(JsonImporter, SniffsByContent) {
  EXPECT_GT(JsonImporter().sniff({"noext", kGood}), 50);
  EXPECT_EQ(JsonImporter().sniff({"x.json", "hello"}), 0);
}

// A source's lifecycle values that arkiv cannot read cost it nothing: the record is kept as a
// draft (hidden until reviewed) with each value verbatim in `unread`, and a warning says so.
TEST(JsonImporter, UnreadableLifecycleValuesAreKeptForReview) {
  std::string text = R"({"id":"t/1","title":"One","publication":"online","embargo_until":"next spring"})" "\n"
                     R"({"id":"t/2","title":"Two","publication":"review","embargo_until":"2030-01-01"})" "\n";
  ParseOutput out = JsonImporter().parse({"a.jsonl", text});
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].message();
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[0].publication, "draft");
  EXPECT_EQ(out.records[0].embargo_until, "");
  ASSERT_EQ(out.records[0].unread.size(), 2u);
  EXPECT_EQ(out.records[0].unread[0].field, "publication");
  EXPECT_EQ(out.records[0].unread[0].text, "online");
  EXPECT_EQ(out.records[0].unread[1].text, "next spring");
  EXPECT_EQ(out.warnings.size(), 2u);
  EXPECT_EQ(out.records[1].publication, "review");  // readable values stay as given
  EXPECT_EQ(out.records[1].embargo_until, "2030-01-01");
  EXPECT_TRUE(out.records[1].unread.empty());
}

}  // namespace
}  // namespace arkiv::ingest
