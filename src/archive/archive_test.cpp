#include "model/fields.h"
#include "archive/archive.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "base/temp_dir.h"
#include "model/record_json.h"
#include "store/catalog.h"

namespace arkiv::archive {
namespace {

const std::string kFixtures = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures";
const std::string kSeed = kFixtures + "/wilson/albanian-korean-joint-declaration-1966.txt";

// Opens the writer, or fails the calling test: GoogleTest reports the exception as that test's
// failure and goes on with the next, where a null pointer would crash the whole binary.
std::unique_ptr<Archive> open_writer(const TempDir& dir) {
  auto a = Archive::open(dir.file("data"), Archive::Mode::kWrite);
  if (!a) throw std::runtime_error("cannot open the archive for writing: " + a.error().message());
  return std::move(a).value();
}

ImportOptions dry_run() {
  ImportOptions o;
  o.dry_run = true;
  return o;
}

archive::SearchQuery text(const std::string& q) {
  archive::SearchQuery s;
  s.text = q;
  return s;
}

std::vector<std::string> hit_ids(Archive& a, const std::string& q) {
  auto r = a.search(text(q));
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
  std::vector<std::string> ids;
  if (r.ok()) {
    for (const auto& h : r->hits) ids.push_back(h.id);
  }
  return ids;
}

TEST(Archive, ImportsTheSeedAndFindsItsText) {
  TempDir dir;
  auto a = open_writer(dir);
  auto r = a->import({kSeed}, {});
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->created, 1);
  EXPECT_TRUE(r->ok());
  // A phrase across the repaired page break.
  EXPECT_EQ(hit_ids(*a, "\"result of its anti-imperialist\""), std::vector<std::string>{"wcda/114408"});
  EXPECT_EQ(hit_ids(*a, "\"the sides are convinced\""), std::vector<std::string>{"wcda/114408"});
  EXPECT_EQ(hit_ids(*a, "AQPPSH"), std::vector<std::string>{"wcda/114408"});
  auto page = a->search(text("revisionism"));
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->hits.size(), 1u);
  EXPECT_NE(marked_html(page->hits[0].snippet).find("<mark>revisionism</mark>"), std::string::npos) << marked_html(page->hits[0].snippet);
  auto prov = a->provenance("wcda/114408");
  ASSERT_TRUE(prov.ok());
  ASSERT_EQ(prov->size(), 1u);
  EXPECT_EQ((*prov)[0].format, "wilson-text");
  EXPECT_EQ((*prov)[0].sha256.size(), 64u);
}

TEST(Archive, ReimportIsIdempotent) {
  TempDir dir;
  auto a = open_writer(dir);
  ASSERT_TRUE(a->import({kSeed, kFixtures + "/multilingual.jsonl"}, {}).ok());
  auto again = a->import({kSeed, kFixtures + "/multilingual.jsonl"}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 5);
  auto st = a->stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->catalog.documents, 5);
  EXPECT_EQ(st->index.index_documents, 5);
  EXPECT_TRUE(st->index.in_sync());
}

TEST(Archive, ExportImportExportIsByteIdentical) {
  TempDir dir;
  std::string first, second;
  {
    auto a = open_writer(dir);
    ASSERT_TRUE(a->import({kSeed, kFixtures + "/multilingual.jsonl"}, {}).ok());
    std::ostringstream out;
    ASSERT_TRUE(a->export_jsonl(out).ok());
    first = out.str();
  }
  std::string path = dir.file("export.jsonl");
  std::ofstream(path) << first;
  auto b = Archive::open(dir.file("other"), Archive::Mode::kWrite);
  ASSERT_TRUE(b.ok());
  auto r = (*b)->import({path}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->created, 5);
  EXPECT_EQ(r->errors, 0);
  std::ostringstream out;
  ASSERT_TRUE((*b)->export_jsonl(out).ok());
  second = out.str();
  EXPECT_EQ(first, second);
  // The five records, after the authorities their names link to and the collections they are in.
  std::size_t records = 0, authorities = 0;
  std::istringstream lines(first);
  for (std::string l; std::getline(lines, l);) {
    if (l.find("\"type\":\"authority\"") != std::string::npos) ++authorities;
    else if (l.find("\"type\":\"unit\"") == std::string::npos) ++records;
  }
  EXPECT_EQ(records, 5u);
  EXPECT_GT(authorities, 0u);
}

