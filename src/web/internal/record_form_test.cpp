#include "web/internal/record_form.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "model/record_json.h"

namespace arkiv::web {
namespace {

model::Document sample() {
  nlohmann::json j = {{"id", "t/1"},
                      {"title", "Joint Declaration"},
                      {"date", "4 March 1966"},
                      {"people", {"Enver Hoxha", "Kim Il Sung"}},
                      {"contents", {{{"kind", "translation"}, {"language", "en"}, {"text", "The parties met on [date]..... in Tirana."}}}},
                      {"gaps", nlohmann::json::array({{{"content", 0u}, {"offset", 19u}, {"text", "[date]....."}, {"kind", "omission"}}})}};
  auto d = model::from_json(j);
  if (!d.ok()) throw std::runtime_error(d.error().message());
  return *d;
}

Result<model::Document> submit(const FormValues& v, const model::Document& stored) {
  auto j = record_json_from_form(v, model::to_json(stored));
  if (!j) return j.error();
  return model::from_json(*j);
}

TEST(RecordForm, UnchangedFormGivesTheSameRecord) {
  model::Document d = sample();
  auto back = submit(form_values(d), d);
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(model::to_json_line(*back), model::to_json_line(d));
}

TEST(RecordForm, EditsFieldsListsAndTheDate) {
  model::Document d = sample();
  FormValues v = form_values(d);
  v["title"] = "Joint Declaration of Albania and Korea";
  v["people"] = "Enver Hoxha\r\n\r\n  Kim Il Sung \r\nMehmet Shehu";
  v["date.display"] = "Spring 1966";  // only the display changed: read again
  auto back = submit(v, d);
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(back->title, "Joint Declaration of Albania and Korea");
  EXPECT_EQ(back->people, (std::vector<std::string>{"Enver Hoxha", "Kim Il Sung", "Mehmet Shehu"}));
  EXPECT_EQ(back->date.earliest.substr(0, 4), "1966");
  EXPECT_EQ(model::precision_name(back->date.precision), std::string("season"));

  v = form_values(d);
  v["date.earliest"] = "1966-03-01";
  v["date.latest"] = "1966-03-31";
  v["date.precision"] = "month";
  back = submit(v, d);
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(back->date.display, "4 March 1966");  // kept as written; the bounds are the editor's
  EXPECT_EQ(back->date.latest, "1966-03-31");
}

TEST(RecordForm, AddsAVersionMarksAndUnmarksGaps) {
  model::Document d = sample();
  ASSERT_EQ(d.gaps.size(), 1u);
  FormValues v = form_values(d);
  v["contents.new.kind"] = "original";
  v["contents.new.language"] = "sq";
  v["contents.new.translator"] = "";
  v["contents.new.text"] = "Palët u takuan në Tiranë.";
  v["gaps.0.remove"] = "1";
  v["gaps.new.content"] = "0";
  v["gaps.new.text"] = "in Tirana";
  v["gaps.new.kind"] = "editorial";
  auto back = submit(v, d);
  ASSERT_TRUE(back.ok()) << back.error().message();
  ASSERT_EQ(back->contents.size(), 2u);
  EXPECT_EQ(back->contents[1].language, "sq");
  ASSERT_EQ(back->gaps.size(), 1u);
  EXPECT_EQ(back->gaps[0].text, "in Tirana");
  EXPECT_EQ(back->gaps[0].kind, "editorial");
  EXPECT_EQ(back->gaps[0].offset, d.contents[0].text.find("in Tirana"));  // ASCII: bytes = code points
}

TEST(RecordForm, RemovingAVersionTakesItsGapsAlong) {
  model::Document d = sample();
  FormValues v = form_values(d);
  v["contents.0.remove"] = "1";
  auto back = submit(v, d);
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_TRUE(back->contents.empty());
  EXPECT_TRUE(back->gaps.empty());
}

TEST(RecordForm, ErrorsNameTheirField) {
  model::Document d = sample();
  FormValues v = form_values(d);
  v["gaps.new.content"] = "0";
  v["gaps.new.text"] = "not in the text";
  auto j = record_json_from_form(v, model::to_json(d));
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(error_field(j.error().message(), v), "gaps.new.text");

  v = form_values(d);
  v["contents.0.language"] = "notalanguage";
  auto back = submit(v, d);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(error_field(back.error().message(), v), "contents.0.language") << back.error().message();
  v = form_values(d);
  v["date.earliest"] = "1966-13-01";
  back = submit(v, d);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(error_field(back.error().message(), v), "date.earliest") << back.error().message();
}

TEST(RecordForm, ComparesFieldByField) {
  model::Document a = sample();
  model::Document b = a;
  b.title = "Another title";
  b.people.push_back("Mehmet Shehu");
  auto changes = compare_records(a, b);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].field, "Title");
  EXPECT_EQ(changes[0].before, "Joint Declaration");
  EXPECT_EQ(changes[0].after, "Another title");
  EXPECT_EQ(changes[1].field, "People");
  EXPECT_TRUE(compare_records(a, a).empty());
}

TEST(RecordForm, EditsNotesPartsAndUnreadFieldsAsJson) {
  model::Document d = sample();
  FormValues v = form_values(d);
  nlohmann::json adv = nlohmann::json::parse(v["advanced"]);
  ASSERT_EQ(adv["notes"].size(), 1u);
  adv["notes"][0] = nlohmann::json::array({{{"offset", 4u}, {"label", "1"}, {"text", "The draft leaves the date blank."}}});
  adv["unread"] = nlohmann::json::array({{{"field", "original_languages"}, {"text", "Klingonese"}}});
  v["advanced"] = adv.dump();
  auto back = submit(v, d);
  ASSERT_TRUE(back.ok()) << back.error().message();
  ASSERT_EQ(back->contents[0].notes.size(), 1u);
  EXPECT_EQ(back->contents[0].notes[0].text, "The draft leaves the date blank.");
  ASSERT_EQ(back->unread.size(), 1u);
  v["advanced"] = R"({"notes": 3})";
  auto bad = record_json_from_form(v, model::to_json(d));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(error_field(bad.error().message(), v), "advanced");
}

}  // namespace
}  // namespace arkiv::web
