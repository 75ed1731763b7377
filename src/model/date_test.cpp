#include "model/date.h"

#include <gtest/gtest.h>

namespace arkiv::model {
namespace {

void expect_date(const char* text, const char* earliest, const char* latest, DatePrecision p) {
  auto d = parse_date(text);
  ASSERT_TRUE(d.ok()) << text << ": " << d.error().message();
  EXPECT_EQ(d->display, text);
  EXPECT_EQ(d->earliest, earliest) << text;
  EXPECT_EQ(d->latest, latest) << text;
  EXPECT_EQ(d->precision, p) << text;
}

TEST(Date, FormsArchivesUse) {
  expect_date("1966", "1966-01-01", "1966-12-31", DatePrecision::kYear);
  expect_date("March 1966", "1966-03-01", "1966-03-31", DatePrecision::kMonth);
  expect_date("4 March 1966", "1966-03-04", "1966-03-04", DatePrecision::kDay);
  expect_date("March 4, 1966", "1966-03-04", "1966-03-04", DatePrecision::kDay);
  expect_date("1966-03-04", "1966-03-04", "1966-03-04", DatePrecision::kDay);
  expect_date("1918-10-11T16:00:00", "1918-10-11", "1918-10-11", DatePrecision::kDay);
  expect_date("1966-02", "1966-02-01", "1966-02-28", DatePrecision::kMonth);
  expect_date("1968-02", "1968-02-01", "1968-02-29", DatePrecision::kMonth);
  expect_date("ca. 1966", "1964-01-01", "1968-12-31", DatePrecision::kCirca);
  expect_date("1960s", "1960-01-01", "1969-12-31", DatePrecision::kDecade);
  expect_date("1917-1918", "1917-01-01", "1918-12-31", DatePrecision::kRange);
  expect_date("[1966]", "1966-01-01", "1966-12-31", DatePrecision::kYear);
  expect_date("Sept. 1918", "1918-09-01", "1918-09-30", DatePrecision::kMonth);
}

TEST(Date, VeryLongDisplayIsAnErrorNotACrash) {
  // Found by fuzzing (tests/fuzz/date/crash-long-display-recursion): std::regex recursed per character.
  std::string display = "4 Mar" + std::string(70000, 'A') + "ch 1966";
  auto d = parse_date(display);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message().find("(70012 bytes)"), std::string::npos) << d.error().message();
  auto dots = parse_date("[date]" + std::string(70000, '.'));
  ASSERT_TRUE(dots.ok());
  EXPECT_FALSE(dots->known());
}

TEST(Date, UnknownForms) {
  for (const char* text : {"[date]", "", "undated", "n.d.", "[date]....."}) {
    auto d = parse_date(text);
    ASSERT_TRUE(d.ok()) << text;
    EXPECT_EQ(d->precision, DatePrecision::kUnknown) << text;
    EXPECT_FALSE(d->known());
  }
}

TEST(Date, ImpossibleDatesAreErrorsThatSayWhy) {
  auto d = parse_date("31 February 1966");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message().find("31 February 1966"), std::string::npos);
  EXPECT_NE(d.error().message().find("28 days"), std::string::npos);
  EXPECT_FALSE(parse_date("1966-13-01").ok());
  EXPECT_FALSE(parse_date("the day after").ok());
  EXPECT_FALSE(parse_date("1970-1960").ok());
}

TEST(Date, FromBounds) {
  auto d = date_from_bounds("Sept. 1917-Jan. 1918", "1917-09", "1918-01");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->earliest, "1917-09-01");
  EXPECT_EQ(d->latest, "1918-01-31");
  EXPECT_EQ(d->precision, DatePrecision::kRange);
  auto day = date_from_bounds("", "1918-10-11T16:00:00", "");
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->precision, DatePrecision::kDay);
  EXPECT_FALSE(date_from_bounds("", "1918", "1917").ok());
}

}  // namespace
}  // namespace arkiv::model
