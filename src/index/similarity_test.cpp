// "More like this": the score's parts (internal/similarity.h) and the ranking SearchIndex
// gives, on records that share text, names and time in different measures.
#include "index/internal/similarity.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "base/temp_dir.h"
#include "index/search_index.h"

namespace arkiv::index {
namespace {

using similarity::Candidate;

TEST(SimilarityScore, YearsApart) {
  EXPECT_DOUBLE_EQ(*similarity::years_apart("1918-01-01", "1918-12-31", "1918-06-01", "1919-01-01"), 0.0);
  EXPECT_NEAR(*similarity::years_apart("1918-01-01", "1918-12-31", "1966-03-04", "1966-03-04"), 47.2, 0.1);
  EXPECT_NEAR(*similarity::years_apart("1966-03-04", "1966-03-04", "1918-01-01", "1918-12-31"), 47.2, 0.1);
  EXPECT_FALSE(similarity::years_apart("", "", "1918-01-01", "1918-12-31").has_value());
  // An open end reaches the other range.
  EXPECT_DOUBLE_EQ(*similarity::years_apart("1950-01-01", "9999-99-99", "1966-03-04", "1966-03-04"), 0.0);
  EXPECT_NEAR(*similarity::years_apart("0000-00-00", "1950-12-31", "1966-03-04", "1966-03-04"), 15.2, 0.1);
}

TEST(SimilarityScore, FarApartNeedsAPersonOrSubject) {
  Candidate far{.text = 10, .shared = 0, .shares_person_or_subject = false, .years = 48};
  EXPECT_FALSE(similarity::score(far, 10, 5, true).has_value());
  far.shares_person_or_subject = true;
  far.shared = 2;
  EXPECT_TRUE(similarity::score(far, 10, 5, true).has_value());
  // An undated record has no "far": it is compared on text and shared values.
  Candidate c{.text = 10, .years = std::nullopt};
  EXPECT_NEAR(*similarity::score(c, 10, 5, false), similarity::kTextWeight / (similarity::kTextWeight + similarity::kSharedWeight), 1e-9);
  EXPECT_FALSE(similarity::score(Candidate{}, 10, 5, true).has_value()) << "sharing nothing";
}

TEST(SimilarityScore, CloserInTimeAndSharingMoreRanksHigher) {
  Candidate near{.text = 5, .shared = 1, .years = 0.5};
  Candidate later{.text = 5, .shared = 1, .years = 8};
  EXPECT_GT(*similarity::score(near, 10, 4, true), *similarity::score(later, 10, 4, true));
  Candidate sharing{.text = 5, .shared = 3, .shares_person_or_subject = true, .years = 0.5};
  EXPECT_GT(*similarity::score(sharing, 10, 4, true), *similarity::score(near, 10, 4, true));
  // Each part is bounded: a score never passes 1.
  Candidate all{.text = 20, .shared = 9, .shares_person_or_subject = true, .years = 0};
  EXPECT_LE(*similarity::score(all, 10, 4, true), 1.0 + 1e-12);
}

model::Document record(const std::string& id, const std::string& date, const std::string& text) {
  model::Document d;
  d.id = id;
  d.title = id;
  d.date = *model::parse_date(date);
  d.original_languages = {"en"};
  d.contents.push_back({"original", "en", "", "", text, {}});
  return d;
}

TEST(SimilarRecords, WeighPeopleSubjectsAndTimeAsWellAsText) {
  TempDir dir;
  auto idx = SearchIndex::open_writable(dir.file("index"));
  ASSERT_TRUE(idx.ok());
  const std::string railway = "The railway loan and the railway credits of the Provisional Government; railway materials shipped. ";
  auto telegram = record("frus/1918/d1", "1918-10-11", railway + railway);
  telegram.people = {"Robert Lansing", "David R. Francis"};
  telegram.subjects = {"Assistance in railway transportation"};
  telegram.collections = {"FRUS 1918, Russia, Volume III"};
  // Much the same words, half a century later, sharing nobody and no subject.
  auto declaration = record("other/1966", "1966-03-04", railway + railway + "The joint declaration of the two parties.");
  declaration.people = {"Kim Il Sung"};
  declaration.collections = {"Albania-Korea Relations"};
  // Fewer words in common, the same people and subject, the same year.
  auto reply = record("frus/1918/d2", "1918-10-20", "Reply on the railway credits, sent to Lansing.");
  reply.people = {"Robert Lansing", "David R. Francis"};
  reply.subjects = {"Assistance in railway transportation"};
  reply.collections = {"FRUS 1918, Russia, Volume III"};
  // The same volume, another subject, a year later.
  auto other = record("frus/1918/d3", "1919-01-13", "Shipping of Russian vessels in American ports; the railway is mentioned once.");
  other.collections = {"FRUS 1918, Russia, Volume III"};
  // Far apart in time, but about the same person: may be offered.
  auto memoir = record("later/1930", "1930-05-01", "Recollections of the railway loan negotiations.");
  memoir.people = {"Robert Lansing"};
  // Unrelated filler, so that shared values are not common to every record.
  std::vector<model::Document> all = {telegram, declaration, reply, other, memoir};
  for (int i = 0; i < 6; ++i) all.push_back(record("filler/" + std::to_string(i), "1950", "Fisheries agreement in the North Sea number " + std::to_string(i)));
  for (auto& r : all) {
    if (r.people.empty() && r.id.rfind("filler/", 0) == 0) r.people = {"Someone " + r.id};
  }
  for (const auto& d : all) ASSERT_TRUE((*idx)->replace(d).ok());
  ASSERT_TRUE((*idx)->commit(1, "uuid").ok());

  auto list = (*idx)->similar("frus/1918/d1", 5);
  ASSERT_TRUE(list.ok()) << list.error().message();
  ASSERT_FALSE(list->empty());
  EXPECT_EQ(list->front(), "frus/1918/d2");
  EXPECT_EQ(std::count(list->begin(), list->end(), "other/1966"), 0) << "48 years apart, sharing no person or subject";
  EXPECT_EQ(std::count(list->begin(), list->end(), "frus/1918/d1"), 0) << "never itself";
  EXPECT_EQ(std::count(list->begin(), list->end(), "later/1930"), 1) << "far apart, but the same person";
  auto pos = [&](const std::string& id) { return std::find(list->begin(), list->end(), id) - list->begin(); };
  EXPECT_LT(pos("frus/1918/d3"), pos("later/1930")) << "the same volume a year later before a shared name 12 years on";

  // The 1966 record, from its side, is not offered the 1918 ones either.
  auto back = (*idx)->similar("other/1966", 5);
  ASSERT_TRUE(back.ok());
  for (const auto& id : *back) EXPECT_NE(id.rfind("frus/1918/", 0), 0u) << id;
  EXPECT_TRUE((*idx)->similar("frus/1918/d1", 0)->empty());
}

}  // namespace
}  // namespace arkiv::index
