#include "ingest/tei_importer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "base/strings.h"

namespace arkiv::ingest {
namespace {

const std::string kFrusPath = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/frus/frus1918Russiav03.xml";

SourceFile read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return {path, ss.str()};
}

// The names of the list of persons a record's people link to (persName/@corresp), in order;
// a value without a link stands as written.
std::vector<std::string> linked_people(const ParseOutput& out, const model::Document& d) {
  std::vector<std::string> names;
  for (const std::string& form : d.people) {
    std::string name = form;
    for (const model::NameLink& l : d.links) {
      if (l.field != "person" || l.form != form) continue;
      for (const model::Authority& a : out.authorities) {
        if (a.id == l.authority) name = a.name;
      }
    }
    names.push_back(name);
  }
  return names;
}

const model::Unit* unit(const ParseOutput& out, const std::string& id) {
  for (const model::Unit& u : out.units) {
    if (u.id == id) return &u;
  }
  return nullptr;
}

const model::Document* find(const ParseOutput& out, const std::string& id) {
  for (const auto& d : out.records) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

// The text at a note's code-point offset, for checking where footnotes are anchored.
std::string text_before(const model::Content& c, std::size_t offset, std::size_t n) {
  std::size_t end = utf8_byte_offset(c.text, offset);
  return c.text.substr(end >= n ? end - n : 0, end >= n ? n : end);
}

class FrusVolume : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    file_ = new SourceFile(read_file(kFrusPath));
    auto start = std::chrono::steady_clock::now();
    out_ = new ParseOutput(TeiImporter().parse(*file_));
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  static void TearDownTestSuite() {
    delete out_;
    delete file_;
  }
  static SourceFile* file_;
  static ParseOutput* out_;
  static double seconds_;
};
SourceFile* FrusVolume::file_ = nullptr;
ParseOutput* FrusVolume::out_ = nullptr;
double FrusVolume::seconds_ = 0;

TEST_F(FrusVolume, FixtureKeepsItsQuirks) {
  ASSERT_GT(file_->bytes.size(), 2'000'000u) << "missing fixture " << kFrusPath;
  EXPECT_EQ(file_->bytes.rfind("\xEF\xBB\xBF<?xml", 0), 0u);
  EXPECT_NE(file_->bytes.find("\r\n<?xml-model"), std::string::npos);
  EXPECT_GE(TeiImporter().sniff(*file_), 90);
}

TEST_F(FrusVolume, ImportsEveryDocument) {
  for (const Error& e : out_->errors) ADD_FAILURE() << e.message();
  EXPECT_EQ(out_->records.size(), 478u);
  EXPECT_EQ(out_->records.front().id, "frus1918Russiav03/d1");
  EXPECT_EQ(out_->records.back().id, "frus1918Russiav03/d478");
  EXPECT_LT(seconds_, 5.0) << "parsing a 2 MB volume should take well under a second";
  for (const auto& d : out_->records) {
    ASSERT_EQ(d.contents.size(), 1u) << d.id;
    EXPECT_EQ(d.contents[0].text.find('\r'), std::string::npos) << d.id;
    EXPECT_EQ(d.contents[0].text.find("  "), std::string::npos) << d.id;
  }
}

TEST_F(FrusVolume, DocumentOne) {
  const model::Document* d = find(*out_, "frus1918Russiav03/d1");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->title, "The Secretary of State to the Ambassador in Russia (Francis)");
  EXPECT_EQ(d->date.display, "April 3, 1917, 6 p.m.");
  EXPECT_EQ(d->date.earliest, "1917-04-03");
  EXPECT_EQ(d->date.latest, "1917-04-03");
  // @when="1917-04-03T18:00:00": the time of day is kept (issue 11; it used to be dropped).
  EXPECT_EQ(d->date.precision, model::DatePrecision::kTime);
  EXPECT_EQ(d->date.time, "18:00");
  EXPECT_EQ(d->citation.text, "File No. 861.51/131 [Telegram]");
  EXPECT_EQ(d->citation.reference, "861.51/131");
  EXPECT_EQ(d->citation.url, "https://history.state.gov/historicaldocuments/frus1918Russiav03/d1");
  // The series named once (it used to be "Foreign Relations of the United States, Papers Relating
  // to the Foreign Relations of the United States, 1918, …" as the publisher); the publisher is GPO.
  EXPECT_EQ(d->citation.volume, "Foreign Relations of the United States, 1918, Russia, Volume III");
  EXPECT_EQ(d->citation.publisher, "United States Government Printing Office");
  EXPECT_EQ(d->document_type, "telegram");
  EXPECT_EQ(d->people, (std::vector<std::string>{"Francis", "Lansing"})) << "the forms the document writes";
  EXPECT_EQ(linked_people(*out_, *d), (std::vector<std::string>{"Francis, David R.", "Lansing, Robert"}));
  EXPECT_EQ(d->places, std::vector<std::string>{"Washington"});
  // Chapter heads are the arrangement, not subjects: volume > chapter > subchapter > document 1.
  EXPECT_TRUE(d->subjects.empty());
  ASSERT_EQ(d->arrangement.size(), 1u);
  EXPECT_EQ(d->arrangement[0].number, "1");
  EXPECT_EQ(d->arrangement[0].position, 1);
  const model::Unit* sub = unit(*out_, d->arrangement[0].unit);
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->title.rfind("Offer of a credit to the Russian Provisional Government, April 3, 1917—", 0), 0u) << sub->title;
  EXPECT_EQ(sub->title.find("Treasury accounts"), std::string::npos) << "footnote of the head leaked";
  const model::Unit* chapter = unit(*out_, sub->parent);
  ASSERT_NE(chapter, nullptr);
  EXPECT_EQ(chapter->title, "Chapter I. Loans to the Provisional Government—Soviet Financial Decrees");
  EXPECT_EQ(chapter->level, "series");
  const model::Unit* volume = unit(*out_, chapter->parent);
  while (volume && volume->level != "collection") volume = unit(*out_, volume->parent);  // compilations between
  ASSERT_NE(volume, nullptr);
  EXPECT_EQ(volume->id, "frus1918Russiav03");
  EXPECT_EQ(volume->level, "collection");
  EXPECT_EQ(d->collections,
            std::vector<std::string>{"Papers Relating to the Foreign Relations of the United States, 1918, Russia, Volume III"});
  const model::Content& c = d->contents.at(0);
  EXPECT_EQ(c.kind, "original");
  EXPECT_EQ(c.language, "en");
  EXPECT_EQ(c.text.rfind("Washington, April 3, 1917, 6 p.m.\n\n1295. Secretary of Treasury requests that you confer", 0), 0u)
      << c.text.substr(0, 120);
  EXPECT_TRUE(c.text.ends_with("Secretary of Treasury requests reply as soon as possible.\n\nLansing")) << c.text;
  EXPECT_EQ(c.text.find("File No."), std::string::npos);
  EXPECT_EQ(c.text.find("[Telegram]"), std::string::npos);
  EXPECT_TRUE(c.notes.empty());
}

