#include "model/record_json.h"

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
  j["date"] = "31 February 1966";
  r = from_json(j);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("date"), std::string::npos);
}

TEST(RecordJson, AcceptsLanguageNamesAndStoresCodes) {
  auto j = to_json(sample());
  j["original_languages"] = {"Albanian"};
  auto r = from_json(j);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->original_languages, std::vector<std::string>{"sq"});
}

}  // namespace
}  // namespace arkiv::model
