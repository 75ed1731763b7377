// Query words stemmed in the languages of the texts they may match (index/query_languages.h),
// through the whole index: records in several languages are indexed, then searched.
#include "index/internal/query_languages.h"

#include <gtest/gtest.h>

#include "base/marked_text.h"
#include "base/temp_dir.h"
#include "index/search_index.h"

namespace arkiv::index {
namespace {

model::Document make(const std::string& id, const std::string& title, const std::string& lang, const std::string& text) {
  model::Document d;
  d.id = id;
  d.title = title;
  d.date = *model::parse_date("1966");
  d.original_languages = {lang};
  d.contents.push_back({"original", lang, "", "", text, {}});
  return d;
}

class QueryLanguagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto idx = SearchIndex::open_writable(dir_.file("index"));
    ASSERT_TRUE(idx.ok()) << idx.error().message();
    index_ = std::move(idx).value();
    const model::Document docs[] = {
        make("ru/1", "Запись беседы", "ru", "Беседа с товарищем Вышинского о положении в Корее."),
        make("sq/1", "Letër e Komitetit Qendror", "sq", "Delegacioni i Partisë së Punës së Shqipërisë vizitoi Korenë."),
        make("sq/2", "Raport mbi Koresë", "sq", "Marrëdhëniet midis dy partive u forcuan."),
        make("ko/1", "보고", "ko", "김일성동지께서 평양에서 대표단을 접견하시였다."),
        make("en/1", "Governments of Europe", "en", "The governments discussed the railways of Korea."),
    };
    for (const auto& d : docs) ASSERT_TRUE(index_->replace(d).ok());
    ASSERT_TRUE(index_->commit(1, "uuid").ok());
  }

  std::vector<std::string> ids(const std::string& text, const std::string& language = "") {
    SearchQuery q;
    q.text = text;
    if (!language.empty()) q.filters.emplace_back("language", language);
    auto r = index_->search(q);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message());
    std::vector<std::string> out = r.ok() ? r->ids : std::vector<std::string>{};
    std::sort(out.begin(), out.end());
    return out;
  }

  TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(QueryLanguagesTest, RussianNamesInEveryCase) {
  EXPECT_EQ(ids("Вышинский"), std::vector<std::string>{"ru/1"});
  EXPECT_EQ(ids("Вышинскому"), std::vector<std::string>{"ru/1"});
  EXPECT_EQ(ids("беседу"), std::vector<std::string>{"ru/1"});
}

TEST_F(QueryLanguagesTest, AlbanianFormsFindEachOther) {
  EXPECT_EQ(ids("Shqipëri"), std::vector<std::string>{"sq/1"});
  EXPECT_EQ(ids("Shqiperia"), std::vector<std::string>{"sq/1"});
  EXPECT_EQ(ids("Koreja"), (std::vector<std::string>{"sq/1", "sq/2"}));  // Korenë, Koresë (title)
  EXPECT_EQ(ids("partitë"), (std::vector<std::string>{"sq/1", "sq/2"}));
  EXPECT_EQ(ids("marrëdhënie"), std::vector<std::string>{"sq/2"});
  EXPECT_EQ(ids("komiteti"), std::vector<std::string>{"sq/1"});  // in the title only
}

TEST_F(QueryLanguagesTest, KoreanParticlesDoNotHideTheNoun) {
  EXPECT_EQ(ids("평양"), std::vector<std::string>{"ko/1"});
  EXPECT_EQ(ids("평양에는"), std::vector<std::string>{"ko/1"});
  EXPECT_EQ(ids("김일성동지의"), std::vector<std::string>{"ko/1"});
  EXPECT_EQ(ids("대표단과"), std::vector<std::string>{"ko/1"});
}

TEST_F(QueryLanguagesTest, EnglishStillStemsAndOtherLanguagesDoNotLeakIn) {
  EXPECT_EQ(ids("government"), std::vector<std::string>{"en/1"});
  EXPECT_EQ(ids("Railway"), std::vector<std::string>{"en/1"});
  EXPECT_EQ(ids("\"governments of Europe\""), std::vector<std::string>{"en/1"});
  EXPECT_TRUE(ids("Вышинский", "sq").empty());
  EXPECT_EQ(ids("Koreja", "sq"), (std::vector<std::string>{"sq/1", "sq/2"}));
}

TEST_F(QueryLanguagesTest, OperatorsKeepTheirMeaning) {
  EXPECT_EQ(ids("Shqipëri OR Вышинский"), (std::vector<std::string>{"ru/1", "sq/1"}));
  EXPECT_EQ(ids("Koreja NOT Shqipëri"), std::vector<std::string>{"sq/2"});
  EXPECT_EQ(lower_words("Shqipëri AND NOT Kore NEAR/3 Вышинский"), "shqipëri AND NOT kore NEAR/3 вышинский");
}

TEST_F(QueryLanguagesTest, HighlighterMarksFormsOfEachLanguage) {
  SearchQuery q;
  q.text = "Shqipëri";
  auto r = index_->search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(marked_html(r->highlighter.mark_all("e Shqipërisë")), "e <mark>Shqipërisë</mark>");
}

}  // namespace
}  // namespace arkiv::index
