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
  EXPECT_NE(b.find("archive_location = {AQPPSH, MPP Korese, V. 1966, D 9}"), std::string::npos);
  EXPECT_NE(b.find("year = {1966}"), std::string::npos);
}

TEST(CitationTest, RisAndCslJson) {
  auto d = declaration();
  std::string r = ris(d, kUrl);
  EXPECT_EQ(r.rfind("TY  - GEN\r\n", 0), 0u);
  EXPECT_NE(r.find("DA  - 1966/03/04\r\n"), std::string::npos);
  EXPECT_NE(r.find("DB  - AQPPSH\r\n"), std::string::npos);
  EXPECT_NE(r.find("AN  - AQPPSH, MPP Korese, V. 1966, D 9\r\n"), std::string::npos);
  EXPECT_NE(r.find("ER  - "), std::string::npos);
  auto j = csl_json(d, kUrl);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["type"], "manuscript");
  EXPECT_EQ(j[0]["archive"], "AQPPSH");
  EXPECT_EQ(j[0]["archive_location"], "AQPPSH, MPP Korese, V. 1966, D 9");
  EXPECT_EQ(j[0]["issued"]["date-parts"][0], nlohmann::json::array({1966, 3, 4}));
}

TEST(CitationTest, UndatedRecords) {
  auto d = declaration();
  d.date = {};
  EXPECT_NE(chicago_note(d, kUrl).find("n.d."), std::string::npos);
  EXPECT_FALSE(csl_json(d, kUrl)[0].contains("issued"));
}

}  // namespace
}  // namespace arkiv::web