TEST_F(FrusVolume, FootnotesLeaveTheTextAndKeepTheirPlace) {
  const model::Document* d = find(*out_, "frus1918Russiav03/d12");
  ASSERT_NE(d, nullptr);
  const model::Content& c = d->contents.at(0);
  ASSERT_EQ(c.notes.size(), 1u);
  EXPECT_EQ(c.notes[0].label, "2");
  EXPECT_EQ(c.notes[0].text, "Ante, p. 5.");
  EXPECT_EQ(text_before(c, c.notes[0].offset, 16), "1291. Your 1359.");
  EXPECT_NE(c.text.find("1291. Your 1359. Foreign Office now formally advises"), std::string::npos);
  EXPECT_EQ(c.text.find("Ante"), std::string::npos);

  const model::Document* d4 = find(*out_, "frus1918Russiav03/d4");
  ASSERT_NE(d4, nullptr);
  ASSERT_EQ(d4->contents.at(0).notes.size(), 1u);
  const model::Content& c4 = d4->contents[0];
  EXPECT_EQ(text_before(c4, c4.notes[0].offset, 21), std::string("conference of Allies,"));
  EXPECT_EQ(c4.notes[0].label, "1");
  EXPECT_EQ(c4.notes[0].text, "Cf. vol. i, p. 135.");
}

TEST_F(FrusVolume, PersonsResolveThroughTheListOfPersons) {
  const model::Document* d = find(*out_, "frus1918Russiav03/d12");
  ASSERT_NE(d, nullptr);
  // @corresp="#p_OC1" is "Onou" in the text and "Onou, C." in the list of persons.
  EXPECT_EQ(d->people, (std::vector<std::string>{"Francis", "Onou", "Bakhmeteff"}));
  EXPECT_EQ(linked_people(*out_, *d), (std::vector<std::string>{"Francis, David R.", "Onou, C.", "Bakhmeteff, Boris A."}));
  // Each entry of the list is an authority with its note and the entry's id.
  std::size_t listed = 0;
  for (const model::Authority& a : out_->authorities) {
    listed += a.kind == "person" && a.identifiers.size() == 1 && a.identifiers[0].scheme == "frus";
    if (a.name == "Onou, C.") EXPECT_EQ(a.identifiers[0].value, "frus1918Russiav03#p_OC1");
  }
  EXPECT_EQ(listed, out_->authorities.size());
  EXPECT_GT(listed, 50u);
  EXPECT_EQ(d->places, std::vector<std::string>{"Petrograd"});
  EXPECT_EQ(d->date.earliest, "1917-05-15");
}

