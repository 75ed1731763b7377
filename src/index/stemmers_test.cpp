#include "index/internal/stemmers.h"

#include <gtest/gtest.h>

#include <thread>

namespace arkiv::index {
namespace {

TEST(Stemmers, StemByLanguageOrKeepTheWord) {
  EXPECT_EQ(stemmer_for("en")("governments"), "govern");
  EXPECT_EQ(stemmer_for("ru")("\u043f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u0430"),
            "\u043f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432");
  EXPECT_EQ(stemmer_for("ko")("\uc870\uc120"), "\uc870\uc120");  // no stemmer: the word itself
  EXPECT_TRUE(has_stemmer("en"));
  EXPECT_TRUE(has_stemmer("sq"));
  EXPECT_FALSE(has_stemmer("ko"));
  EXPECT_FALSE(has_stemmer(""));
  EXPECT_FALSE(has_stemmer("not a language"));
}

TEST(Stemmers, AlbanianIsArkivsOwn) {
  EXPECT_EQ(stemmer_for("sq")("shqiperise"), stemmer_for("sq")("shqiperi"));
  EXPECT_EQ(stemmer_for("sq")("korese"), stemmer_for("sq")("koreja"));
  EXPECT_EQ(stemmer_for("sq").get_description(), "Xapian::Stem(arkiv-albanian)");
}

TEST(Stemmers, EachThreadHasItsOwn) {
  const Xapian::StemImplementation* here = stemmer_for("en").internal.get();
  EXPECT_EQ(stemmer_for("en").internal.get(), here);  // kept within a thread
  const Xapian::StemImplementation* there = nullptr;
  std::thread([&] { there = stemmer_for("en").internal.get(); }).join();
  EXPECT_NE(there, nullptr);
  EXPECT_NE(there, here);
}

}  // namespace
}  // namespace arkiv::index
