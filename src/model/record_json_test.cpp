#include "model/record_json.h"
#include "model/field_limits.h"

#include <gtest/gtest.h>

namespace arkiv::model {
namespace {

Document sample() {
  Document d;
  d.id = "test/1";
  d.title = "Joint Declaration";
  d.date = *parse_date("1966");
  d.summary = "A summary.";
  d.citation.text = "\"Joint Declaration\", 1966, Archive, REF 1.";
  d.citation.reference = "REF 1";
  d.credits = {"Support from a foundation"};
  d.original_languages = {"sq"};
  d.document_state = "draft";
  d.contents.push_back({"translation", "en", "A. Translator", "", "From [date].....to.....\n\nSecond.", {}});
  find_gaps(d.contents[0].text, 0, d.gaps);
  d.places = {"Pyongyang"};
  return d;
}

TEST(RecordJson, RoundTripIsByteIdentical) {
  Document d = sample();
  std::string line = to_json_line(d);
  auto back = from_json(nlohmann::json::parse(line));
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(to_json_line(*back), line);
}

TEST(RecordJson, GapsAreFoundWithTheirOffsets) {
  Document d = sample();
  ASSERT_EQ(d.gaps.size(), 2u);
  EXPECT_EQ(d.gaps[0].text, "[date].....");
  EXPECT_EQ(d.gaps[0].offset, 5u);
  EXPECT_EQ(d.gaps[1].text, ".....");
}

TEST(RecordJson, ErrorsNameTheField) {
  auto j = to_json(sample());
  j["contents"][0]["language"] = "xx";
  auto r = from_json(j);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("contents[0].language"), std::string::npos) << r.error().message();

  j = to_json(sample());
  j["title"] = "";
  r = from_json(j);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("title"), std::string::npos);

  j = to_json(sample());
  j["titel"] = "typo";
  r = from_json(j);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("titel: unknown field"), std::string::npos);

  j = to_json(sample());
  j["date"] = {{"display", "1966"}, {"earliest", "1966-01-01"}, {"latest", "1966-12-31"}, {"time", "25:00"}};
  r = from_json(j);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("date.time"), std::string::npos);

  j = to_json(sample());
  j["date"] = "4 Mar" + std::string(70000, 'A') + "ch 1966";
  r = from_json(j);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("date: 70012 bytes"), std::string::npos) << r.error().message();
}

// An impossible or unreadable date costs the record nothing: it is kept verbatim, without
// bounds, for review (issue 11; it used to refuse the record).
TEST(RecordJson, UnreadableDatesKeepTheRecord) {
  for (const char* text : {"31 February 1966", "the spring after the war"}) {
    auto j = to_json(sample());
    j["date"] = text;
    auto r = from_json(j);
    ASSERT_TRUE(r.ok()) << text;
    EXPECT_EQ(r->date.display, text);
    EXPECT_FALSE(r->date.known());
    EXPECT_TRUE(r->date.needs_review());
    // ...and it survives a round trip, still to review.
    auto again = from_json(to_json(*r));
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->date.needs_review());
  }
}

TEST(RecordJson, DatesCarryEdtfFlagsAndTime) {
  auto j = to_json(sample());
  j["date"] = "Washington, March 3, 1966, 10 p.m.";
  auto r = from_json(j);
  ASSERT_TRUE(r.ok());
  nlohmann::json date = to_json(*r)["date"];
  EXPECT_EQ(date["edtf"], "1966-03-03T22:00:00");
  EXPECT_EQ(date["time"], "22:00");
  EXPECT_EQ(date["precision"], "time");
  EXPECT_EQ(to_json_line(*from_json(to_json(*r))), to_json_line(*r));

  // Only an EDTF form: the bounds come from it.
  j["date"] = {{"display", "about 1966"}, {"edtf", "1966~"}};
  r = from_json(j);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date.earliest, "1966-01-01");
  EXPECT_TRUE(r->date.approximate);

  // Records written before issue 11 ("circa", no edtf) still read.
  j["date"] = {{"display", "ca. 1966"}, {"earliest", "1964-01-01"}, {"latest", "1968-12-31"}, {"precision", "circa"}};
  r = from_json(j);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->date.approximate);
  EXPECT_EQ(r->date.edtf, "1964~/1968~");
}

TEST(RecordJson, AcceptsLanguageNamesAndStoresCodes) {
  auto j = to_json(sample());
  j["original_languages"] = {"Albanian"};
  auto r = from_json(j);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->original_languages, std::vector<std::string>{"sq"});
}

// The parts a printed volume adds to a citation (FRUS): written only when set, so a record
// without them keeps its JSON byte for byte; read back; an unknown citation key is refused.
TEST(RecordJson, CitationVolumePartsOnlyWhenSet) {
  Document d = sample();
  const std::string before = to_json_line(d);
  auto plain = to_json(d)["citation"];
  EXPECT_EQ(plain.size(), 6u) << plain.dump();
  for (const char* k : {"author", "volume", "number", "pages", "place", "year"}) EXPECT_FALSE(plain.contains(k)) << k;

  d.citation.author = "Francis, David R.";
  d.citation.volume = "Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I";
  d.citation.number = "10";
  d.citation.pages = "5\u20137";
  d.citation.place = "Washington";
  d.citation.year = "1942";
  const std::string line = to_json_line(d);
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["citation"]["volume"], d.citation.volume);
  EXPECT_EQ(j["citation"]["pages"], "5\u20137");
  auto back = from_json(j);
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(back->citation.author, "Francis, David R.");
  EXPECT_EQ(back->citation.number, "10");
  EXPECT_EQ(back->citation.place, "Washington");
  EXPECT_EQ(back->citation.year, "1942");
  EXPECT_EQ(to_json_line(*back), line);

  back->citation.author = back->citation.volume = back->citation.number = back->citation.pages = "";
  back->citation.place = back->citation.year = "";
  EXPECT_EQ(to_json_line(*back), before);

  j["citation"]["volumen"] = "typo";
  auto bad = from_json(j);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("volumen"), std::string::npos) << bad.error().message();
}

TEST(RecordJson, CitationVolumePartsAreBounded) {
  Document d = sample();
  d.citation.volume = std::string(kMaxShortFieldBytes + 1, 'v');
  Status s = check_field_sizes(d);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message().find("citation.volume"), std::string::npos) << s.error().message();
}

}  // namespace
}  // namespace arkiv::model