TEST_F(FrusVolume, EnclosuresArePartsWithTheirHeadAndSourceNote) {
  const model::Document* d = find(*out_, "frus1918Russiav03/d49");
  ASSERT_NE(d, nullptr);
  const model::Content& c = d->contents.at(0);
  ASSERT_EQ(d->parts.size(), 1u);
  const model::Part& p = d->parts[0];
  EXPECT_EQ(p.anchor, "attachment-1");
  EXPECT_EQ(p.source_note, "[Enclosure—Translation]");
  EXPECT_EQ(p.heading.rfind("Decree regarding Annulment of State Loans, Adopted by the All-Russian", 0), 0u) << p.heading;
  // The part's text starts at its offset; its head and source note are fields, not text.
  EXPECT_EQ(c.text.substr(utf8_byte_offset(c.text, p.offset)).rfind("1. All state loans concluded by the governments", 0), 0u);
  EXPECT_EQ(c.text.find("[Enclosure—Translation]"), std::string::npos);
  EXPECT_EQ(text_before(c, p.offset, 9), "Francis\n\n");
  EXPECT_EQ(d->document_type, "letter");
  ASSERT_EQ(c.notes.size(), 1u);
  EXPECT_EQ(c.notes[0].label, "1");
  EXPECT_EQ(c.notes[0].offset, p.offset);
}

TEST_F(FrusVolume, EditorialMarksAreGapsWithKinds) {
  std::size_t sic = 0, omission = 0, garbled = 0;
  for (const auto& d : out_->records) {
    for (const auto& g : d.gaps) {
      const std::string& text = d.contents.at(g.content).text;
      EXPECT_EQ(text.substr(utf8_byte_offset(text, g.offset), g.text.size()), g.text);
      sic += g.kind == "editorial";
      omission += g.kind == "omission";
      garbled += g.kind == "garbled";
    }
  }
  // Counted in the volume's text with its tags removed: 23 "[sic]", 4 "[omission]", 2
  // "[omission?]", 1 "[missing]", 1 "[garbled group]".
  EXPECT_EQ(sic, 23u);
  EXPECT_EQ(omission, 7u);
  EXPECT_EQ(garbled, 1u);
}

const char* kGenericTei =
    "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<?xml-model href=\"x.rnc\"?>\r\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"letter-7\">\r\n"
    "<teiHeader><fileDesc><titleStmt><title type=\"main\">A Letter\r\n  from Tirana</title></titleStmt>"
    "<sourceDesc><p>x</p></sourceDesc></fileDesc>"
    "<profileDesc><creation><date when=\"1966-03\">March 1966</date></creation>"
    "<langUsage><language ident=\"sq\">Albanian</language></langUsage></profileDesc></teiHeader>\r\n"
    "<text xml:lang=\"sq\"><body><p>Tiranë,\r\n <hi>më</hi> <persName>Enver</persName>.<note n=\"a\">Shënim.</note></p>"
    "<p>Fund &amp; fillim&#33;</p></body></text></TEI>\r\n";

TEST(TeiImporter, GenericTeiIsOneRecord) {
  ParseOutput out = TeiImporter().parse({"x/letter.xml", kGenericTei});
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  ASSERT_EQ(out.records.size(), 1u);
  const model::Document& d = out.records[0];
  EXPECT_EQ(d.id, "tei/letter-7");
  EXPECT_EQ(d.title, "A Letter from Tirana");
  EXPECT_EQ(d.date.earliest, "1966-03-01");
  EXPECT_EQ(d.date.latest, "1966-03-31");
  EXPECT_EQ(d.date.precision, model::DatePrecision::kMonth);
  EXPECT_EQ(d.original_languages, std::vector<std::string>{"sq"});
  ASSERT_EQ(d.contents.size(), 1u);
  EXPECT_EQ(d.contents[0].language, "sq");
  EXPECT_EQ(d.contents[0].text, "Tiranë, më Enver.\n\nFund & fillim!");
  ASSERT_EQ(d.contents[0].notes.size(), 1u);
  EXPECT_EQ(d.contents[0].notes[0].offset, 17u);
  EXPECT_EQ(d.contents[0].notes[0].label, "a");
}

std::string first_error(const ParseOutput& out) { return out.errors.empty() ? "" : out.errors[0].message(); }

