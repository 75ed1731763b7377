// Catalogs written by earlier versions of arkiv (tests/fixtures/catalogs, made by the old
// binaries) must open with the current code, upgrade to the newest schema, and keep every
// record, every language and every change number.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/temp_dir.h"
#include "model/fields.h"
#include "store/catalog.h"
#include "store/migrations.h"

namespace arkiv::store {
namespace {

const std::string kCatalogs = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/catalogs";

struct Expected {
  std::string id;
  std::int64_t change_seq;
  std::vector<std::string> languages;  // record_languages: originals, then texts'
};

// What both fixtures hold (tests/fixtures/catalogs/README.md).
const std::vector<Expected> kRecords = {
    {"test/ko-1", 3, {"ko"}},
    {"test/ru-1", 5, {"ru", "en"}},
    {"test/sq-1", 2, {"sq"}},
    {"test/zh-1", 4, {"zh"}},
    {"wcda/114408", 1, {"sq", "en"}},
};

class Migration : public ::testing::TestWithParam<std::string> {};

TEST_P(Migration, UpgradesAndKeepsEveryRecordLanguageAndChange) {
  TempDir dir;
  const std::string path = dir.file("catalog.db");
  std::filesystem::copy_file(kCatalogs + "/" + GetParam(), path);
  auto opened = Catalog::open(path);
  ASSERT_TRUE(opened.ok()) << opened.error().message();
  Catalog& c = **opened;
  auto version = c.schema_version();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, migrations().back().version);
  auto seq = c.change_seq();
  ASSERT_TRUE(seq.ok());
  EXPECT_EQ(*seq, 5);
  EXPECT_FALSE(c.uuid().empty());

  std::vector<std::string> ids;
  ASSERT_TRUE(c.for_each([&](const model::Document& d) {
    ids.push_back(d.id);
    return true;
  }).ok());
  std::vector<std::string> expected_ids;
  for (const auto& e : kRecords) expected_ids.push_back(e.id);
  EXPECT_EQ(ids, expected_ids);

  for (const Expected& e : kRecords) {
    auto doc = c.get(e.id);
    ASSERT_TRUE(doc.ok()) << e.id << ": " << doc.error().message();
    EXPECT_FALSE(doc->title.empty()) << e.id;
    EXPECT_EQ(model::record_languages(*doc), e.languages) << e.id;
    // The brief columns the upgrade fills in agree with the record.
    auto brief = c.brief(e.id);
    ASSERT_TRUE(brief.ok()) << e.id << ": " << brief.error().message();
    EXPECT_EQ(brief->title, doc->title);
    EXPECT_EQ(brief->languages, e.languages) << e.id;
    EXPECT_EQ(brief->date.display, doc->date.display) << e.id;
    // Migration 7: records from before the lifecycle are published, at revision 1 of a history.
    EXPECT_EQ(brief->publication, "") << e.id;
    EXPECT_EQ(*c.current_revision(e.id), 1) << e.id;
    auto revisions = c.revisions(e.id);
    ASSERT_TRUE(revisions.ok());
    ASSERT_EQ(revisions->size(), 1u) << e.id;
    EXPECT_EQ(c.revision(e.id, 1)->title, doc->title) << e.id;
  }
  // Every change is still there for the index to follow, in order.
  std::vector<std::pair<std::int64_t, std::string>> changes;
  ASSERT_TRUE(c.changes_since(0, [&](const Change& ch) { changes.emplace_back(ch.seq, ch.id); }).ok());
  ASSERT_EQ(changes.size(), kRecords.size());
  for (const Expected& e : kRecords) {
    EXPECT_NE(std::find(changes.begin(), changes.end(), std::make_pair(e.change_seq, e.id)), changes.end()) << e.id;
  }
  // Per-language counts (migration 3's table) count each record once per role.
  auto stats = c.stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 5);
  auto count_of = [](const std::vector<std::pair<std::string, std::int64_t>>& v, const std::string& code) {
    for (const auto& [c, n] : v) {
      if (c == code) return n;
    }
    return std::int64_t{0};
  };
  EXPECT_EQ(count_of(stats->original_languages, "sq"), 2);
  EXPECT_EQ(count_of(stats->content_languages, "en"), 2);

  // Migration 8: authorities and arrangement start empty, and take their first rows; the old
  // records are unlinked and placed nowhere until re-imported or edited.
  std::size_t authorities = 0;
  ASSERT_TRUE(c.for_each_authority([&](const model::Authority&) { return ++authorities, true; }).ok());
  EXPECT_EQ(authorities, 0u);
  ASSERT_TRUE(c.begin().ok());
  ASSERT_TRUE(c.put_authority({"person/lansing-robert", "person", "Lansing, Robert", {}, "", "", {}, {}}).ok());
  ASSERT_TRUE(c.put_unit({"frus1918Russiav03", "collection", "", 0, "FRUS 1918, Russia, Volume III", "", ""}).ok());
  ASSERT_TRUE(c.commit().ok());
  auto lansing = c.authority("person/lansing-robert");
  ASSERT_TRUE(lansing.ok() && lansing->has_value());
  auto roots = c.child_units("");
  ASSERT_TRUE(roots.ok());
  EXPECT_EQ(roots->size(), 1u);

  // A second open finds nothing left to do and changes nothing.
  opened->reset();
  auto again = Catalog::open(path);
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_EQ(*(*again)->change_seq(), 5);
}

INSTANTIATE_TEST_SUITE_P(EarlierSchemas, Migration, ::testing::Values("v1.db", "v2.db", "v3.db", "v5.db", "v6.db", "v7.db"),
                         [](const auto& info) { return info.param.substr(0, info.param.find('.')); });

}  // namespace
}  // namespace arkiv::store
