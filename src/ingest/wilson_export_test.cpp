#include "ingest/wilson_export.h"

#include <gtest/gtest.h>

#include "ingest/wilson_text_importer.h"

namespace arkiv::ingest::wilson {
namespace {

std::vector<std::string> texts_of(const std::vector<Paragraph>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.text);
  return out;
}

TEST(WilsonSections, FindsLabelsWithTheirLinesAndBodies) {
  std::string text = "**1966****T****Citation:**\n\nA cite.\n\n**Summary:**\n\nOne\ntwo.\n";
  Sections s = find_sections(text);
  EXPECT_EQ(text.substr(0, s.header_end), "**1966****T**");
  ASSERT_EQ(s.sections.size(), 2u);
  EXPECT_EQ(s.sections[0].label, "Citation");
  EXPECT_EQ(s.sections[0].line, 1u);
  EXPECT_EQ(s.sections[1].label, "Summary");
  EXPECT_EQ(s.sections[1].line, 5u);
  EXPECT_EQ(text.substr(s.sections[0].begin, s.sections[0].end - s.sections[0].begin), "\n\nA cite.\n\n");
  EXPECT_EQ(texts_of(paragraphs_of(text.substr(s.sections[1].begin), s.sections[1].line)), (std::vector<std::string>{"One two."}));
  EXPECT_EQ(paragraphs_of(text.substr(s.sections[1].begin), s.sections[1].line)[0].line, 7u);
  // "**" that is not a label is text.
  EXPECT_TRUE(find_sections("**bold** and **Unknown:**").sections.empty());
}

// Regression: "**Contents:**" 100,000 times made the old parser quadratic (copying the rest of
// the file per label): 20,000 took 6 s. Each label is now one step of one pass.
TEST(WilsonSections, AHundredThousandLabelsAreOnePass) {
  std::string text = "**1966****Many labels****Citation:**\n\nx\n\n";
  std::string label = "**Contents:**\n";
  for (int i = 0; i < 100000; ++i) text += label;
  text += "\nThe last text of the file, in English, which is the text that the record has.\n";
  Sections s = find_sections(text);
  ASSERT_EQ(s.sections.size(), 100001u);
  EXPECT_EQ(s.sections.back().line, 100004u);
  ParseOutput out = WilsonTextImporter().parse({"many.txt", text});
  ASSERT_EQ(out.records.size(), 1u);
  ASSERT_EQ(out.records[0].contents.size(), 1u);
  EXPECT_EQ(out.records[0].contents[0].text, "The last text of the file, in English, which is the text that the record has.");
}

TEST(WilsonHeader, ReadsDateAndTitleFromBoldRuns) {
  Header h = read_header("\n\n**4 March 1966****A Title**");
  EXPECT_EQ(h.date, "4 March 1966");
  EXPECT_EQ(h.title, "A Title");
  h = read_header("**Only a title**");
  EXPECT_EQ(h.date, "");
  EXPECT_EQ(h.title, "Only a title");
  EXPECT_EQ(read_header("no bold").title, "");
}

TEST(WilsonContentsList, ParsesEveryEntryForm) {
  auto e = parse_contents_entry({"Original Scan", 4});
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->scan);
  EXPECT_EQ(e->kind, "original");
  EXPECT_EQ(e->line, 4u);
  e = parse_contents_entry({"Transcript - Russian", 1});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind, "transcript");
  EXPECT_EQ(e->language, "ru");
  e = parse_contents_entry({"Translation – Korean", 1});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind, "translation");
  EXPECT_EQ(e->language, "ko");
  e = parse_contents_entry({"Translation - Pyongyang dialect", 1});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->language, "");
  EXPECT_EQ(e->declared, "Pyongyang dialect");
  EXPECT_FALSE(parse_contents_entry({"Translation", 1}));
  EXPECT_FALSE(parse_contents_entry({"Draft", 1}));
  EXPECT_FALSE(parse_contents_entry({"Translation - the following text was prepared by the embassy staff in 1966.", 1}));

  ContentsList list = read_contents_list({{"Original Scan", 1}, {"Translation - English", 3}, {"Draft", 5}, {"Text.", 7}});
  ASSERT_EQ(list.entries.size(), 2u);
  EXPECT_EQ(texts_of(list.body), (std::vector<std::string>{"Draft", "Text."}));
  // An entry repeated is the label over its text.
  list = read_contents_list({{"Translation - English", 1}, {"Transcript - Russian", 3}, {"Transcript - Russian", 5}, {"Текст.", 7}});
  ASSERT_EQ(list.entries.size(), 2u);
  EXPECT_EQ(texts_of(list.body), (std::vector<std::string>{"Transcript - Russian", "Текст."}));
}