TEST(Archive, BadFilesAreReportedAndGoodOnesStillImported) {
  TempDir dir;
  auto a = open_writer(dir);
  auto r = a->import({kFixtures + "/broken/truncated.jsonl", kSeed, kFixtures + "/broken/empty.json", dir.file("missing.json")}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->created, 2);  // the seed and the good first line of truncated.jsonl
  EXPECT_EQ(r->failed_files, 2);
  EXPECT_FALSE(r->ok());
  ASSERT_EQ(r->files.size(), 4u);
  EXPECT_NE(r->files[0].errors.at(0).message().find("truncated.jsonl: line 2: invalid JSON"), std::string::npos)
      << r->files[0].errors[0].message();
  EXPECT_NE(r->files[2].errors.at(0).message().find("empty.json: empty file"), std::string::npos)
      << r->files[2].errors[0].message();
  EXPECT_NE(r->files[3].errors.at(0).message().find("no such file"), std::string::npos);
}

TEST(Archive, DryRunWritesNothingAndReportsOutcomes) {
  TempDir dir;
  auto a = open_writer(dir);
  auto r = a->import({kSeed}, dry_run());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->created, 1);
  EXPECT_FALSE(a->document("wcda/114408", Audience::kStaff).ok());
  EXPECT_TRUE(hit_ids(*a, "declaration").empty());
  ASSERT_TRUE(a->import({kSeed}, {}).ok());
  r = a->import({kSeed}, dry_run());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->unchanged, 1);
}

TEST(Archive, CrashBetweenCatalogAndIndexIsRepairedAtOpen) {
  TempDir dir;
  { auto a = open_writer(dir); ASSERT_TRUE(a->import({kSeed}, {}).ok()); }
  // A writer that died after its catalog commit, before its index commit.
  {
    auto cat = store::Catalog::open(dir.file("data") + "/catalog.db");
    ASSERT_TRUE(cat.ok());
    model::Document d;
    d.id = "late/1";
    d.title = "Committed to the catalog only";
    d.contents.push_back({"original", "en", "", "", "A zanzibar of a word.", {}});
    ASSERT_TRUE((*cat)->begin().ok());
    ASSERT_TRUE((*cat)->put(d, {"x", "json", "0", ""}).ok());
    ASSERT_TRUE((*cat)->remove("wcda/114408").ok());
    ASSERT_TRUE((*cat)->commit().ok());
  }
  auto reader = Archive::open(dir.file("data"), Archive::Mode::kRead);
  ASSERT_TRUE(reader.ok()) << reader.error().message();
  EXPECT_EQ(hit_ids(**reader, "zanzibar"), std::vector<std::string>{"late/1"});
  EXPECT_TRUE(hit_ids(**reader, "revisionism").empty());
  auto st = (*reader)->stats();
  ASSERT_TRUE(st.ok());
  EXPECT_TRUE(st->index.in_sync());
  EXPECT_EQ(st->index.index_documents, 1);
}

TEST(Archive, ReindexRebuildsFromTheCatalog) {
  TempDir dir;
  auto a = open_writer(dir);
  ASSERT_TRUE(a->import({kFixtures + "/multilingual.jsonl"}, {}).ok());
  std::filesystem::remove_all(dir.file("data") + "/index/postlist.glass");
  auto n = a->reindex();
  ASSERT_TRUE(n.ok()) << n.error().message();
  EXPECT_EQ(*n, 4);
  // 평양 in the Korean text, and (a name variant of it) the place Pyongyang of the Albanian record.
  EXPECT_EQ(hit_ids(*a, "평양"), (std::vector<std::string>{"test/ko-1", "test/sq-1"}));
}

// Importers that misbehave on files that start with their keyword.
class MisbehavingImporter : public ingest::Importer {
 public:
  explicit MisbehavingImporter(std::string keyword) : keyword_(std::move(keyword)) {}
  std::string_view format() const override { return keyword_; }
  int sniff(const ingest::SourceFile& f) const override { return f.bytes.rfind(keyword_, 0) == 0 ? 100 : 0; }
  bool isolate() const override { return true; }
  ingest::ParseOutput parse(const ingest::SourceFile&) const override {
    if (keyword_ == "CRASH") std::abort();
    for (;;) pause();  // HANG
  }

