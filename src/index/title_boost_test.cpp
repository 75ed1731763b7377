// The title phrase boost (index/title_boost.h), through the whole index.
#include "index/internal/title_boost.h"

#include <gtest/gtest.h>

#include "base/temp_dir.h"
#include "index/search_index.h"

namespace arkiv::index {
namespace {

model::Document make(const std::string& id, const std::string& title, const std::string& text) {
  model::Document d;
  d.id = id;
  d.title = title;
  d.date = *model::parse_date("1918");
  d.original_languages = {"en"};
  d.contents.push_back({"original", "en", "", "", text, {}});
  return d;
}

TEST(TitleBoost, TheTitleTypedRanksItsRecordFirst) {
  TempDir dir;
  auto idx = SearchIndex::open_writable(dir.file("index"));
  ASSERT_TRUE(idx.ok());
  auto& index = **idx;
  // The words are in both titles and texts; only one title has them in the order typed.
  ASSERT_TRUE(index.replace(make("a", "Consul General at Moscow to the Ambassador in Russia",
                                 "The Ambassador in Russia wrote to the Consul General at Moscow. The Ambassador replied.")).ok());
  ASSERT_TRUE(index.replace(make("b", "The Ambassador in Russia to the Consul General at Moscow", "Telegram received.")).ok());
  ASSERT_TRUE(index.commit(1, "u").ok());
  SearchQuery q;
  q.text = "Ambassador in Russia to the Consul";
  auto r = index.search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->ids.size(), 2u);
  EXPECT_EQ(r->ids[0], "b");
}

TEST(TitleBoost, OnlyForPlainWords) {
  Xapian::QueryParser qp;
  EXPECT_FALSE(title_phrase(qp, "secretary of state").empty());
  EXPECT_TRUE(title_phrase(qp, "secretary").empty());
  EXPECT_TRUE(title_phrase(qp, "\"secretary of\" state").empty());
  EXPECT_TRUE(title_phrase(qp, "secretary OR state").empty());
  EXPECT_TRUE(title_phrase(qp, "place:moscow consul").empty());
  EXPECT_TRUE(title_phrase(qp, "consul -moscow").empty());
  EXPECT_EQ(title_phrase(qp, "consul general").get_description(), "Query((Sconsul@1 PHRASE 2 Sgeneral@2))");
}

}  // namespace
}  // namespace arkiv::index
