#include "store/catalog.h"

#include <gtest/gtest.h>

#include "base/temp_dir.h"

namespace arkiv::store {
namespace {

model::Document doc(const std::string& id, const std::string& title) {
  model::Document d;
  d.id = id;
  d.title = title;
  d.date = *model::parse_date("1966");
  d.original_languages = {"sq"};
  d.contents.push_back({"translation", "en", "", "", "Text of " + title, {}});
  return d;
}

model::Provenance prov() { return {"/tmp/x.json", "json", "abc", ""}; }

TEST(Catalog, PutGetAndOutcomes) {
  TempDir dir;
  auto cat = Catalog::open(dir.file("catalog.db"));
  ASSERT_TRUE(cat.ok()) << cat.error().message();
  Catalog& c = **cat;
  EXPECT_EQ(*c.schema_version(), 8);
  ASSERT_TRUE(c.begin().ok());
  EXPECT_EQ(*c.put(doc("a", "One"), prov()), PutOutcome::kCreated);
  EXPECT_EQ(*c.put(doc("b", "Two"), prov()), PutOutcome::kCreated);
  ASSERT_TRUE(c.commit().ok());
  ASSERT_TRUE(c.begin().ok());
  EXPECT_EQ(*c.put(doc("a", "One"), prov()), PutOutcome::kUnchanged);
  EXPECT_EQ(*c.put(doc("b", "Two, corrected"), prov()), PutOutcome::kUpdated);
  ASSERT_TRUE(c.commit().ok());
  EXPECT_EQ(c.get("b")->title, "Two, corrected");
  EXPECT_FALSE(c.get("zzz").ok());
  EXPECT_EQ(c.get("zzz").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(c.provenance("b")->size(), 2u);  // created, then updated
  EXPECT_EQ(c.provenance("a")->size(), 1u);  // the unchanged re-import adds nothing
  EXPECT_EQ(*c.change_seq(), 3);
  auto brief = c.brief("b");
  ASSERT_TRUE(brief.ok());
  EXPECT_EQ(brief->title, "Two, corrected");
  EXPECT_EQ(brief->date.display, "1966");
  EXPECT_EQ(brief->date.precision, model::DatePrecision::kYear);
  EXPECT_EQ(brief->languages, (std::vector<std::string>{"sq", "en"}));
  EXPECT_FALSE(c.brief("zzz").ok());
  auto st = c.stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->documents, 2);
  ASSERT_EQ(st->original_languages.size(), 1u);
  EXPECT_EQ(st->original_languages[0], (std::pair<std::string, std::int64_t>{"sq", 2}));
}

TEST(Catalog, RollbackLeavesNothingHalfWritten) {
  TempDir dir;
  auto cat = Catalog::open(dir.file("catalog.db"));
  ASSERT_TRUE(cat.ok());
  Catalog& c = **cat;
  ASSERT_TRUE(c.begin().ok());
  ASSERT_TRUE(c.put(doc("a", "One"), prov()).ok());
  c.rollback();
  EXPECT_FALSE(c.get("a").ok());
  EXPECT_EQ(*c.change_seq(), 0);
}

TEST(Catalog, ChangesSinceIncludesDeletionsInOrder) {
  TempDir dir;
  auto cat = Catalog::open(dir.file("catalog.db"));
  ASSERT_TRUE(cat.ok());
  Catalog& c = **cat;
  ASSERT_TRUE(c.begin().ok());
  ASSERT_TRUE(c.put(doc("a", "One"), prov()).ok());
  ASSERT_TRUE(c.put(doc("b", "Two"), prov()).ok());
  EXPECT_TRUE(*c.remove("a"));
  EXPECT_FALSE(*c.remove("nope"));
  ASSERT_TRUE(c.commit().ok());
  std::vector<std::string> seen;
  ASSERT_TRUE(c.changes_since(1, [&](const Change& ch) { seen.push_back(ch.id + (ch.doc ? "+" : "-")); }).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"b+", "a-"}));
}

TEST(Catalog, ReopenKeepsDataAndUuid) {
  TempDir dir;
  std::string uuid;
  {
    auto cat = Catalog::open(dir.file("catalog.db"));
    ASSERT_TRUE(cat.ok());
    uuid = (*cat)->uuid();
    ASSERT_TRUE((*cat)->begin().ok());
    ASSERT_TRUE((*cat)->put(doc("a", "One"), prov()).ok());
    ASSERT_TRUE((*cat)->commit().ok());
  }
  auto cat = Catalog::open(dir.file("catalog.db"));
  ASSERT_TRUE(cat.ok());
  EXPECT_EQ((*cat)->uuid(), uuid);
  EXPECT_EQ((*cat)->get("a")->title, "One");
}