 private:
  std::string keyword_;
};

TEST(Archive, AParserThatCrashesOrHangsCostsOneFile) {
  TempDir dir;
  auto registry = ingest::ImporterRegistry::with_builtin_importers();
  registry.add(std::make_unique<MisbehavingImporter>("CRASH"));
  registry.add(std::make_unique<MisbehavingImporter>("HANG"));
  std::ofstream(dir.file("crash.txt")) << "CRASH now";
  std::ofstream(dir.file("hang.txt")) << "HANG now";
  auto a = open_writer(dir);
  ImportOptions options;
  options.registry = &registry;
  options.parse_timeout = std::chrono::milliseconds(1500);
  auto r = a->import({dir.file("crash.txt"), kSeed, dir.file("hang.txt"), kFixtures + "/multilingual.jsonl"}, options);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->created, 5);
  EXPECT_EQ(r->failed_files, 2);
  EXPECT_NE(r->files[0].errors.at(0).message().find("crashed (signal 6)"), std::string::npos) << r->files[0].errors[0].message();
  EXPECT_NE(r->files[2].errors.at(0).message().find("did not finish within 1500 ms"), std::string::npos) << r->files[2].errors[0].message();
}

TEST(Archive, IsolatedParsersReturnTheSameRecords) {
  TempDir dir;
  std::string frus = kFixtures + "/frus/frus1918Russiav03.xml";
  auto a = open_writer(dir);
  ImportOptions in_process;
  in_process.isolate_parsers = false;
  in_process.dry_run = true;
  auto direct = a->import({frus}, in_process);
  auto isolated = a->import({frus}, dry_run());
  ASSERT_TRUE(direct.ok());
  ASSERT_TRUE(isolated.ok());
  EXPECT_EQ(direct->created, 478);
  EXPECT_EQ(isolated->created, 478);
  EXPECT_EQ(isolated->errors, 0);
}

TEST(Archive, ImportStoresMoreLikeThisListsForChangedRecords) {
  TempDir dir;
  const std::string volume = kFixtures + "/frus/frus1918Russiav03.xml";
  const std::string id = "frus1918Russiav03/d10";
  auto a = open_writer(dir);
  auto r = a->import({volume}, {});
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->similar_lists, r->created);
  auto cat = store::Catalog::open(dir.file("data") + "/catalog.db");
  ASSERT_TRUE(cat.ok());
  EXPECT_TRUE((*cat)->similar_pending()->empty());
  auto stored = (*cat)->similar(id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  const std::vector<std::string>& list = **stored;
  ASSERT_EQ(list.size(), static_cast<std::size_t>(Archive::kSimilarKept));
  EXPECT_EQ(std::count(list.begin(), list.end(), id), 0);

  // Pages read the stored list, in its order, in this process and in a reader.
  auto reader = Archive::open(dir.file("data"), Archive::Mode::kRead);
  ASSERT_TRUE(reader.ok());
  for (Archive* x : {a.get(), reader->get()}) {
    auto hits = x->similar(id, 5, Audience::kStaff);
    ASSERT_TRUE(hits.ok());
    std::vector<std::string> ids;
    for (const auto& h : *hits) ids.push_back(h.id);
    EXPECT_EQ(ids, std::vector<std::string>(list.begin(), list.begin() + 5));
  }

  // Unchanged records keep their lists; a corrected record gets a new one at its import.
  auto again = a->import({volume}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->similar_lists, 0);
  auto doc = a->document(id, Audience::kStaff);
  ASSERT_TRUE(doc.ok());
  doc->title += " (corrected)";
  std::string fixed = dir.file("fixed.jsonl");
  {
    std::ofstream out(fixed);
    out << model::to_json_line(*doc) << "\n";
  }
  ImportOptions replace;  // the correction comes from another file than the volume
  replace.replace = true;
  auto corrected = a->import({fixed}, replace);
  ASSERT_TRUE(corrected.ok() && corrected->ok());
  EXPECT_EQ(corrected->updated, 1);
  EXPECT_EQ(corrected->similar_lists, 1);
  EXPECT_TRUE((*cat)->similar(id)->has_value());

  // Reindex renews every list, and finds what a fresh archive of the same records finds
  // (records indexed in another order: the lists do not depend on docids).
  auto n = a->reindex();
  ASSERT_TRUE(n.ok());
  EXPECT_TRUE((*cat)->similar_pending()->empty());
  TempDir other;
  auto b = open_writer(other);
  ASSERT_TRUE(b->import({volume}, {}).ok());
  ASSERT_TRUE(b->import({fixed}, replace).ok());
  auto other_cat = store::Catalog::open(other.file("data") + "/catalog.db");
  ASSERT_TRUE(other_cat.ok());
  EXPECT_EQ((*cat)->similar(id)->value(), (*other_cat)->similar(id)->value());
  EXPECT_EQ(std::set<std::string>(list.begin(), list.end()).size(), list.size());
}

