// Names across spellings and scripts (issue 12): each group of the shipped variant table finds
// the same records whichever one form they use, and with variants off only the records of the
// form typed (and of forms that are the same word once folded or transliterated).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "base/temp_dir.h"
#include "model/name_variants.h"

namespace arkiv::archive {
namespace {

struct Form {
  std::string id;        // the record that uses this form, and only it
  std::string text;      // the form
  std::string language;  // of the record's text
  std::string sentence;  // the record's text, with the form in it
};

struct Group {
  std::string name;
  std::vector<Form> forms;
};

// One record per form, each in a sentence of its language; no record names anything else of
// any group.
const std::vector<Group>& groups() {
  static const std::vector<Group> g = {
      {"Kim Il Sung",
       {{"kim-en1", "Kim Il Sung", "en", "The delegation was received by Kim Il Sung at noon."},
        {"kim-en2", "Kim Il-sung", "en", "A letter from Kim Il-sung was read to the congress."},
        {"kim-sq", "Kim Ir Sen", "sq", "Delegacioni u prit nga shoku Kim Ir Sen me përzemërsi."},
        {"kim-ko", "김일성", "ko", "대표단은 김일성 동지를 만났다."},
        {"kim-zh", "金日成", "zh", "代表团会见了金日成。"}}},
      {"Mao Zedong",
       {{"mao-en1", "Mao Zedong", "en", "The ambassador met Mao Zedong for two hours."},
        {"mao-en2", "Mao Tse-tung", "en", "Chairman Mao Tse-tung received the visitors."},
        {"mao-zh", "毛泽东", "zh", "代表团会见了毛泽东。"},
        {"mao-ru", "Мао Цзэдун", "ru", "Делегацию принял Мао Цзэдун."}}},
      {"Enver Hoxha",
       {{"hoxha-sq", "Enver Hoxha", "sq", "Delegacioni u prit nga shoku Enver Hoxha."},
        {"hoxha-de", "Enver Hodža", "de", "Die Delegation wurde von Enver Hodža empfangen."},
        {"hoxha-ru", "Энвер Ходжа", "ru", "Делегацию принял Энвер Ходжа."}}},
      {"Pyongyang",
       {{"pyo-en1", "Pyongyang", "en", "The train reached Pyongyang in the evening."},
        {"pyo-en2", "P'yŏngyang", "en", "The embassy in P'yŏngyang reported on the harvest."},
        {"pyo-de", "Phenjan", "de", "Die Delegation traf gestern in Phenjan ein."},
        {"pyo-ko", "평양", "ko", "대표단은 어제 평양에 도착했다."}}},
      {"Tirana",
       {{"tir-en", "Tirana", "en", "The train reached Tirana in the evening."},
        {"tir-sq", "Tiranë", "sq", "Delegacioni mbërriti dje në Tiranë."},
        {"tir-ru", "Тирана", "ru", "Тирана встретила гостей."}}},
      {"Beijing",
       {{"bei-en1", "Beijing", "en", "The talks in Beijing lasted three days."},
        {"bei-de", "Peking", "de", "Die Gespräche in Peking dauerten drei Tage."},
        {"bei-en2", "Peiping", "en", "The consulate in Peiping was closed."},
        {"bei-zh", "北京", "zh", "代表团昨天抵达北京。"}}},
  };
  return g;
}

// With variants off, what each form finds besides its own record: forms that are the same
// words once folded ("Kim Il-sung" is "kim il sung"), or once transliterated into Latin
// letters (the index holds "Энвер Ходжа" also as "enver hodza"; "毛泽东" inside a Chinese run is
// "mao ze dong", which is not "mao zedong").
const std::map<std::string, std::set<std::string>>& also_without_variants() {
  static const std::map<std::string, std::set<std::string>> m = {
      {"Kim Il Sung", {"kim-en2"}},  {"Kim Il-sung", {"kim-en1"}},
      {"Enver Hodža", {"hoxha-ru"}}, {"Энвер Ходжа", {"hoxha-de"}},
      {"Tirana", {"tir-ru", "tir-sq"}},  // and the Albanian stem of "Tiranë" is that of "tirana"
      {"Тирана", {"tir-en"}},
  };
  return m;
}

class NameVariantsSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::ofstream out(dir_->file("names.jsonl"));
    for (const Group& g : groups()) {
      for (const Form& f : g.forms) {
        nlohmann::json r = {{"id", "names/" + f.id},
                            {"title", "Report"},
                            {"date", "1960"},
                            {"original_languages", {f.language}},
                            {"contents", {{{"kind", "original"}, {"language", f.language}, {"text", f.sentence}}}}};
        out << r.dump() << "\n";
      }
    }
    out.close();
    auto a = Archive::open(dir_->file("data"), Archive::Mode::kWrite);
    if (!a) throw std::runtime_error(a.error().message());
    auto report = (*a)->import({dir_->file("names.jsonl")}, {});
    if (!report || !report->ok()) throw std::runtime_error("import failed");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
    auto a = Archive::open(dir_->file("data"), Archive::Mode::kRead);
    ASSERT_TRUE(a) << a.error().message();
    archive_ = std::move(a).value();
  }

