// The lifecycle through the archive: readers never see drafts, records in review, withdrawn or
// embargoed records, in hits, totals, facets, suggestions, "more like this", recent lists or
// stats; staff see them all; every save is a revision; stale saves change nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>

#include "archive/archive.h"
#include "base/temp_dir.h"
#include "model/lifecycle.h"
#include "model/record_json.h"

namespace arkiv::archive {
namespace {

std::unique_ptr<Archive> open_writer(const TempDir& dir) {
  auto a = Archive::open(dir.file("data"), Archive::Mode::kWrite);
  if (!a) throw std::runtime_error("cannot open the archive for writing: " + a.error().message());
  return std::move(a).value();
}

std::string record(const std::string& id, const std::string& title, const std::string& text, const std::string& place) {
  nlohmann::json j = {{"id", id}, {"title", title}, {"date", "4 March 1966"}, {"places", {place}},
                      {"contents", {{{"kind", "original"}, {"language", "en"}, {"text", text}}}}};
  return j.dump() + "\n";
}

SearchQuery query(const std::string& text, Audience audience) {
  SearchQuery q;
  q.text = text;
  q.audience = audience;
  q.facets = {"place", "year"};
  return q;
}

class Lifecycle : public ::testing::Test {
 protected:
  void SetUp() override {
    a_ = open_writer(dir_);
    std::ofstream(dir_.file("public.jsonl")) << record("t/pub", "Telegram on the harvest", "The harvest in Pyongyang was good.", "Pyongyang")
                                             << record("t/pub2", "Telegram on the harvest again", "The harvest in Pyongyang was good again.", "Pyongyang");
    // Words and a place that occur only in hidden records.
    std::ofstream(dir_.file("drafts.jsonl")) << record("t/draft", "Secret minutes", "Zygomorphic orchids were discussed in Wonsan.", "Wonsan");
    ImportOptions drafts;
    drafts.publication = "draft";
    ASSERT_TRUE(a_->import({dir_.file("public.jsonl")}, {}).ok());
    auto r = a_->import({dir_.file("drafts.jsonl")}, drafts);
    ASSERT_TRUE(r.ok()) << r.error().message();
    ASSERT_EQ(r->created, 1);
  }
  TempDir dir_;
  std::unique_ptr<Archive> a_;
};

TEST_F(Lifecycle, ImportStateMakesDraftsThatReadersCannotFind) {
  auto staff = a_->search(query("zygomorphic", Audience::kStaff));
  ASSERT_TRUE(staff.ok());
  EXPECT_EQ(staff->total, 1);
  auto readers = a_->search(query("zygomorphic", Audience::kReaders));
  ASSERT_TRUE(readers.ok());
  EXPECT_EQ(readers->total, 0);
  EXPECT_TRUE(readers->hits.empty());
  // Not even as a spelling suggestion: the word is only in a hidden record.
  auto typo = a_->search(query("zygomorphik", Audience::kReaders));
  ASSERT_TRUE(typo.ok());
  EXPECT_EQ(typo->suggestion, "");
  auto staff_typo = a_->search(query("zygomorphik", Audience::kStaff));
  ASSERT_TRUE(staff_typo.ok());
  EXPECT_EQ(staff_typo->suggestion, "zygomorphic");
  // Totals and facets: the whole archive as each sees it.
  auto all_readers = a_->search(query("", Audience::kReaders));
  ASSERT_TRUE(all_readers.ok());
  EXPECT_EQ(all_readers->total, 2);
  for (const Facet& f : all_readers->facets) {
    for (const FacetValue& v : f.values) {
      EXPECT_NE(v.value, "Wonsan");
      if (f.field == "year") EXPECT_EQ(v.count, 2) << v.value;
    }
  }
  EXPECT_EQ(a_->search(query("", Audience::kStaff))->total, 3);
  EXPECT_EQ(a_->document("t/draft", Audience::kReaders).error().code(), ErrorCode::kNotFound);
  // In the same words as a record that does not exist.
  EXPECT_EQ(a_->document("t/draft", Audience::kReaders).error().message(), "no record with id 't/draft'");
  EXPECT_EQ(a_->document("t/none", Audience::kReaders).error().message(), "no record with id 't/none'");
  EXPECT_TRUE(a_->document("t/draft", Audience::kStaff).ok());
  EXPECT_EQ(a_->recent(10, Audience::kReaders)->size(), 2u);
  EXPECT_EQ(a_->stats(Audience::kReaders)->catalog.documents, 2);
  EXPECT_EQ(a_->stats(Audience::kStaff)->catalog.documents, 3);
  auto similar = a_->similar("t/pub", 5, Audience::kReaders);
  ASSERT_TRUE(similar.ok());
  for (const auto& h : *similar) EXPECT_NE(h.id, "t/draft");
}

TEST_F(Lifecycle, ReimportKeepsTheStoredStateAndAnEditIsNotOverwritten) {
  // The draft file imported again without --state: still a draft.
  ASSERT_TRUE(a_->import({dir_.file("drafts.jsonl")}, {}).ok());
  EXPECT_EQ(a_->document("t/draft", Audience::kStaff)->publication, "draft");
  // An edit, then the source again: the edit is kept and the import says why.
  auto doc = *a_->document("t/pub", Audience::kStaff);
  doc.title = "Telegram on the harvest (corrected)";
  auto saved = a_->save(doc, {"ana", "title", 1});
  ASSERT_TRUE(saved.ok()) << saved.error().message();
  auto again = a_->import({dir_.file("public.jsonl")}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(a_->document("t/pub", Audience::kStaff)->title, "Telegram on the harvest (corrected)");
  ASSERT_FALSE(again->files.empty());
  ASSERT_FALSE(again->files[0].errors.empty());
  EXPECT_NE(again->files[0].errors[0].message().find("edited in arkiv by ana"), std::string::npos) << again->files[0].errors[0].message();
}

TEST_F(Lifecycle, SavesAreRevisionsIndexedAtOnceAndStaleSavesChangeNothing) {
  auto doc = *a_->document("t/draft", Audience::kStaff);
  ASSERT_EQ(*a_->current_revision("t/draft"), 1);
  model::set_publication(doc, model::Publication::kPublished);
  auto saved = a_->save(doc, {"ed", "publish", 1});
  ASSERT_TRUE(saved.ok()) << saved.error().message();
  EXPECT_EQ(saved->revision, 2);
  // Searchable by readers at once (the writer's own index is committed).
  EXPECT_EQ(a_->search(query("zygomorphic", Audience::kReaders))->total, 1);
  // A second editor who read revision 1 cannot overwrite revision 2.
  model::Document late = doc;
  late.title = "Late title";
  auto stale = a_->save(late, {"other", "late", 1});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code(), ErrorCode::kConflict);
  EXPECT_EQ(a_->document("t/draft", Audience::kStaff)->title, "Secret minutes");
  // Withdrawn: gone for readers again.
  model::set_publication(doc, model::Publication::kWithdrawn);
  ASSERT_TRUE(a_->save(doc, {"ed", "withdraw", 2}).ok());
  EXPECT_EQ(a_->search(query("zygomorphic", Audience::kReaders))->total, 0);
  auto history = a_->history("t/draft");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].message, "withdraw");
  EXPECT_EQ((*history)[2].saved_by, "");
  EXPECT_EQ(a_->revision("t/draft", 1)->publication, "draft");
  // An invalid record is refused naming the field, and nothing changes.
  model::Document bad = *a_->document("t/draft", Audience::kStaff);
  bad.original_languages = {"notalanguage"};
  auto refused = a_->save(bad, {"ed", "", -1});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message().find("original_languages[0]"), std::string::npos);
  EXPECT_EQ(*a_->current_revision("t/draft"), 3);
}