TEST(Archive, ReadersShareCountsAcrossPagesAndNeverServeAnOldRevision) {
  TempDir dir;
  auto w = open_writer(dir);
  ASSERT_TRUE(w->import({kFixtures + "/frus/frus1918Russiav03.xml"}, {}).ok());
  auto cache = std::make_shared<SearchCache>();
  auto open_reader = [&](bool caching) {
    auto r = Archive::open(dir.file("data"), Archive::Mode::kRead);
    EXPECT_TRUE(r.ok());
    (*r)->set_caching(caching);
    if (caching) (*r)->share_search_cache(cache);
    return std::move(r).value();
  };
  auto a = open_reader(true), b = open_reader(true), plain = open_reader(false);
  archive::SearchQuery q = text("government");
  q.facets = model::field_names(model::kFacet);
  auto first = a->search(q);
  ASSERT_TRUE(first.ok());
  ASSERT_GT(first->total, 20);
  // Page 2 from another reader: counts from the shared summary, hits of its own; the same
  // as an uncached search.
  q.offset = 10;
  auto second = b->search(q), fresh = plain->search(q);
  ASSERT_TRUE(second.ok() && fresh.ok());
  EXPECT_EQ(second->total, fresh->total);
  ASSERT_EQ(second->facets.size(), fresh->facets.size());
  for (std::size_t i = 0; i < fresh->facets.size(); ++i) {
    EXPECT_EQ(second->facets[i].field, fresh->facets[i].field);
    ASSERT_EQ(second->facets[i].values.size(), fresh->facets[i].values.size()) << fresh->facets[i].field;
    for (std::size_t j = 0; j < fresh->facets[i].values.size(); ++j) {
      EXPECT_EQ(second->facets[i].values[j].value, fresh->facets[i].values[j].value);
      EXPECT_EQ(second->facets[i].values[j].count, fresh->facets[i].values[j].count);
    }
  }
  std::vector<std::string> ids, fresh_ids;
  for (const auto& h : second->hits) ids.push_back(h.id);
  for (const auto& h : fresh->hits) fresh_ids.push_back(h.id);
  EXPECT_EQ(ids, fresh_ids);

  // A new index revision: the readers see the new total, not the cached one.
  ASSERT_TRUE(w->import({kSeed}, {}).ok());  // the seed mentions its government too
  q.offset = 0;
  std::int64_t before = first->total;
  ASSERT_TRUE(a->refresh());
  auto after = a->search(q);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total, before + 1);
}