TEST(TeiImporter, RejectsEntityDeclarationsAndUndefinedEntities) {
  ParseOutput out = TeiImporter().parse(
      {"bomb.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n <!ENTITY a \"aaaa\">\n <!ENTITY b \"&a;&a;\">\n]>\n"
                   "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>&b;</p></body></text></TEI>"});
  EXPECT_TRUE(out.records.empty());
  EXPECT_NE(first_error(out).find("line 3: the DOCTYPE declares entities"), std::string::npos) << first_error(out);
  out = TeiImporter().parse({"u.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body><p>a&mdash;b</p></body></text></TEI>"});
  EXPECT_NE(first_error(out).find("line 2: undefined entity '&mdash;'"), std::string::npos) << first_error(out);
}

TEST(TeiImporter, TruncatedXmlNamesTheLine) {
  std::string tei = kGenericTei;
  ParseOutput out = TeiImporter().parse({"t.xml", tei.substr(0, tei.find("<p>Fund"))});
  EXPECT_TRUE(out.records.empty());
  EXPECT_NE(first_error(out).find("line 7: malformed XML"), std::string::npos) << first_error(out);
  EXPECT_NE(first_error(out).find("truncated"), std::string::npos) << first_error(out);
}

TEST(TeiImporter, RejectsDeepNestingAndWrongRoot) {
  std::string deep = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">";
  for (int i = 0; i < 300; ++i) deep += "<hi>";
  for (int i = 0; i < 300; ++i) deep += "</hi>";
  deep += "</TEI>";
  ParseOutput out = TeiImporter().parse({"deep.xml", deep});
  EXPECT_NE(first_error(out).find("nested more than 256 levels"), std::string::npos) << first_error(out);
  out = TeiImporter().parse({"r.xml", "<html><body/></html>"});
  EXPECT_NE(first_error(out).find("expected <TEI>"), std::string::npos) << first_error(out);
}

TEST(TeiImporter, SniffsByContent) {
  EXPECT_GE(TeiImporter().sniff({"a.txt", kGenericTei}), 90);
  EXPECT_EQ(TeiImporter().sniff({"a.xml", "<visits><visit/></visits>"}), 0);
  EXPECT_EQ(TeiImporter().sniff({"a.xml", "plain text"}), 0);
}

}  // namespace
}  // namespace arkiv::ingest