TEST(Catalog, SimilarListsBelongToOneVersionOfTheirRecord) {
  TempDir dir;
  auto cat = Catalog::open(dir.file("catalog.db"));
  ASSERT_TRUE(cat.ok()) << cat.error().message();
  Catalog& c = **cat;
  ASSERT_TRUE(c.begin().ok());
  for (const char* id : {"a", "b", "c"}) ASSERT_TRUE(c.put(doc(id, std::string("Title ") + id), prov()).ok());
  ASSERT_TRUE(c.commit().ok());
  using Pending = std::vector<std::pair<std::string, std::int64_t>>;
  EXPECT_EQ(*c.similar_pending(), (Pending{{"a", 1}, {"b", 2}, {"c", 3}}));
  EXPECT_FALSE(c.similar("a")->has_value());

  ASSERT_TRUE(c.put_similar("a", 1, {"c", "b"}).ok());
  ASSERT_TRUE(c.put_similar("b", 2, {}).ok());
  ASSERT_TRUE(c.put_similar("c", 2, {"a"}).ok());  // made for another version of c: not current
  EXPECT_EQ(c.similar("a")->value(), (std::vector<std::string>{"c", "b"}));
  EXPECT_EQ(c.similar("b")->value(), std::vector<std::string>{});
  EXPECT_FALSE(c.similar("c")->has_value());
  EXPECT_EQ(*c.similar_pending(), (Pending{{"c", 3}}));

  // A corrected record needs a new list; a deleted one takes its list with it.
  ASSERT_TRUE(c.begin().ok());
  ASSERT_TRUE(c.put(doc("a", "Title a, corrected"), prov()).ok());
  ASSERT_TRUE(c.remove("b").ok());
  ASSERT_TRUE(c.commit().ok());
  EXPECT_FALSE(c.similar("a")->has_value());
  EXPECT_FALSE(c.similar("b")->has_value());
  EXPECT_EQ(*c.similar_pending(), (Pending{{"c", 3}, {"a", 4}}));
  ASSERT_TRUE(c.clear_similar().ok());
  EXPECT_EQ(c.similar_pending()->size(), 2u);
}

TEST(Catalog, EverySaveIsARevisionAndOldOnesAreKeptWhole) {
  TempDir dir;
  auto cat = Catalog::open(dir.file("catalog.db"));
  ASSERT_TRUE(cat.ok()) << cat.error().message();
  Catalog& c = **cat;
  ASSERT_TRUE(c.begin().ok());
  EXPECT_EQ(*c.put(doc("a", "One"), prov(), {"", "imported from x.json", -1}), PutOutcome::kCreated);
  ASSERT_TRUE(c.commit().ok());
  EXPECT_EQ(*c.current_revision("a"), 1);
  EXPECT_EQ(*c.current_revision("nope"), 0);
  ASSERT_TRUE(c.begin().ok());
  EXPECT_EQ(*c.put(doc("a", "One, corrected"), prov(), {"ana", "typo", 1}), PutOutcome::kUpdated);
  // A save over a revision that is no longer current changes nothing.
  auto stale = c.put(doc("a", "One, lost"), prov(), {"ben", "late", 1});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code(), ErrorCode::kConflict);
  ASSERT_TRUE(c.commit().ok());
  EXPECT_EQ(c.get("a")->title, "One, corrected");
  auto revs = c.revisions("a");
  ASSERT_TRUE(revs.ok());
  ASSERT_EQ(revs->size(), 2u);
  EXPECT_EQ((*revs)[0].revision, 2);
  EXPECT_EQ((*revs)[0].saved_by, "ana");
  EXPECT_EQ((*revs)[0].message, "typo");
  EXPECT_EQ((*revs)[1].message, "imported from x.json");
  EXPECT_EQ(c.revision("a", 1)->title, "One");
  EXPECT_EQ(c.revision("a", 2)->title, "One, corrected");
  EXPECT_EQ(c.revision("a", 3).error().code(), ErrorCode::kNotFound);
  // A new record must not exist yet when the saver says so (expected revision 0).
  ASSERT_TRUE(c.begin().ok());
  EXPECT_EQ(c.put(doc("a", "Clash"), prov(), {"ben", "new", 0}).error().code(), ErrorCode::kConflict);
  c.rollback();
  // The history outlives a removed record.
  ASSERT_TRUE(c.begin().ok());
  ASSERT_TRUE(*c.remove("a"));
  ASSERT_TRUE(c.commit().ok());
  EXPECT_EQ(c.revision("a", 2)->title, "One, corrected");
  int lines = 0;
  ASSERT_TRUE(c.for_each_revision([&](const std::string& id, const RevisionInfo&, const model::Document&) {
    EXPECT_EQ(id, "a");
    ++lines;
    return true;
  }).ok());
  EXPECT_EQ(lines, 2);
}

TEST(Catalog, ReadersListsAndCountsLeaveOutHiddenRecords) {
  TempDir dir;
  auto cat = Catalog::open(dir.file("catalog.db"));
  ASSERT_TRUE(cat.ok());
  Catalog& c = **cat;
  model::Document draft = doc("d", "Draft");
  draft.publication = "draft";
  model::Document embargoed = doc("e", "Embargoed");
  embargoed.embargo_until = "2030-01-01";
  ASSERT_TRUE(c.begin().ok());
  for (const auto& d : {doc("p", "Published"), draft, embargoed}) ASSERT_TRUE(c.put(d, prov()).ok());
  ASSERT_TRUE(c.commit().ok());
  EXPECT_EQ(c.recent(10)->size(), 3u);
  auto readers = c.recent(10, "2026-11-27");
  ASSERT_EQ(readers->size(), 1u);
  EXPECT_EQ((*readers)[0].first, "p");
  EXPECT_EQ(c.recent(10, "2030-01-01")->size(), 2u);  // the embargo ends without anyone acting
  EXPECT_EQ(c.stats()->documents, 3);
  EXPECT_EQ(c.stats("2026-11-27")->documents, 1);
  EXPECT_EQ(c.stats("2026-11-27")->original_languages.at(0).second, 1);
  EXPECT_EQ(c.brief("d")->publication, "draft");
  EXPECT_EQ(c.brief("e")->embargo_until, "2030-01-01");
}

}  // namespace
}  // namespace arkiv::store
