#include "web/citation.h"

#include <gtest/gtest.h>

namespace arkiv::web {
namespace {

model::Document declaration() {
  model::Document d;
  d.id = "wcda/114408";
  d.title = "Albanian-Korean Joint Declaration";
  d.date.display = "March 04, 1966";
  d.date.earliest = d.date.latest = "1966-03-04";
  d.date.precision = model::DatePrecision::kDay;
  d.citation.text = "\"Albanian-Korean Joint Declaration,\" March 04, 1966, AQPPSH, MPP Korese, V. 1966, D 9.";
  d.citation.repository = "AQPPSH";
  d.citation.reference = "AQPPSH, MPP Korese, V. 1966, D 9";
  d.citation.publisher = "Wilson Center Digital Archive";
  d.citation.translator = "Enkel Daljani";
  d.original_languages = {"sq"};
  return d;
}

const std::string kUrl = "http://localhost/documents/wcda/114408";

TEST(CitationTest, ChicagoCarriesArchiveAndReference) {
  auto d = declaration();
  EXPECT_EQ(chicago_note(d, kUrl),
            "\u201cAlbanian-Korean Joint Declaration,\u201d March 04, 1966, AQPPSH, MPP Korese, V. 1966, D 9, "
            "Wilson Center Digital Archive, trans. Enkel Daljani, http://localhost/documents/wcda/114408.");
  EXPECT_EQ(chicago_bibliography(d, kUrl),
            "\u201cAlbanian-Korean Joint Declaration.\u201d March 04, 1966. AQPPSH, MPP Korese, V. 1966, D 9. "
            "Wilson Center Digital Archive. Translated by Enkel Daljani. http://localhost/documents/wcda/114408.");
  d.citation.reference = "MPP Korese, V. 1966, D 9";
  EXPECT_NE(chicago_note(d, kUrl).find("MPP Korese, V. 1966, D 9, AQPPSH"), std::string::npos);
}

TEST(CitationTest, BibtexEscapesAndNamesTheArchive) {
  auto d = declaration();
  d.title = "50% of {all} & more";
  std::string b = bibtex(d, kUrl);
  EXPECT_EQ(b.rfind("@misc{wcda_114408,", 0), 0u);
  EXPECT_NE(b.find("title = {50\\% of \\{all\\} \\& more}"), std::string::npos);
  EXPECT_NE(b.find("archive = {AQPPSH}"), std::string::npos);
  // The verbatim reference begins with the archive; the location within it does not name it twice.
  EXPECT_NE(b.find("archive_location = {MPP Korese, V. 1966, D 9}"), std::string::npos);
  EXPECT_NE(b.find("year = {1966}"), std::string::npos);
}

TEST(CitationTest, RisAndCslJson) {
  auto d = declaration();
  std::string r = ris(d, kUrl);
  EXPECT_EQ(r.rfind("TY  - MANSCPT\r\n", 0), 0u);
  EXPECT_NE(r.find("DA  - 1966/03/04\r\n"), std::string::npos);
  EXPECT_NE(r.find("DB  - AQPPSH\r\n"), std::string::npos);
  EXPECT_NE(r.find("AN  - MPP Korese, V. 1966, D 9\r\n"), std::string::npos);
  EXPECT_NE(r.find("N1  - \"Albanian-Korean Joint Declaration,\" March 04, 1966, AQPPSH, MPP Korese, V. 1966, D 9.\r\n"), std::string::npos);
  EXPECT_NE(r.find("A4  - Enkel Daljani\r\n"), std::string::npos);
  EXPECT_EQ(r.find("AV  - "), std::string::npos) << "AV would repeat AN";
  EXPECT_NE(r.find("UR  - http://localhost/documents/wcda/114408\r\n"), std::string::npos);
  EXPECT_NE(r.find("ER  - "), std::string::npos);
  auto j = csl_json(d, kUrl);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["type"], "manuscript");
  EXPECT_EQ(j[0]["archive"], "AQPPSH");
  EXPECT_EQ(j[0]["archive_location"], "MPP Korese, V. 1966, D 9");
  EXPECT_EQ(j[0]["note"], d.citation.text);
  // A reference that does not begin with the archive's name is the location as it stands.
  d.citation.reference = "MPP Korese, V. 1966, D 9";
  EXPECT_EQ(csl_json(d, kUrl)[0]["archive_location"], "MPP Korese, V. 1966, D 9");
  d.citation.reference = "AQPPSHX, D 9";
  EXPECT_EQ(csl_json(d, kUrl)[0]["archive_location"], "AQPPSHX, D 9");
  EXPECT_EQ(j[0]["issued"]["date-parts"][0], nlohmann::json::array({1966, 3, 4}));
  EXPECT_EQ(j[0]["translator"], nlohmann::json::parse(R"([{"literal":"Enkel Daljani"}])"));
  EXPECT_EQ(j[0]["publisher"], "Wilson Center Digital Archive");
  EXPECT_EQ(j[0]["URL"], kUrl);
  for (const char* k : {"author", "container-title", "page", "number", "publisher-place"}) EXPECT_FALSE(j[0].contains(k)) << k;
}

// The archive's own address, when the record has one, is the URL every format gives.
TEST(CitationTest, TheArchivesOwnUrl) {
  auto d = declaration();
  d.citation.url = "https://digitalarchive.wilsoncenter.org/document/114408";
  EXPECT_NE(chicago_note(d, kUrl).find(", trans. Enkel Daljani, https://digitalarchive.wilsoncenter.org/document/114408."), std::string::npos);
  EXPECT_NE(bibtex(d, kUrl).find("url = {https://digitalarchive.wilsoncenter.org/document/114408}"), std::string::npos);
  EXPECT_NE(ris(d, kUrl).find("UR  - https://digitalarchive.wilsoncenter.org/document/114408\r\n"), std::string::npos);
  EXPECT_EQ(csl_json(d, kUrl)[0]["URL"], "https://digitalarchive.wilsoncenter.org/document/114408");
  EXPECT_NE(chicago_text(d, kUrl).find("Permalink: " + kUrl), std::string::npos);
}

model::Document frus_d10() {
  model::Document d;
  d.id = "frus1919Parisv01/d10";
  d.title = "The Secretary of State to the Japanese Minister for Foreign Affairs (Uchida)";
  d.date.display = "November 15, 1918\u20146:41 p.m.";
  d.date.earliest = d.date.latest = "1918-11-15";
  d.date.precision = model::DatePrecision::kDay;
  d.citation.text = "763.72119/2580: Telegram";
  d.citation.reference = "763.72119/2580";
  d.citation.url = "https://history.state.gov/historicaldocuments/frus1919Parisv01/d10";
  d.citation.volume = "Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I";
  d.citation.number = "10";
  d.citation.pages = "4\u20135";
  d.citation.publisher = "United States Government Printing Office";
  d.citation.place = "Washington";
  d.citation.year = "1942";
  d.original_languages = {"en"};
  d.document_type = "telegram";
  return d;
}

TEST(CitationTest, FrusChicagoNamesTheVolumeOnceWithItsImprint) {
  auto d = frus_d10();
  EXPECT_EQ(chicago_note(d, kUrl),
            "\u201cThe Secretary of State to the Japanese Minister for Foreign Affairs (Uchida),\u201d November 15, 1918\u20146:41 p.m., "
            "in Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I "
            "(Washington: United States Government Printing Office, 1942), 4\u20135, doc. 10, 763.72119/2580, "
            "https://history.state.gov/historicaldocuments/frus1919Parisv01/d10.");
  EXPECT_EQ(chicago_bibliography(d, kUrl),
            "\u201cThe Secretary of State to the Japanese Minister for Foreign Affairs (Uchida).\u201d November 15, 1918\u20146:41 p.m. "
            "In Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I, 4\u20135. "
            "Washington: United States Government Printing Office, 1942. Document 10. 763.72119/2580. "
            "https://history.state.gov/historicaldocuments/frus1919Parisv01/d10.");
  std::string note = chicago_note(d, kUrl);
  EXPECT_EQ(note.find("Foreign Relations of the United States"), note.rfind("Foreign Relations of the United States"));
  EXPECT_NE(chicago_text(d, kUrl).find("Printed in: Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I "
                                       "(Washington: United States Government Printing Office, 1942), pp. 4\u20135, document 10\n"),
            std::string::npos)
      << chicago_text(d, kUrl);
  EXPECT_EQ(chicago_text(d, kUrl).find("Sender:"), std::string::npos);
  d.citation.author = "Lansing, Robert";
  d.citation.translator = "A. Translator";
  d.citation.pages = "5";
  EXPECT_EQ(chicago_note(d, kUrl).rfind("Lansing, Robert, \u201cThe Secretary", 0), 0u);
  EXPECT_NE(chicago_note(d, kUrl).find("Volume I, trans. A. Translator (Washington: United States Government Printing Office, 1942), 5, doc. 10,"),
            std::string::npos);
}

// Chicago shortens page ranges (CMOS 9.64, as citeproc does for the Chicago styles); the data
// formats keep both numbers whole.
TEST(CitationTest, ChicagoPageRanges) {
  auto d = frus_d10();
  const std::pair<const char*, const char*> cases[] = {
      {"5", "5"}, {"4\u20135", "4\u20135"}, {"96\u2013117", "96\u2013117"}, {"100\u2013104", "100\u2013104"},
      {"301\u2013303", "301\u20133"}, {"808\u2013833", "808\u201333"}, {"321\u2013328", "321\u201328"},
      {"498\u2013532", "498\u2013532"}, {"1087\u20131089", "1087\u201389"}, {"1496\u20131504", "1496\u20131504"},
      {"11564\u201311615", "11564\u2013615"}, {"XII\u2013XIV", "XII\u2013XIV"}, {"[282]", "[282]"}};
  for (auto [pages, shown] : cases) {
    d.citation.pages = pages;
    EXPECT_NE(chicago_note(d, kUrl).find(std::string("1942), ") + shown + ", doc. 10"), std::string::npos) << pages << ": " << chicago_note(d, kUrl);
    EXPECT_EQ(csl_json(d, kUrl)[0]["page"], pages);
  }
  d.citation.pages = "301\u2013303";
  EXPECT_NE(ris(d, kUrl).find("SP  - 301\r\nEP  - 303\r\n"), std::string::npos);
  EXPECT_NE(bibtex(d, kUrl).find("pages = {301--303}"), std::string::npos);
}

TEST(CitationTest, FrusBibtexRisCsl) {
  auto d = frus_d10();
  d.citation.author = "Lansing, Robert";
  std::string b = bibtex(d, kUrl);
  EXPECT_EQ(b.rfind("@incollection{frus1919parisv01_d10,", 0), 0u) << b;
  EXPECT_NE(b.find("author = {{Lansing, Robert}}"), std::string::npos);
  EXPECT_NE(b.find("booktitle = {Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I}"), std::string::npos);
  EXPECT_NE(b.find("year = {1942}"), std::string::npos);
  EXPECT_NE(b.find("pages = {4--5}"), std::string::npos);
  EXPECT_NE(b.find("address = {Washington}"), std::string::npos);
  EXPECT_NE(b.find("publisher = {United States Government Printing Office}"), std::string::npos);
  EXPECT_NE(b.find("note = {Dated November 15, 1918\u20146:41 p.m.. Document 10}"), std::string::npos) << b;

  std::string r = ris(d, kUrl);
  EXPECT_EQ(r.rfind("TY  - CHAP\r\n", 0), 0u);
  for (const char* line : {"AU  - Lansing, Robert\r\n", "T2  - Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I\r\n",
                           "PY  - 1942\r\n", "DA  - 1918/11/15\r\n", "SP  - 4\r\n", "EP  - 5\r\n", "SE  - 10\r\n",
                           "PB  - United States Government Printing Office\r\n", "CY  - Washington\r\n", "AN  - 763.72119/2580\r\n"}) {
    EXPECT_NE(r.find(line), std::string::npos) << line << r;
  }
  EXPECT_EQ(r.find("AV  - "), std::string::npos);

  auto j = csl_json(d, kUrl)[0];
  EXPECT_EQ(j["type"], "chapter");
  EXPECT_EQ(j["author"], nlohmann::json::parse(R"([{"literal":"Lansing, Robert"}])"));
  EXPECT_EQ(j["container-title"], d.citation.volume);
  EXPECT_EQ(j["publisher"], "United States Government Printing Office");
  EXPECT_EQ(j["publisher-place"], "Washington");
  EXPECT_EQ(j["issued"], nlohmann::json::parse(R"({"date-parts":[[1942]]})"));
  EXPECT_EQ(j["page"], "4\u20135");
  EXPECT_EQ(j["number"], "10");
  EXPECT_EQ(j["archive_location"], "763.72119/2580");
  EXPECT_FALSE(j.contains("archive"));
  EXPECT_EQ(j["URL"], "https://history.state.gov/historicaldocuments/frus1919Parisv01/d10");
}

TEST(CitationTest, FormatsEscapeAndStayOnOneLine) {
  auto d = frus_d10();
  d.citation.author = "O'Brien & {Sons}";
  d.citation.volume = "Volume 50% {I}\nsecond line";
  std::string b = bibtex(d, kUrl);
  EXPECT_NE(b.find("author = {{O'Brien \\& \\{Sons\\}}}"), std::string::npos) << b;
  EXPECT_NE(b.find("booktitle = {Volume 50\\% \\{I\\} second line}"), std::string::npos) << b;
  EXPECT_NE(ris(d, kUrl).find("T2  - Volume 50% {I} second line\r\n"), std::string::npos);
  EXPECT_EQ(csl_json(d, kUrl)[0]["container-title"], "Volume 50% {I}\nsecond line");
}

TEST(CitationTest, Translators) {
  auto d = declaration();
  d.contents.push_back({"translation", "en", "Enkel Daljani", "", "Text.", {}});
  d.contents.push_back({"translation", "de", "Other Person", "", "Text.", {}});
  EXPECT_EQ(translators(d), (std::vector<std::string>{"Enkel Daljani", "Other Person"}));
}

TEST(CitationTest, UndatedRecords) {
  auto d = declaration();
  d.date = {};
  EXPECT_NE(chicago_note(d, kUrl).find("n.d."), std::string::npos);
  EXPECT_FALSE(csl_json(d, kUrl)[0].contains("issued"));
}

}  // namespace
}  // namespace arkiv::web
