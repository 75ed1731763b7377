#include "model/field_limits.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/record_json.h"

namespace arkiv::model {
namespace {

TEST(FieldLimits, AFieldOverItsLimitIsNamedWithItsSize) {
  Document d;
  d.id = "t/1";
  d.title = "ok";
  EXPECT_TRUE(check_field_sizes(d).ok());
  d.subjects = {"fine", std::string(5000, 's')};
  Status s = check_field_sizes(d);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(s.error().message(), "subjects[1]: 5000 bytes, over the limit of 4096 bytes");
  d.subjects.clear();
  d.contents.push_back({"original", "en", "", "", std::string(10, 'x'), {{0, "1", std::string(kMaxNoteBytes + 1, 'n')}}});
  s = check_field_sizes(d);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message(), "contents[0].notes[0].text: " + std::to_string(kMaxNoteBytes + 1) + " bytes, over the limit of " +
                                     std::to_string(kMaxNoteBytes) + " bytes");
}

TEST(FieldLimits, AHugeDateIsRefusedBeforeItIsParsed) {
  // The fuzzing case of issue 10: "4 Mar" + 70,000 x "A" + "ch 1966" once crashed the import.
  std::string date = "4 Mar" + std::string(70000, 'A') + "ch 1966";
  auto doc = from_json(nlohmann::json{{"id", "t/1"}, {"title", "T"}, {"date", date}});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().message(), "date: 70012 bytes, over the limit of 1024 bytes");
  doc = from_json(nlohmann::json{{"id", "t/1"}, {"title", "T"}, {"date", {{"display", date}}}});
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.error().message().find("date.display: 70012 bytes"), std::string::npos) << doc.error().message();
  doc = from_json(nlohmann::json{{"id", "t/1"}, {"title", std::string(kMaxTitleBytes + 5, 't')}});
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.error().message().find("title: " + std::to_string(kMaxTitleBytes + 5) + " bytes"), std::string::npos);
}

}  // namespace
}  // namespace arkiv::model
