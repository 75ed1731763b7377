// Authorities and arrangement through the archive (issue 12): a FRUS volume's list of persons
// becomes authority records its documents link to, whatever form they write; its chapters
// become series, in order, with documents numbered inside; names that match two authorities
// are linked to neither and listed for review; merges move links and redirect; collections of
// other formats become collection units; export and import keep all of it byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "archive/archive.h"
#include "base/temp_dir.h"
#include "model/authority.h"
#include "model/name_variants.h"
#include "model/record_json.h"

namespace arkiv::archive {
namespace {

const std::string kFrus = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/frus/";

std::unique_ptr<Archive> open_writer(const std::string& dir) {
  auto a = Archive::open(dir, Archive::Mode::kWrite);
  if (!a) throw std::runtime_error("cannot open the archive for writing: " + a.error().message());
  return std::move(a).value();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::size_t count_matches(const std::string& text, const std::string& pattern) {
  std::regex re(pattern);
  return static_cast<std::size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

std::int64_t total(Archive& a, const std::vector<std::pair<std::string, std::string>>& filters, const std::string& text = "") {
  SearchQuery q;
  q.text = text;
  q.filters = filters;
  q.limit = 0;
  auto page = a.search(q);
  if (!page) throw std::runtime_error(page.error().message());
  return page->total;
}

class FrusVolume : public ::testing::Test {
 protected:
  void SetUp() override {
    a_ = open_writer(dir_.file("data"));
    auto r = a_->import({kFrus + "frus1919Parisv01-excerpt.xml"}, {});
    ASSERT_TRUE(r.ok()) << r.error().message();
    ASSERT_GT(r->created, 0);
  }
  TempDir dir_;
  std::unique_ptr<Archive> a_;
};

TEST_F(FrusVolume, EveryPersonOfTheListIsOneAuthority) {
  const std::string tei = slurp(kFrus + "frus1919Parisv01-excerpt.xml");
  const std::size_t listed = count_matches(tei, R"(<persName xml:id=")");
  ASSERT_GT(listed, 100u);
  std::size_t from_list = 0;
  ASSERT_TRUE(a_->for_each_authority([&](const model::Authority& au) {
    for (const auto& i : au.identifiers) from_list += i.scheme == "frus" && i.value.starts_with("frus1919Parisv01#p_");
    return true;
  }));
  EXPECT_EQ(from_list, listed);
  // House is written "Colonel House", "House" ... and linked through @corresp: one authority.
  auto house = a_->authority("person/house-colonel-edward-m", Audience::kReaders);
  ASSERT_TRUE(house.ok());
  ASSERT_TRUE(house->has_value()) << "the list's House, Colonel Edward M.";
  EXPECT_EQ((*house)->authority.name, "House, Colonel Edward M.");
  EXPECT_NE((*house)->authority.note.find("special representative"), std::string::npos) << (*house)->authority.note;
}

TEST_F(FrusVolume, LinkedNamesCountOnceUnderTheirAuthority) {
  SearchQuery q;
  q.limit = 0;
  q.facets = {"person"};
  q.facet_limit = 10000;
  auto page = a_->search(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->facets.size(), 1u);
  std::set<std::string> labels;
  for (const FacetValue& v : page->facets[0].values) {
    if (!model::is_authority_id(v.value)) continue;
    EXPECT_FALSE(v.label.empty()) << v.value;
    EXPECT_TRUE(labels.insert(v.label).second) << "listed twice: " << v.label;
  }
  // Wilson, written "Wilson" and "the President" in the excerpt, is one entry with every document.
  auto wilson = a_->authority("person/wilson-woodrow", Audience::kReaders);
  ASSERT_TRUE(wilson.ok());
  ASSERT_TRUE(wilson->has_value());
  EXPECT_GT(total(*a_, {{"person", "person/wilson-woodrow"}}), 0);
}

TEST_F(FrusVolume, FieldQueriesMatchWordsOfEveryNameFolded) {
  // "person:lansing" used to need the comma ("lansing,"): words are split as in free text, and
  // a linked value also answers to its authority's names ("Lansing, Robert").
  EXPECT_GT(total(*a_, {}, "person:lansing"), 0);
  EXPECT_EQ(total(*a_, {}, "person:lansing"), total(*a_, {}, "person:robert person:lansing"));
  EXPECT_GT(total(*a_, {}, "collection:paris"), 0);
  EXPECT_EQ(total(*a_, {}, "collection:paris"), total(*a_, {}));
}

TEST_F(FrusVolume, ChaptersAreSeriesAndDocumentsKeepTheirNumbersInOrder) {
  const std::string tei = slurp(kFrus + "frus1919Parisv01-excerpt.xml");
  const std::size_t chapters = count_matches(tei, R"re(<div type="(chapter|subchapter|compilation)")re");
  auto volume = a_->unit("frus1919Parisv01", Audience::kReaders);
  ASSERT_TRUE(volume.ok());
  ASSERT_TRUE(volume->has_value());
  EXPECT_EQ((*volume)->unit.level, "collection");
  std::size_t series = 0;
  std::function<void(const UnitNode&)> walk = [&](const UnitNode& n) {
    for (const UnitNode& c : n.children) {
      ++series;
      EXPECT_EQ(c.unit.level, "series");
      walk(c);
    }
  };
  walk((*volume)->tree);
  EXPECT_EQ(series, chapters);
  const std::size_t documents = count_matches(tei, R"(<div type="document")");
  EXPECT_EQ((*volume)->tree.documents, static_cast<std::int64_t>(documents));
  // Chapter heads are no longer subjects.
  EXPECT_EQ(total(*a_, {}, "subject:conference"), 0);
  // Document 2 sits between 1 and 3, in its chapter, under the volume.
  auto d2 = a_->document("frus1919Parisv01/d2", Audience::kReaders);
  ASSERT_TRUE(d2.ok());
  auto place = a_->place_of(*d2, Audience::kReaders);
  ASSERT_TRUE(place.ok());
  ASSERT_GE(place->trail.size(), 2u);
  EXPECT_EQ(place->trail.front().id, "frus1919Parisv01");
  EXPECT_EQ(place->number, "2");
  ASSERT_TRUE(place->previous.has_value());
  ASSERT_TRUE(place->next.has_value());
  EXPECT_EQ(place->previous->number, "1");
  EXPECT_EQ(place->next->number, "3");
  // "Collection order" reads the volume in its order.
  SearchQuery q;
  q.sort = SortOrder::kCollection;
  q.limit = 5;
  auto page = a_->search(q);
  ASSERT_TRUE(page.ok());
  ASSERT_GE(page->hits.size(), 3u);
  EXPECT_EQ(page->hits[0].id, "frus1919Parisv01/d1");
  EXPECT_EQ(page->hits[1].id, "frus1919Parisv01/d2");
  EXPECT_EQ(page->hits[2].id, "frus1919Parisv01/d3");
}

TEST_F(FrusVolume, ReimportChangesNothing) {
  auto again = a_->import({kFrus + "frus1919Parisv01-excerpt.xml"}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
}

std::string line(const nlohmann::json& j) { return j.dump() + "\n"; }

nlohmann::json record(const std::string& id, std::vector<std::string> people, std::vector<std::string> collections = {}) {
  return {{"id", id},
          {"title", "Record " + id},
          {"date", "4 March 1966"},
          {"people", people},
          {"collections", collections},
          {"contents", nlohmann::json::array({{{"kind", "original"}, {"language", "en"}, {"text", "Text of " + id}}})}};
}

TEST(Authorities, ANameMatchingTwoIsLinkedToNeitherAndListedWithBoth) {
  TempDir dir;
  auto a = open_writer(dir.file("data"));
  std::ofstream(dir.file("in.jsonl")) << line(model::to_json(model::Authority{"person/baker-newton-d", "person", "Baker, Newton D.", {}, "", "", {}, {}}))
                                      << line(model::to_json(model::Authority{"person/baker-ray-stannard", "person", "Baker, Ray Stannard", {}, "", "", {}, {}}))
                                      << line(record("r1", {"Baker"})) << line(record("r2", {"Newton D. Baker"}));
  auto r = a->import({dir.file("in.jsonl")}, {});
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->created, 2);
  auto r1 = a->document("r1", Audience::kStaff);
  ASSERT_TRUE(r1.ok());
  EXPECT_TRUE(r1->links.empty());
  auto review = a->names_to_review();
  ASSERT_TRUE(review.ok());
  ASSERT_EQ(review->size(), 1u);
  EXPECT_EQ((*review)[0].document_id, "r1");
  EXPECT_EQ((*review)[0].form, "Baker");
  ASSERT_EQ((*review)[0].candidates.size(), 2u);
  EXPECT_EQ((*review)[0].candidates[0].id, "person/baker-newton-d");
  EXPECT_EQ((*review)[0].candidates[1].id, "person/baker-ray-stannard");
  auto r2 = a->document("r2", Audience::kStaff);
  ASSERT_TRUE(r2.ok());
  ASSERT_EQ(r2->links.size(), 1u);
  EXPECT_EQ(r2->links[0].authority, "person/baker-newton-d");
  EXPECT_EQ(r2->links[0].form, "Newton D. Baker") << "the link keeps the form the source used";
}

// A save links its names by the rules of an import, reading from the catalog only the name keys
// it needs: a unique match links, two matches link neither (listed for review), a new name
// makes an authority that the next save finds.
TEST(Authorities, ASaveLinksItsNamesAsAnImportDoes) {
  TempDir dir;
  auto a = open_writer(dir.file("data"));
  std::ofstream(dir.file("in.jsonl")) << line(model::to_json(model::Authority{"person/baker-newton-d", "person", "Baker, Newton D.", {}, "", "", {}, {}}))
                                      << line(model::to_json(model::Authority{"person/baker-ray-stannard", "person", "Baker, Ray Stannard", {}, "", "", {}, {}}));
  auto r = a->import({dir.file("in.jsonl")}, {});
  ASSERT_TRUE(r.ok()) << r.error().message();
  auto save = [&](const nlohmann::json& j) {
    auto doc = model::from_json(j);
    if (!doc) throw std::runtime_error(doc.error().message());
    auto saved = a->save(*doc, {"ed", "", -1});
    if (!saved) throw std::runtime_error(saved.error().message());
    auto stored = a->document(j["id"].get<std::string>(), Audience::kStaff);
    if (!stored) throw std::runtime_error(stored.error().message());
    std::map<std::string, std::string> links;
    for (const model::NameLink& l : stored->links) links[l.form] = l.authority;
    return links;
  };
  auto r3 = save(record("r3", {"Newton Baker", "Baker", "Woodrow Wilson"}));
  EXPECT_EQ(r3["Newton Baker"], "person/baker-newton-d");
  EXPECT_FALSE(r3.contains("Baker")) << "two candidates: linked to neither";
  ASSERT_TRUE(r3.contains("Woodrow Wilson"));
  const std::string wilson = r3["Woodrow Wilson"];
  EXPECT_TRUE(wilson.starts_with("person/")) << wilson;
  auto review = a->names_to_review();
  ASSERT_TRUE(review.ok());
  ASSERT_EQ(review->size(), 1u);
  EXPECT_EQ((*review)[0].form, "Baker");
  EXPECT_EQ((*review)[0].candidates.size(), 2u);
  auto r4 = save(record("r4", {"Wilson, Woodrow", "Ray Stannard Baker"}));
  EXPECT_EQ(r4["Wilson, Woodrow"], wilson) << "the authority the first save made";
  EXPECT_EQ(r4["Ray Stannard Baker"], "person/baker-ray-stannard");
}

TEST(Authorities, MergeMovesLinksRedirectsAndRefusesTheImpossible) {
  TempDir dir;
  auto a = open_writer(dir.file("data"));
  std::ofstream(dir.file("in.jsonl")) << line(model::to_json(model::Authority{"place/pyongyang", "place", "Pyongyang", {}, "", "", {}, {}}))
                                      << line(record("r1", {"Kim Il Sung"})) << line(record("r2", {"Kim Ir Sen"}));
  ASSERT_TRUE(a->import({dir.file("in.jsonl")}, {}).ok());
  auto r1 = a->document("r1", Audience::kStaff);
  auto r2 = a->document("r2", Audience::kStaff);
  ASSERT_TRUE(r1.ok() && r2.ok());
  ASSERT_EQ(r1->links.size(), 1u);
  ASSERT_EQ(r2->links.size(), 1u);
  const std::string kim = r1->links[0].authority, ir_sen = r2->links[0].authority;
  ASSERT_NE(kim, ir_sen);
  EXPECT_FALSE(a->merge_authorities(kim, kim, "tester").ok()) << "into itself";
  EXPECT_FALSE(a->merge_authorities(ir_sen, "place/pyongyang", "tester").ok()) << "a person into a place";
  EXPECT_FALSE(a->merge_authorities("person/nobody", kim, "tester").ok());
  auto merged = a->merge_authorities(ir_sen, kim, "tester");
  ASSERT_TRUE(merged.ok()) << merged.error().message();
  EXPECT_EQ(merged->records, 1);
  r2 = a->document("r2", Audience::kStaff);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->links[0].authority, kim);
  EXPECT_EQ(r2->people[0], "Kim Ir Sen") << "the record keeps its own form";
  EXPECT_EQ(total(*a, {{"person", kim}}), 2);
  auto old = a->authority(ir_sen, Audience::kReaders);
  ASSERT_TRUE(old.ok());
  ASSERT_TRUE(old->has_value()) << "the old id redirects";
  EXPECT_EQ((*old)->authority.id, kim);
  bool variant = false;
  for (const auto& v : (*old)->authority.variants) variant = variant || v.name == "Kim Ir Sen";
  EXPECT_TRUE(variant) << "the merged name is a variant";
  // A later record naming "Kim Ir Sen" now links to the merged authority.
  std::ofstream(dir.file("more.jsonl")) << line(record("r3", {"Kim Ir Sen"}));
  ASSERT_TRUE(a->import({dir.file("more.jsonl")}, {}).ok());
  auto r3 = a->document("r3", Audience::kStaff);
  ASSERT_TRUE(r3.ok());
  ASSERT_EQ(r3->links.size(), 1u);
  EXPECT_EQ(r3->links[0].authority, kim);
  auto history = a->history("r2");
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 2u) << "the merge saved a revision of r2";
}

TEST(Arrangement, CollectionsOfOtherFormatsBecomeUnitsWithAPrimaryPlace) {
  TempDir dir;
  auto a = open_writer(dir.file("data"));
  std::ofstream(dir.file("in.jsonl")) << line(record("w1", {}, {"Albania-North Korea Relations", "Cold War History"}))
                                      << line(record("w2", {}, {"Albania-North Korea Relations"}));
  ASSERT_TRUE(a->import({dir.file("in.jsonl")}, {}).ok());
  auto w1 = a->document("w1", Audience::kReaders);
  ASSERT_TRUE(w1.ok());
  ASSERT_EQ(w1->arrangement.size(), 2u);
  EXPECT_EQ(w1->arrangement[0].unit, "collection/albania-north-korea-relations");
  auto place = a->place_of(*w1, Audience::kReaders);
  ASSERT_TRUE(place.ok());
  ASSERT_EQ(place->trail.size(), 1u);
  EXPECT_EQ(place->trail[0].name, "Albania-North Korea Relations");
  ASSERT_TRUE(place->next.has_value());
  EXPECT_EQ(place->next->id, "w2");
  auto collections = a->collections();
  ASSERT_TRUE(collections.ok());
  EXPECT_EQ(collections->size(), 2u);
}

// Collection names that begin alike past the 60 characters of an id's slug are two
// collections, each with its own title (three FRUS volumes' titles were filed under the first
// one's); a name that differs only in case and punctuation is the same collection.
TEST(Arrangement, LongCollectionNamesThatBeginAlikeStayApart) {
  TempDir dir;
  auto a = open_writer(dir.file("data"));
  const std::string russia = "Papers Relating to the Foreign Relations of the United States, 1918, Russia, Volume III";
  const std::string paris = "Papers Relating to the Foreign Relations of the United States, The Paris Peace Conference, 1919, Volume I";
  const std::string russia_again = "papers relating to the foreign relations of the United States 1918 Russia Volume III";
  std::ofstream(dir.file("in.jsonl")) << line(record("c1", {}, {russia})) << line(record("c2", {}, {paris}))
                                      << line(record("c3", {}, {russia_again}));
  auto r = a->import({dir.file("in.jsonl")}, {});
  ASSERT_TRUE(r.ok()) << r.error().message();
  auto collections = a->collections();
  ASSERT_TRUE(collections.ok());
  ASSERT_EQ(collections->size(), 2u);
  std::map<std::string, std::string> unit_of;  // record -> its collection's title
  for (const char* id : {"c1", "c2", "c3"}) {
    auto d = a->document(id, Audience::kStaff);
    ASSERT_TRUE(d.ok());
    ASSERT_EQ(d->arrangement.size(), 1u) << id;
    for (const model::Unit& u : *collections) {
      if (u.id == d->arrangement[0].unit) unit_of[id] = u.title;
    }
  }
  EXPECT_EQ(unit_of["c1"], russia);
  EXPECT_EQ(unit_of["c2"], paris);
  EXPECT_EQ(unit_of["c3"], russia) << "the same name, written in another case";
}

// Records stored before catalog migration 8 have names and no links (tests/fixtures/catalogs/
// v7.db, written by the binary before authorities). `authority relink` links them as an import
// would: one authority per place, shared by the records that name it; a second run changes
// nothing.
TEST(Authorities, RelinkLinksRecordsStoredBeforeAuthoritiesExisted) {
  TempDir dir;
  std::filesystem::create_directories(dir.file("data"));
  std::filesystem::copy_file(std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/catalogs/v7.db", dir.file("data") + "/catalog.db");
  auto a = open_writer(dir.file("data"));
  auto sq = a->document("test/sq-1", Audience::kStaff);
  ASSERT_TRUE(sq.ok()) << sq.error().message();
  ASSERT_EQ(sq->places, (std::vector<std::string>{"Tiranë", "Pyongyang"}));
  ASSERT_TRUE(sq->links.empty());
  auto r = a->relink_records("archivist");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->records, 5);
  EXPECT_EQ(r->changed, 3) << "test/sq-1, test/ko-1 and test/ru-1 name places";
  sq = a->document("test/sq-1", Audience::kStaff);
  auto ko = a->document("test/ko-1", Audience::kStaff);
  ASSERT_TRUE(sq.ok() && ko.ok());
  ASSERT_EQ(sq->links.size(), 2u);
  ASSERT_EQ(ko->links.size(), 1u);
  std::string pyongyang;
  for (const model::NameLink& l : sq->links) {
    if (l.form == "Pyongyang") pyongyang = l.authority;
  }
  EXPECT_EQ(ko->links[0].authority, pyongyang) << "one authority for the place both records name";
  auto view = a->authority(pyongyang, Audience::kReaders);
  ASSERT_TRUE(view.ok() && view->has_value());
  EXPECT_EQ((*view)->authority.name, "Pyongyang");
  // Saved as a revision, with who and why.
  auto history = a->history("test/sq-1");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  const RevisionEntry& newest = history->front().revision == 2 ? history->front() : history->back();
  EXPECT_EQ(newest.revision, 2);
  EXPECT_EQ(newest.saved_by, "archivist");
  EXPECT_NE(newest.message.find("relink"), std::string::npos);
  // The index knows the links: the authority's id finds both records.
  EXPECT_EQ(total(*a, {{"place", pyongyang}}, ""), 2);
  auto again = a->relink_records("archivist");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->changed, 0);
  EXPECT_EQ(a->history("test/sq-1")->size(), 2u);
}

TEST(Arrangement, ExportImportRoundTripIsByteIdentical) {
  TempDir dir;
  {
    auto a = open_writer(dir.file("one"));
    ASSERT_TRUE(a->import({kFrus + "frus1919Parisv01-excerpt.xml"}, {}).ok());
    std::ofstream(dir.file("in.jsonl")) << line(record("w1", {"Baker"}, {"Albania-North Korea Relations"}));
    ASSERT_TRUE(a->import({dir.file("in.jsonl")}, {}).ok());
    // A merge: the merged id's redirect is part of what an export keeps.
    ASSERT_TRUE(a->put_authorities({model::Authority{"person/tester-one", "person", "Tester One", {}, "", "", {}, {}},
                                    model::Authority{"person/tester-two", "person", "Tester Two", {}, "", "", {}, {}}}));
    auto merged = a->merge_authorities("person/tester-one", "person/tester-two", "archivist");
    ASSERT_TRUE(merged.ok()) << merged.error().message();
    std::ofstream out(dir.file("one.jsonl"), std::ios::binary);
    ASSERT_TRUE(a->export_jsonl(out));
  }
  const std::string first = slurp(dir.file("one.jsonl"));
  ASSERT_NE(first.find("\"type\":\"authority\""), std::string::npos);
  ASSERT_NE(first.find("\"type\":\"unit\""), std::string::npos);
  ASSERT_NE(first.find(R"({"from":"person/tester-one","to":"person/tester-two","type":"authority_redirect"})"), std::string::npos);
  {
    auto b = open_writer(dir.file("two"));
    auto r = b->import({dir.file("one.jsonl")}, {});
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(r->errors, 0);
    // The restored archive still sends the merged id to the authority it went into.
    auto moved = b->authority("person/tester-one", Audience::kReaders);
    ASSERT_TRUE(moved.ok() && moved->has_value());
    EXPECT_EQ((*moved)->authority.id, "person/tester-two");
    std::ofstream out(dir.file("two.jsonl"), std::ios::binary);
    ASSERT_TRUE(b->export_jsonl(out));
  }
  EXPECT_TRUE(first == slurp(dir.file("two.jsonl"))) << "export -> import -> export differs";
}

// A table of variants an archivist extends, loaded into authority records: its names join the
// authority the records already link to, and searches expand with them.
TEST(Authorities, AVariantTableLoadsIntoAuthoritiesAndSearchesUseIt) {
  TempDir dir;
  auto a = open_writer(dir.file("data"));
  nlohmann::json r1 = record("v1", {});
  r1["places"] = {"Vlorë"};
  nlohmann::json r2 = record("v2", {});
  r2["contents"][0]["text"] = "The Italian landing at Valona in 1914.";
  std::ofstream(dir.file("in.jsonl")) << line(r1) << line(r2);
  ASSERT_TRUE(a->import({dir.file("in.jsonl")}, {}).ok());
  EXPECT_EQ(total(*a, {}, "valona"), 1) << "only the record that writes it";
  // A malformed table is refused whole, naming its line.
  auto bad = model::parse_name_variants("place\tVlorë\tValona\tit\n"
                                        "town\tVlorë\tAvlona\tel\n",
                                        "extra.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("line 2"), std::string::npos) << bad.error().message();
  auto table = model::parse_name_variants("place\tVlorë\tValona\tit\nplace\tVlorë\tAvlona\tel-Latn\n", "extra.tsv");
  ASSERT_TRUE(table.ok()) << table.error().message();
  auto loaded = a->load_name_variants(*table);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  EXPECT_EQ(loaded->first, 1);
  EXPECT_TRUE(loaded->second.empty());
  auto v1 = a->document("v1", Audience::kStaff);
  ASSERT_TRUE(v1.ok());
  ASSERT_EQ(v1->links.size(), 1u);
  auto vlore = a->authority(v1->links[0].authority, Audience::kReaders);
  ASSERT_TRUE(vlore.ok() && vlore->has_value());
  ASSERT_EQ((*vlore)->authority.variants.size(), 2u) << "joined the authority the record links to";
  EXPECT_EQ((*vlore)->authority.variants[0].name, "Valona");
  EXPECT_EQ((*vlore)->authority.variants[0].script, "it");
  // Searching either name finds both records; place:valona finds the linked record by its
  // authority's names; with expansion off, only the text that writes it.
  EXPECT_EQ(total(*a, {}, "valona"), 2);
  EXPECT_EQ(total(*a, {}, "vlorë"), 2);
  EXPECT_EQ(total(*a, {}, "place:valona"), 1);
  SearchQuery off;
  off.text = "valona";
  off.name_variants = false;
  auto page = a->search(off);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);
  // A reader opened afterwards expands with them too.
  auto reader = Archive::open(dir.file("data"), Archive::Mode::kRead);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(total(**reader, {}, "avlona"), 2);
}

}  // namespace
}  // namespace arkiv::archive
