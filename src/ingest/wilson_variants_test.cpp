// The Wilson Center export in its variants (tests/fixtures/wilson-variants): each file is
// imported and its record compared, field by field, with the expected JSON beside it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "ingest/wilson_text_importer.h"
#include "model/record_json.h"

namespace arkiv::ingest {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every key of `expected` must be in `actual` with the same value; objects compare by their keys.
void expect_fields(const json& expected, const json& actual, const std::string& path) {
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    std::string field = path + "." + it.key();
    if (it.key() == "text_begins") {
      EXPECT_EQ(actual["text"].get<std::string>().rfind(it->get<std::string>(), 0), 0u) << field;
      continue;
    }
    if (it.key() == "text_ends") {
      std::string text = actual["text"].get<std::string>(), end = it->get<std::string>();
      EXPECT_TRUE(text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0) << field;
      continue;
    }
    ASSERT_TRUE(actual.contains(it.key())) << field << " missing";
    if (it->is_object()) {
      expect_fields(*it, actual[it.key()], field);
    } else {
      EXPECT_EQ(actual[it.key()], *it) << field;
    }
  }
}

std::vector<fs::path> variants() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/wilson-variants")) {
    if (e.path().extension() == ".txt") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(WilsonVariants, TheCorpusHasAtLeastTwelveVariants) { EXPECT_GE(variants().size(), 12u); }

TEST(WilsonVariants, EachRecordMatchesItsExpectedJsonFieldByField) {
  for (const fs::path& p : variants()) {
    SCOPED_TRACE(p.filename().string());
    fs::path expected_path = p;
    expected_path.replace_extension(".expected.json");
    ASSERT_TRUE(fs::exists(expected_path));
    json expected = json::parse(read(expected_path));
    ParseOutput out = WilsonTextImporter().parse({p.string(), read(p)});
    ASSERT_TRUE(out.errors.empty()) << out.errors[0].message();
    ASSERT_EQ(out.records.size(), 1u);
    json actual = model::to_json(out.records[0]);

    expect_fields(expected["record"], actual, "record");
    const json& contents = expected["contents"];
    ASSERT_EQ(actual["contents"].size(), contents.size());
    for (std::size_t i = 0; i < contents.size(); ++i) {
      expect_fields(contents[i], actual["contents"][i], "contents[" + std::to_string(i) + "]");
    }
    const json& gaps = expected["gaps"];
    ASSERT_EQ(actual["gaps"].size(), gaps.size());
    for (std::size_t i = 0; i < gaps.size(); ++i) expect_fields(gaps[i], actual["gaps"][i], "gaps[" + std::to_string(i) + "]");
    // Each gap is where it says it is.
    for (const model::Gap& g : out.records[0].gaps) {
      const std::string& text = out.records[0].contents.at(g.content).text;
      EXPECT_EQ(text.substr(arkiv::utf8_byte_offset(text, g.offset), g.text.size()), g.text);
    }
    const json& warnings = expected["warnings"];
    ASSERT_EQ(out.warnings.size(), warnings.size()) << (out.warnings.empty() ? "" : out.warnings[0]);
    for (std::size_t i = 0; i < warnings.size(); ++i) {
      EXPECT_NE(out.warnings[i].find(warnings[i].get<std::string>()), std::string::npos) << out.warnings[i];
    }
    // The record survives its own JSON: export -> import -> export is the same.
    auto again = model::from_json(actual);
    ASSERT_TRUE(again.ok()) << again.error().message();
    EXPECT_EQ(model::to_json_line(*again), model::to_json_line(out.records[0]));
  }
}

}  // namespace
}  // namespace arkiv::ingest