  std::set<std::string> ids(const std::string& text, bool variants, SearchPage* page_out = nullptr) {
    SearchQuery q;
    q.text = text;
    q.limit = 100;
    q.audience = Audience::kStaff;
    q.name_variants = variants;
    auto page = archive_->search(q);
    EXPECT_TRUE(page) << text << ": " << (page ? "" : page.error().message());
    std::set<std::string> out;
    if (!page) return out;
    for (const SearchHit& h : page->hits) out.insert(h.id.substr(h.id.find('/') + 1));
    EXPECT_EQ(page->total, static_cast<std::int64_t>(out.size())) << text;
    if (page_out) *page_out = *page;
    return out;
  }

  static TempDir* dir_;
  std::unique_ptr<Archive> archive_;
};

TempDir* NameVariantsSearch::dir_ = nullptr;

std::string shown(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
  return "{" + out + "}";
}

TEST_F(NameVariantsSearch, EveryFormFindsExactlyItsGroup) {
  for (const Group& g : groups()) {
    std::set<std::string> all;
    for (const Form& f : g.forms) all.insert(f.id);
    for (const Form& f : g.forms) {
      EXPECT_EQ(ids(f.text, true), all) << "'" << f.text << "' (" << g.name << ") found " << shown(ids(f.text, true));
      // Quoted, too.
      EXPECT_EQ(ids("\"" + f.text + "\"", true), all) << "\"" << f.text << "\"";
    }
  }
}

TEST_F(NameVariantsSearch, WithVariantsOffOnlyTheFormTyped) {
  for (const Group& g : groups()) {
    for (const Form& f : g.forms) {
      std::set<std::string> expected{f.id};
      if (auto it = also_without_variants().find(f.text); it != also_without_variants().end()) {
        expected.insert(it->second.begin(), it->second.end());
      }
      EXPECT_EQ(ids(f.text, false), expected) << "'" << f.text << "' without variants found " << shown(ids(f.text, false));
    }
  }
}

TEST_F(NameVariantsSearch, TheAnswerSaysWhichVariantsWereUsed) {
  SearchPage page;
  ids("Kim Il Sung", true, &page);
  ASSERT_EQ(page.variants.size(), 1u);
  EXPECT_EQ(page.variants[0].matched, "Kim Il Sung");
  const auto& forms = page.variants[0].forms;
  for (const char* f : {"Kim Il-sung", "Kim Ir Sen", "김일성", "金日成"}) {
    EXPECT_NE(std::find(forms.begin(), forms.end(), f), forms.end()) << f;
  }
  EXPECT_EQ(std::find(forms.begin(), forms.end(), "Kim Il Sung"), forms.end()) << "the form typed is not listed again";
  // As typed, diacritics and all; two names in one query, each reported.
  ids("P'yŏngyang Tirana", true, &page);
  ASSERT_EQ(page.variants.size(), 2u);
  EXPECT_EQ(page.variants[0].matched, "P'yŏngyang");
  EXPECT_EQ(page.variants[1].matched, "Tirana");
  ids("Kim Il Sung", false, &page);
  EXPECT_TRUE(page.variants.empty());
}

