#include "model/lifecycle.h"

#include <gtest/gtest.h>

#include "model/record_json.h"

namespace arkiv::model {
namespace {

Document sample() {
  Document d;
  d.id = "t/1";
  d.title = "Minutes";
  return d;
}

TEST(Lifecycle, EmptyIsPublishedAndVisible) {
  Document d = sample();
  EXPECT_EQ(publication_of(d), Publication::kPublished);
  EXPECT_TRUE(visible_to_readers(d, "2026-11-27"));
}

TEST(Lifecycle, OnlyPublishedRecordsPastTheirEmbargoAreVisible) {
  Document d = sample();
  for (Publication p : {Publication::kDraft, Publication::kReview, Publication::kWithdrawn}) {
    set_publication(d, p);
    EXPECT_FALSE(visible_to_readers(d, "2026-11-27")) << publication_name(p);
  }
  set_publication(d, Publication::kPublished);
  EXPECT_EQ(d.publication, "");
  d.embargo_until = "2026-11-28";
  EXPECT_FALSE(visible_to_readers(d, "2026-11-27"));
  EXPECT_TRUE(visible_to_readers(d, "2026-11-28"));  // it appears on that day, without anyone acting
  EXPECT_TRUE(visible_to_readers(d, "2027-01-01"));
}

TEST(Lifecycle, JsonKeepsTheFieldsOnlyWhenSet) {
  Document d = sample();
  nlohmann::json j = to_json(d);
  EXPECT_FALSE(j.contains("publication"));
  EXPECT_FALSE(j.contains("embargo_until"));
  EXPECT_FALSE(j.contains("staff_notes"));
  set_publication(d, Publication::kReview);
  d.embargo_until = "2030-01-01";
  d.staff_notes = "Check the translator's name.";
  j = to_json(d);
  EXPECT_EQ(j["publication"], "review");
  auto back = from_json(j);
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(back->publication, "review");
  EXPECT_EQ(back->embargo_until, "2030-01-01");
  EXPECT_EQ(back->staff_notes, "Check the translator's name.");
}

TEST(Lifecycle, BadValuesNameTheField) {
  nlohmann::json j = to_json(sample());
  j["publication"] = "secret";
  auto r = from_json(j);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("publication: 'secret'"), std::string::npos) << r.error().message();
  j["publication"] = "published";
  r = from_json(j);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->publication, "");  // canonical
  for (const char* bad : {"2026-02-30", "2026-13-01", "tomorrow", "2026-1-1", "2025-02-29"}) {
    j["embargo_until"] = bad;
    r = from_json(j);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message().find("embargo_until"), std::string::npos);
  }
  j["embargo_until"] = "2028-02-29";
  EXPECT_TRUE(from_json(j).ok());
}

TEST(Lifecycle, TodayIsADay) {
  std::string t = today_utc();
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[4], '-');
  EXPECT_GE(t, "2024-01-01");
}

}  // namespace
}  // namespace arkiv::model
