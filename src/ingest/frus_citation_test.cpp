// The citation parts a FRUS volume gives each document (issue 12): its number, its page or
// pages from the <pb/> page beginnings, the volume as the Office of the Historian cites it, the
// imprint from the TEI header, and the sender when the head names a person. On the shapes of
// the three corpus volumes (1918 Russia III with its list of persons, 1919 Paris I, 1930 I with
// no list of persons and other heads), a modern volume, and small volumes written here.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/tei_importer.h"

namespace arkiv::ingest {
namespace {

const std::string kFixtures = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/frus/";

ParseOutput parse_path(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_FALSE(ss.str().empty()) << "missing fixture " << path;
  return TeiImporter().parse({path, ss.str()});
}

ParseOutput parse_text(const std::string& tei) { return TeiImporter().parse({"volume.xml", tei}); }

const model::Document& doc(const ParseOutput& out, const std::string& id) {
  for (const auto& d : out.records) {
    if (d.id == id) return d;
  }
  ADD_FAILURE() << "no record " << id;
  static const model::Document none;
  return none;
}

// A volume with the given titleStmt and body; the documents' text is a paragraph each.
std::string volume(const std::string& title_stmt, const std::string& body, const std::string& publication =
                       "<publisher>United States Government Printing Office</publisher><pubPlace>Washington</pubPlace>"
                       "<date>1950</date>") {
  return "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:frus=\"http://history.state.gov/frus/ns/1.0\">"
         "<teiHeader><fileDesc><titleStmt>" + title_stmt + "</titleStmt><publicationStmt>" + publication +
         "<idno type=\"frus\">frusT</idno></publicationStmt></fileDesc></teiHeader>"
         "<text><body><div type=\"chapter\" xml:id=\"ch1\"><head>Chapter</head>" + body + "</div></body></text></TEI>";
}

std::string document(const std::string& n, const std::string& inner) {
  return "<div type=\"document\" xml:id=\"d" + n + "\" n=\"" + n + "\"><head>Memorandum " + n +
         "</head><dateline><date when=\"1930-01-0" + n.substr(0, 1) + "\">January " + n.substr(0, 1) + ", 1930</date></dateline>" + inner + "</div>";
}

const std::string kTitles =
    "<title type=\"complete\">Papers relating to the foreign relations of the United States, 1930, Volume I</title>"
    "<title type=\"series\">Papers relating to the foreign relations of the United States</title>"
    "<title type=\"subseries\">1930</title><title type=\"volumenumber\">Volume I</title><title type=\"volume\"/>";

TEST(FrusCitation, Paris1919Document10) {
  ParseOutput out = parse_path(kFixtures + "frus1919Parisv01-excerpt.xml");
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  const model::Citation& c = doc(out, "frus1919Parisv01/d10").citation;
  EXPECT_EQ(c.number, "10");
  // d10 begins on page 4 (the last <pb/> before it) and its enclosure runs onto page 5, where
  // the volume's <pb n="5"/> falls inside the document.
  EXPECT_EQ(c.pages, "4\u20135");
  EXPECT_EQ(c.volume, "Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I");
  EXPECT_EQ(c.publisher, "United States Government Printing Office");
  EXPECT_EQ(c.place, "Washington");
  EXPECT_EQ(c.year, "1942");
  EXPECT_EQ(c.reference, "763.72119/2580");
  // "The Secretary of State to …": an office, no one named; the enclosure's sender is not the document's.
  EXPECT_EQ(c.author, "");
  // One page; a sender from the list of persons.
  EXPECT_EQ(doc(out, "frus1919Parisv01/d1").citation.pages, "1");
  EXPECT_EQ(doc(out, "frus1919Parisv01/d11").citation.pages, "5");
  EXPECT_EQ(doc(out, "frus1919Parisv01/d9").citation.author, "Balfour, Arthur James");
  EXPECT_EQ(doc(out, "frus1919Parisv01/d2").citation.author, "House, Colonel Edward M.");
}

TEST(FrusCitation, Russia1918VolumeIII) {
  ParseOutput out = parse_path(kFixtures + "frus1918Russiav03.xml");
  const model::Citation& d1 = doc(out, "frus1918Russiav03/d1").citation;
  EXPECT_EQ(d1.volume, "Foreign Relations of the United States, 1918, Russia, Volume III");
  EXPECT_EQ(d1.year, "1932");
  EXPECT_EQ(d1.number, "1");
  EXPECT_EQ(d1.pages, "1");
  // A <pb n="2"/> just before d2: it starts on page 2, and runs onto page 3.
  const model::Citation& d2 = doc(out, "frus1918Russiav03/d2").citation;
  EXPECT_EQ(d2.pages, "2\u20133");
  EXPECT_EQ(d2.author, "Francis, David R.");
  for (const auto& d : out.records) {
    EXPECT_FALSE(d.citation.pages.empty()) << d.id;
    EXPECT_FALSE(d.citation.number.empty()) << d.id;
    EXPECT_EQ(d.citation.publisher, "United States Government Printing Office") << d.id;
  }
}

TEST(FrusCitation, Volume1930HasNoPersonsListAndOtherHeads) {
  ParseOutput out = parse_path(kFixtures + "frus1930v01-excerpt.xml");
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  const model::Citation& d1 = doc(out, "frus1930v01/d1").citation;
  EXPECT_EQ(d1.volume, "Foreign Relations of the United States, 1930, Volume I");
  EXPECT_EQ(d1.place, "Washington");
  EXPECT_EQ(d1.year, "1945");
  EXPECT_EQ(d1.pages, "2\u20134");  // after the chapter's title page (1)
  EXPECT_EQ(d1.author, "Stimson");  // no list of persons: the head's own form
  EXPECT_EQ(doc(out, "frus1930v01/d9").citation.pages, "13\u201317");
  EXPECT_EQ(doc(out, "frus1930v01/d10").citation.pages, "18");
  EXPECT_EQ(doc(out, "frus1930v01/d11").citation.pages, "18");
  EXPECT_EQ(doc(out, "frus1930v01/d5").citation.author, "Castle");
}

TEST(FrusCitation, ModernVolumeKeepsItsOrder) {
  ParseOutput out = parse_path(kFixtures + "frus1964-68v29p1-excerpt.xml");
  ASSERT_FALSE(out.records.empty());
  const model::Citation& c = out.records.front().citation;
  EXPECT_EQ(c.volume, "Foreign Relations of the United States, 1964\u20131968, Volume XXIX, Part 1, Korea");
  EXPECT_EQ(c.year, "2000");
}

TEST(FrusCitation, PagesFromPageBeginnings) {
  ParseOutput out = parse_text(volume(kTitles,
      "<pb n=\"1\"/>" + document("1", "<p>On page one.</p>") +
      // Opens with its own page beginning (nothing of it before): pages 2 to 4.
      "<div type=\"document\" xml:id=\"d2\" n=\"2\"><pb n=\"2\"/><head>Memorandum 2</head><p>On page two.</p>"
      "<p>Then <pb n=\"3\"/>three and <pb n=\"4\"/>four.</p></div>" +
      // The page beginning at its very end belongs to the next document.
      document("3", "<p>On page four.</p><pb n=\"5\"/>") +
      document("4", "<p>On page five, <pb/>a page beginning without a number.</p>")));
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  ASSERT_EQ(out.records.size(), 4u);
  EXPECT_EQ(doc(out, "frusT/d1").citation.pages, "1");
  EXPECT_EQ(doc(out, "frusT/d2").citation.pages, "2\u20134");
  EXPECT_EQ(doc(out, "frusT/d3").citation.pages, "4");
  EXPECT_EQ(doc(out, "frusT/d4").citation.pages, "5");
  EXPECT_EQ(doc(out, "frusT/d4").citation.volume, "Foreign Relations of the United States, 1930, Volume I");
  EXPECT_EQ(doc(out, "frusT/d4").citation.year, "1950");
}

TEST(FrusCitation, VolumeTitleForms) {
  auto cited = [](const std::string& titles, const std::string& publication =
                                                 "<publisher>United States Government Printing Office</publisher>"
                                                 "<pubPlace>Washington</pubPlace><date>1950</date>") {
    ParseOutput out = parse_text(volume(titles, document("1", "<p>Text.</p>"), publication));
    EXPECT_EQ(out.records.size(), 1u) << titles;
    return out.records.empty() ? model::Citation{} : out.records[0].citation;
  };
  // A range of years the subseries gives is not repeated; another range is the volume's own.
  const std::string modern =
      "<title type=\"complete\">Foreign Relations of the United States, 1969\u20131976, Volume XVII, China, 1969\u20131972</title>"
      "<title type=\"series\">Foreign Relations of the United States</title><title type=\"sub-series\">1969\u20131976</title>"
      "<title type=\"volume-number\">Volume XVII</title>";
  EXPECT_EQ(cited(modern + "<title type=\"volume\">China, 1969\u20131972</title>").volume,
            "Foreign Relations of the United States, 1969\u20131976, Volume XVII, China, 1969\u20131972");
  EXPECT_EQ(cited(modern + "<title type=\"volume\">China, 1969\u20131976</title>").volume,
            "Foreign Relations of the United States, 1969\u20131976, Volume XVII, China");
  // Typed titles in the old volumes' shape, title before number as the complete title has it.
  EXPECT_EQ(cited("<title type=\"complete\">Papers Relating to the Foreign Relations of the United States, 1918, Russia, Volume III</title>"
                  "<title type=\"series\">Papers Relating to the Foreign Relations of the United States, 1918</title>"
                  "<title type=\"subseries\"/><title type=\"volumenumber\">Volume III</title><title type=\"volume\">Russia</title>")
                .volume,
            "Foreign Relations of the United States, 1918, Russia, Volume III");
  // The imprint's year from @when when the date has one.
  EXPECT_EQ(cited(kTitles, "<publisher>GPO</publisher><pubPlace>Washington</pubPlace><date when=\"1945-06-01\">June 1945</date>").year, "1945");
}

TEST(FrusCitation, NoPagesNoNumberNoImprint) {
  // A volume without page beginnings, typed titles or publicationStmt parts: nothing is made up.
  ParseOutput out = parse_text(volume("<title type=\"complete\">Papers Relating to the Foreign Relations of the United States, 1901</title>",
                                      "<div type=\"document\" xml:id=\"d1\"><head>A note</head><p>Text.</p></div>", ""));
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  ASSERT_EQ(out.records.size(), 1u);
  const model::Citation& c = out.records[0].citation;
  EXPECT_EQ(c.pages, "");
  EXPECT_EQ(c.number, "");
  EXPECT_EQ(c.publisher, "");
  EXPECT_EQ(c.place, "");
  EXPECT_EQ(c.year, "");
  EXPECT_EQ(c.volume, "Foreign Relations of the United States, 1901");  // the complete title, cleaned
}

TEST(FrusCitation, SenderOnlyWhenAPersonIsNamed) {
  const std::string persons =
      "<div xml:id=\"persons\"><list type=\"persons\"><item><persName xml:id=\"p_KF1\">Kellogg, Frank B.</persName>, "
      "Secretary of State</item></list></div>";
  std::string tei = volume(kTitles,
      "<div type=\"document\" xml:id=\"d1\" n=\"1\"><head>The <gloss type=\"from\">Secretary of State</gloss> to the "
      "Ambassador (<persName type=\"to\">Dawes</persName>)</head><p>Text.</p></div>"
      "<div type=\"document\" xml:id=\"d2\" n=\"2\"><head>The Secretary of State (<persName type=\"from\" corresp=\"#p_KF1\">"
      "Kellogg</persName>) to the Ambassador</head><p>Text.</p></div>"
      "<div type=\"document\" xml:id=\"d3\" n=\"3\"><head>The Ambassador (<persName type=\"from\">Dawes</persName>) "
      "to the <gloss type=\"to\">Secretary of State</gloss></head><p>Text.</p></div>");
  tei.replace(tei.find("<body>"), 6, "<front>" + persons + "</front><body>");
  ParseOutput out = parse_text(tei);
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  EXPECT_EQ(doc(out, "frusT/d1").citation.author, "");
  EXPECT_EQ(doc(out, "frusT/d2").citation.author, "Kellogg, Frank B.");
  EXPECT_EQ(doc(out, "frusT/d3").citation.author, "Dawes");
}

}  // namespace
}  // namespace arkiv::ingest