TEST_F(NameVariantsSearch, NamesCombineWithOtherWordsAndOperators) {
  // Default AND: the name's group, and the other word.
  EXPECT_EQ(ids("Kim Ir Sen delegation", true), (std::set<std::string>{"kim-en1"}));
  EXPECT_EQ(ids("Peking OR Tirana", true), (std::set<std::string>{"bei-en1", "bei-de", "bei-en2", "bei-zh", "tir-en", "tir-sq", "tir-ru"}));
  EXPECT_EQ(ids("Pyongyang NOT 평양", true), std::set<std::string>{});
  // A name inside a longer phrase keeps the phrase as typed: nothing has these words in a row.
  EXPECT_EQ(ids("\"by Kim Il Sung\"", true), (std::set<std::string>{"kim-en1"}));
  // A name glued to another word by a hyphen is not expanded.
  SearchPage page;
  ids("Peking-Tirana", true, &page);
  EXPECT_TRUE(page.variants.empty());
  // Longest match wins: "Kim Il Sung" is one name, not "Kim" and more.
  ids("Kim Il Sung", true, &page);
  ASSERT_EQ(page.variants.size(), 1u);
}

TEST_F(NameVariantsSearch, ChineseAndKoreanQueriesFindNamesInsideLongerRuns) {
  // CJK text has no spaces: a name inside a run of other characters is expanded on its own,
  // and the rest of the run still has to match.
  SearchPage page;
  EXPECT_EQ(ids("会见了金日成", true, &page), (std::set<std::string>{"kim-zh"}));
  EXPECT_EQ(page.variants.size(), 1u);
  EXPECT_EQ(ids("会见了毛泽东", true), (std::set<std::string>{"mao-zh"}));
  EXPECT_EQ(ids("김일성동지", true, &page), (std::set<std::string>{"kim-ko"}));
  ASSERT_EQ(page.variants.size(), 1u);
  EXPECT_EQ(page.variants[0].matched, "김일성");
}

TEST_F(NameVariantsSearch, AnArchivistsTableReplacesTheShippedOne) {
  auto table = model::parse_name_variants("place\tTirana\tTirana\ten\nplace\tTirana\tPhenjan\tde\n", "test");
  ASSERT_TRUE(table) << table.error().message();
  archive_->set_name_variants(std::make_shared<const model::NameVariants>(std::move(table).value()));
  // A nonsense group, to show the table is the one searched with (and that cached answers of
  // the old table are not served).
  // (tir-sq through the Albanian stem of "Tiranë", as without variants.)
  EXPECT_EQ(ids("Tirana", true), (std::set<std::string>{"tir-en", "tir-ru", "tir-sq", "pyo-de"}));
  EXPECT_EQ(ids("Kim Il Sung", true), (std::set<std::string>{"kim-en1", "kim-en2"}));
  archive_->set_name_variants(model::shipped_name_variants());
  EXPECT_EQ(ids("Tirana", true), (std::set<std::string>{"tir-en", "tir-sq", "tir-ru"}));
}

TEST_F(NameVariantsSearch, ANameTypedAsWordsFindsAtLeastWhatItsWordsFind) {
  // "evening train" is a form of a group (in this table); its words stand apart in two
  // records ("The train reached Tirana in the evening"): found as they are without variants,
  // and the group's other form ("Panmunjom") adds nothing here.
  auto table = model::parse_name_variants("subject\tEvening train\tevening train\ten\nsubject\tEvening train\tPanmunjom\ten\n", "test");
  ASSERT_TRUE(table) << table.error().message();
  archive_->set_name_variants(std::make_shared<const model::NameVariants>(std::move(table).value()));
  SearchPage page;
  EXPECT_EQ(ids("evening train", true, &page), (std::set<std::string>{"tir-en", "pyo-en1"}));
  EXPECT_EQ(page.variants.size(), 1u);
  EXPECT_EQ(ids("evening train", false), (std::set<std::string>{"tir-en", "pyo-en1"}));
  // Quoted, it is the phrase: nowhere.
  EXPECT_EQ(ids("\"evening train\"", true), std::set<std::string>{});
}

TEST_F(NameVariantsSearch, FieldQueriesExpandWithinTheirKind) {
  // No record has person or place fields here: a field query finds nothing, and says which
  // forms it tried.
  SearchPage page;
  ids("person:\"Kim Il Sung\"", true, &page);
  ASSERT_EQ(page.variants.size(), 1u);
  EXPECT_EQ(page.variants[0].matched, "Kim Il Sung");
  ids("place:\"Kim Il Sung\"", true, &page);
  EXPECT_TRUE(page.variants.empty()) << "a person's name is not a place";
}

}  // namespace
}  // namespace arkiv::archive