TEST_F(Lifecycle, AnEmbargoEndsOnItsDay) {
  auto doc = *a_->document("t/draft", Audience::kStaff);
  model::set_publication(doc, model::Publication::kPublished);
  doc.embargo_until = "2999-01-01";
  ASSERT_TRUE(a_->save(doc, {"ed", "embargo", -1}).ok());
  EXPECT_EQ(a_->search(query("zygomorphic", Audience::kReaders))->total, 0);
  EXPECT_EQ(a_->search(query("zygomorphic", Audience::kStaff))->total, 1);
  doc.embargo_until = model::today_utc();  // the day has come
  ASSERT_TRUE(a_->save(doc, {"ed", "embargo ends today", -1}).ok());
  EXPECT_EQ(a_->search(query("zygomorphic", Audience::kReaders))->total, 1);
  EXPECT_TRUE(a_->document("t/draft", Audience::kReaders).ok());
}

TEST_F(Lifecycle, ExportWithHistoryHasEveryRevision) {
  auto doc = *a_->document("t/pub", Audience::kStaff);
  doc.title = "Changed";
  ASSERT_TRUE(a_->save(doc, {"ana", "retitled", -1}).ok());
  std::ostringstream out;
  ASSERT_TRUE(a_->export_jsonl(out, true).ok());
  int lines = 0, pub = 0;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line); ++lines) {
    auto j = nlohmann::json::parse(line);
    if (j["id"] == "t/pub") {
      ++pub;
      EXPECT_EQ(j["record"]["title"], j["revision"] == 1 ? "Telegram on the harvest" : "Changed");
    }
  }
  EXPECT_EQ(lines, 4);
  EXPECT_EQ(pub, 2);
}

}  // namespace
}  // namespace arkiv::archive