// A hit whose words are in none of its texts says where they are, and shows that field with
// the words marked instead of a snippet without them (issue 11, item 4).
TEST(Archive, HitsSayWhereTheyMatchedWhenNotInTheText) {
  TempDir dir;
  {
    std::ofstream out(dir.file("records.jsonl"));
    out << R"({"id":"t/text","title":"Report on the harvest","date":"1966","original_languages":["en"],"contents":[{"kind":"original","language":"en","text":"The Boxer question was discussed at length."}]})" "\n"
        << R"({"id":"t/subject","title":"Note verbale","date":"1966","original_languages":["en"],"subjects":["Boxer Indemnity"],"people":["Li Hongzhang"],"contents":[{"kind":"original","language":"en","text":"The legation presents its compliments."}]})" "\n"
        << R"({"id":"t/title","title":"Boxers at the gates","date":"1966","original_languages":["en"],"contents":[{"kind":"original","language":"en","text":"Nothing further to report."}]})" "\n";
  }
  auto w = open_writer(dir);
  ASSERT_TRUE(w->import({dir.file("records.jsonl")}, {}).ok());
  auto find = [&](const std::string& q) {
    std::map<std::string, SearchHit> hits;
    auto r = w->search(text(q));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
    if (r.ok()) {
      for (const auto& h : r->hits) hits[h.id] = h;
    }
    return hits;
  };
  auto marked = [](const MarkedText& t) { return marked_with(t, "[", "]"); };
  auto hits = find("boxer");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_TRUE(hits["t/text"].matched_in.empty());
  EXPECT_EQ(marked(hits["t/text"].snippet), "The [Boxer] question was discussed at length.");
  EXPECT_EQ(hits["t/subject"].matched_in, std::vector<std::string>{"subject"});
  EXPECT_EQ(marked(hits["t/subject"].snippet), "[Boxer] Indemnity");
  EXPECT_EQ(hits["t/title"].matched_in, std::vector<std::string>{"title"});
  EXPECT_EQ(marked(hits["t/title"].snippet), "[Boxers] at the gates");
  // A field query marks its words too; two fields matched are both named.
  hits = find("person:hongzhang OR indemnity");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits["t/subject"].matched_in, (std::vector<std::string>{"subject", "person"}));
  EXPECT_EQ(marked(hits["t/subject"].snippet), "Boxer [Indemnity]; Li [Hongzhang]");
}

// Counts are exact; a count stopped by the budget says so, and asking for the exact count gets
// it, never the stopped answer from the cache.
TEST(Archive, ACountStoppedByTheBudgetSaysSoAndTheExactOneIsNotTakenFromIt) {
  TempDir dir;
  auto w = open_writer(dir);
  ASSERT_TRUE(w->import({kFixtures + "/frus/frus1918Russiav03.xml"}, {}).ok());
  auto r = Archive::open(dir.file("data"), Archive::Mode::kRead);
  ASSERT_TRUE(r.ok());
  Archive& reader = **r;
  archive::SearchQuery q = text("\"the government\"");
  q.facets = {"decade"};
  auto in_budget = reader.search(q);  // the default budget: ample for these records
  ASSERT_TRUE(in_budget.ok());
  EXPECT_TRUE(in_budget->total_exact);
  EXPECT_FALSE(in_budget->count_stopped);
  EXPECT_GT(in_budget->total, 10);

  reader.set_count_budget(1e-9);  // spent before the first match
  auto stopped = reader.search(q);
  ASSERT_TRUE(stopped.ok());
  EXPECT_TRUE(stopped->count_stopped);
  EXPECT_FALSE(stopped->total_exact);
  EXPECT_TRUE(stopped->facets.empty());
  EXPECT_EQ(stopped->hits.size(), 10u);
  q.offset = 10;  // the next page reuses the stopped summary, and says so too
  auto next = reader.search(q);
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE(next->count_stopped);

  q.offset = 0;
  q.exact_counts = true;
  auto exact = reader.search(q);
  ASSERT_TRUE(exact.ok());
  EXPECT_TRUE(exact->total_exact);
  EXPECT_FALSE(exact->count_stopped);
  EXPECT_EQ(exact->total, in_budget->total);
  ASSERT_EQ(exact->facets.size(), 1u);
  ASSERT_EQ(in_budget->facets.size(), 1u);
  ASSERT_EQ(exact->facets[0].values.size(), in_budget->facets[0].values.size());
  for (std::size_t i = 0; i < exact->facets[0].values.size(); ++i) {
    EXPECT_EQ(exact->facets[0].values[i].value, in_budget->facets[0].values[i].value);
    EXPECT_EQ(exact->facets[0].values[i].count, in_budget->facets[0].values[i].count);
  }
}

TEST(Archive, OnlyOneWriterAtATime) {
  TempDir dir;
  auto a = open_writer(dir);
  auto b = Archive::open(dir.file("data"), Archive::Mode::kWrite);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code(), ErrorCode::kBusy);
  auto reader = Archive::open(dir.file("data"), Archive::Mode::kRead);
  EXPECT_TRUE(reader.ok());
}

}  // namespace
}  // namespace arkiv::archive