namespace arkiv::ingest {
namespace {

// A reviewed post-1945 volume (not in shared/): source notes sit inside <head>, datelines
// carry times, participants are listed. Three documents of frus1964-68v29p1.
// A document with an attachment in each layout, <gap/> and <unclear>, written for this test.
const char* kAttachmentsTei =
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:frus=\"http://history.state.gov/frus/ns/1.0\">"
    "<teiHeader><fileDesc><titleStmt><title type=\"complete\">Test Volume</title></titleStmt>"
    "<publicationStmt><idno type=\"frus\">frusTest</idno></publicationStmt></fileDesc></teiHeader>"
    "<text><body><div type=\"document\" xml:id=\"d1\" n=\"1\"><head>The Minister to the Secretary<note n=\"7\">Note seven.</note></head>"
    "<p>I enclose two papers. The line <gap reason=\"illegible\"/> was lost and <unclear>Kolchak</unclear> is doubtful [garbled group].</p>"
    "<frus:attachment xml:id=\"d1-a\"><note type=\"source\">[Enclosure 1]</note><head>Memorandum by the Consul</head>"
    "<dateline><date when=\"1918-05-01\">May 1, 1918</date></dateline><p>First enclosure text.</p>"
    "<closer><signed>J. Smith</signed></closer></frus:attachment>"
    "<frus:attachment><head>Note from the Foreign Office<note type=\"source\">[Enclosure 2—Translation]</note>"
    "<note n=\"8\">Note eight.</note></head><p>Second enclosure text.</p></frus:attachment>"
    "</div></body></text></TEI>";

TEST(FrusAttachments, BothLayoutsArePartsInOrder) {
  ParseOutput out = TeiImporter().parse({"test.xml", kAttachmentsTei});
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].message();
  ASSERT_EQ(out.records.size(), 1u);
  const model::Document& d = out.records[0];
  const model::Content& c = d.contents.at(0);
  ASSERT_EQ(d.parts.size(), 2u);
  EXPECT_EQ(d.parts[0].anchor, "d1-a");
  EXPECT_EQ(d.parts[0].heading, "Memorandum by the Consul");
  EXPECT_EQ(d.parts[0].source_note, "[Enclosure 1]");
  EXPECT_EQ(d.parts[0].date, "May 1, 1918");
  EXPECT_EQ(d.parts[0].signature, "J. Smith");
  EXPECT_EQ(d.parts[1].anchor, "attachment-2");
  EXPECT_EQ(d.parts[1].heading, "Note from the Foreign Office");
  EXPECT_EQ(d.parts[1].source_note, "[Enclosure 2—Translation]");
  EXPECT_LT(d.parts[0].offset, d.parts[1].offset);
  EXPECT_EQ(c.text.substr(utf8_byte_offset(c.text, d.parts[1].offset)), "Second enclosure text.");
  // Notes keep the volume's numbers, the one in the attachment head anchored where it begins.
  ASSERT_EQ(c.notes.size(), 2u);
  EXPECT_EQ(c.notes[0].label, "7");
  EXPECT_EQ(c.notes[1].label, "8");
  EXPECT_EQ(c.notes[1].offset, d.parts[1].offset);
  // <gap/>, <unclear> and a bracketed mark, in text order, with kinds.
  ASSERT_EQ(d.gaps.size(), 3u);
  EXPECT_EQ(d.gaps[0].text, "[illegible]");
  EXPECT_EQ(d.gaps[0].kind, "illegible");
  EXPECT_EQ(d.gaps[1].text, "Kolchak");
  EXPECT_EQ(d.gaps[1].kind, "illegible");
  EXPECT_EQ(d.gaps[2].text, "[garbled group]");
  EXPECT_EQ(d.gaps[2].kind, "garbled");
  for (const auto& g : d.gaps) EXPECT_EQ(c.text.substr(utf8_byte_offset(c.text, g.offset), g.text.size()), g.text);
  EXPECT_NE(c.text.find("The line [illegible] was lost"), std::string::npos) << c.text;
}

TEST(FrusReviewedVolume, ImportsDocumentsWithSourceNotesInTheHead) {
  ParseOutput out = TeiImporter().parse(read_file(std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/frus/frus1964-68v29p1-excerpt.xml"));
  EXPECT_TRUE(out.errors.empty()) << (out.errors.empty() ? "" : out.errors[0].message());
  ASSERT_EQ(out.records.size(), 3u);
  const model::Document* d40 = find(out, "frus1964-68v29p1/d40");
  ASSERT_NE(d40, nullptr);
  EXPECT_EQ(d40->title.find("Telegram From the Department of State to the Embassy in Korea") != std::string::npos, true) << d40->title;
  EXPECT_EQ(d40->title.find("Source:"), std::string::npos) << "the source note is not part of the title";
  EXPECT_EQ(d40->date.earliest, "1965-04-26");
  EXPECT_EQ(d40->date.precision, model::DatePrecision::kTime);  // @when carries the hour
  EXPECT_NE(d40->citation.text.find("National Archives and Records Administration, RG 59, Central Files 1964–66"), std::string::npos)
      << d40->citation.text;
  EXPECT_EQ(d40->citation.repository, "National Archives and Records Administration");
  EXPECT_EQ(d40->citation.reference, "RG 59, Central Files 1964–66, POL 27–3 VIET S");
  EXPECT_EQ(d40->document_type, "telegram");
  std::vector<std::string> people40 = linked_people(out, *d40);
  EXPECT_NE(std::find(people40.begin(), people40.end(), "Rusk, Dean"), people40.end());
  EXPECT_NE(std::find(d40->places.begin(), d40->places.end(), "Washington"), d40->places.end());
  ASSERT_EQ(d40->contents.size(), 1u);
  EXPECT_NE(d40->contents[0].text.find("grave drawbacks"), std::string::npos);
  EXPECT_EQ(d40->contents[0].text.find("might rise to scale of one"), std::string::npos) << "footnotes leave the running text";
  bool footnote = false;
  for (const auto& n : d40->contents[0].notes) footnote |= n.text.find("might rise to scale of one") != std::string::npos;
  EXPECT_TRUE(footnote);
  ASSERT_FALSE(d40->collections.empty());
  EXPECT_NE(d40->collections[0].find("1964–1968, Volume XXIX, Part 1, Korea"), std::string::npos) << d40->collections[0];
  const model::Document* d42 = find(out, "frus1964-68v29p1/d42");
  ASSERT_NE(d42, nullptr);
  EXPECT_EQ(d42->document_type, "memorandum of conversation");
  EXPECT_EQ(d42->date.earliest, "1965-05-06");
  std::vector<std::string> people42 = linked_people(out, *d42);
  EXPECT_NE(std::find(people42.begin(), people42.end(), "Brown, Winthrop G."), people42.end());
}

}  // namespace
}  // namespace arkiv::ingest