TEST(WilsonBody, SplitsTextsByLabelOrLanguageAndJoinsPageBreaks) {
  std::vector<ContentsEntry> entries = {*parse_contents_entry({"Transcript - Russian", 1}), *parse_contents_entry({"Translation - English", 2})};
  std::vector<Paragraph> body = {
      {"Посол ответил, что этот вопрос будет доложен в Москву и что ответ будет дан в ближайшее время, как", 5},
      {"он и обещал.", 7},
      {"The Ambassador answered that this question would be reported to Moscow and that the", 9},
      {"answer would be given in the near future, as he had promised.", 11}};
  std::vector<Text> texts = split_texts(body, entries);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0].language, "ru");
  ASSERT_EQ(texts[0].paragraphs.size(), 1u);  // the page break is joined
  EXPECT_EQ(texts[0].paragraphs[0].line, 5u);
  EXPECT_EQ(texts[1].language, "en");
  ASSERT_EQ(texts[1].paragraphs.size(), 1u);
  EXPECT_NE(texts[1].paragraphs[0].text.find("that the answer would"), std::string::npos);

  // A label line names the entry; a short paragraph in another language does not split a text.
  texts = split_texts({{"Translation - English", 3}, {"The talks were held in a friendly atmosphere and the sides agreed on all the points.", 5},
                       {"Salut et fraternité!", 7}, {"The delegation then left for the airport, where it was seen off by the leaders of the country.", 9}},
                      entries);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].entry, std::optional<std::size_t>(1));
}

TEST(WilsonBody, ReadsTheDocumentState) {
  EXPECT_EQ(document_state_of("Draft"), "draft");
  EXPECT_EQ(document_state_of("COPY."), "copy");
  EXPECT_EQ(document_state_of("Drafted by the embassy"), "");
}

TEST(WilsonItems, EveryEntryIsAnItemAndTextsGoByLanguage) {
  model::Document doc;
  doc.title = "T";
  doc.original_languages = {"ru"};
  doc.citation.translator = "Gary Goldberg";
  std::vector<ContentsEntry> entries = {*parse_contents_entry({"Original Scan", 1}), *parse_contents_entry({"Translation - English", 3})};
  std::vector<Text> texts = {{{{"An English text.", 5}}, std::nullopt, "en"}};
  std::vector<std::string> warnings;
  auto items = content_items(entries, texts, doc, warnings);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].in_export);
  EXPECT_EQ(items[0].language, "ru");
  EXPECT_TRUE(items[1].in_export);
  EXPECT_EQ(items[1].text, "An English text.");
  EXPECT_EQ(items[1].translator, "Gary Goldberg");
  EXPECT_TRUE(warnings.empty());

  // A text in a language no entry names is kept with that language and a warning; no relabel.
  texts = {{{{"Текст.", 9}}, std::nullopt, "ru"}, {{{"An English text.", 11}}, std::nullopt, "en"}};
  items = content_items({entries[1]}, texts, doc, warnings);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].language, "en");
  EXPECT_EQ(items[1].language, "ru");
  EXPECT_EQ(items[1].kind, "original");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rfind("line 9: a text in Russian matches no contents entry", 0), 0u);
}

}  // namespace
}  // namespace arkiv::ingest::wilson
