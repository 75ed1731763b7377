// End-to-end: names across spellings and scripts (issue 12) through `arkiv serve` and the CLI:
// the API's `variants` answer and `variants=off`, the results page's "Also searched for" line
// (escaped) and its switch, an archivist's extended table (`--name-variants`), and a malformed
// table refused with its line number.
#include <signal.h>
#include <sys/wait.h>

#include <cctype>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/temp_dir.h"
#include "child_process.h"
#include "cli_runner.h"
#include "http_client.h"

namespace arkiv::test {
namespace {

using nlohmann::json;

const std::string kSource = ARKIV_SOURCE_DIR;
const std::string kBinary = ARKIV_BINARY;

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

class NamesHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    data_ = dir_->file("data");
    std::ofstream records(dir_->file("names.jsonl"));
    auto record = [&](const std::string& id, const std::string& language, const std::string& text) {
      records << json{{"id", id}, {"title", "Report"}, {"date", "1960"}, {"original_languages", {language}},
                      {"contents", {{{"kind", "original"}, {"language", language}, {"text", text}}}}}
                     .dump()
              << "\n";
    };
    record("n/en", "en", "The delegation was received by Kim Il Sung at noon.");
    record("n/sq", "sq", "Delegacioni u prit nga shoku Kim Ir Sen.");
    record("n/ko", "ko", "대표단은 김일성 동지를 만났다.");
    record("n/zh", "zh", "代表团会见了金日成。");
    record("n/ru", "ru", "Тирана встретила гостей.");
    records.close();
    ASSERT_EQ(run_process({kBinary, "--data", data_, "import", dir_->file("names.jsonl")}), 0);
    // The archivist's table: the shipped one, and a form that tries to break out of HTML.
    std::ifstream shipped(kSource + "/data/name-variants.tsv");
    std::string table((std::istreambuf_iterator<char>(shipped)), {});
    ASSERT_FALSE(table.empty());
    std::ofstream(dir_->file("names.tsv")) << table << "person\tKim Il Sung\t<b>Kim</b> & \"Co\"\ten\n";
    ServerProcess server = start_server({kBinary, "--data", data_, "serve", "--port", "0", "--threads", "2", "--name-variants",
                                         dir_->file("names.tsv")},
                                        dir_->file("server.log"));
    pid_ = server.pid;
    ASSERT_NE(server.port, 0) << "the server printed no banner: " << server.banner;
    port_ = server.port;
  }

  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
  }

  json api(const std::string& target, int status = 200) {
    HttpResponse r = get(port_, target);
    EXPECT_EQ(r.status, status) << target << "\n" << r.body;
    return json::parse(r.body, nullptr, false);
  }

  static std::set<std::string> ids(const json& answer) {
    std::set<std::string> out;
    for (const auto& h : answer["hits"]) out.insert(h["id"].get<std::string>());
    return out;
  }

  std::unique_ptr<TempDir> dir_;
  std::string data_;
  pid_t pid_ = -1;
  int port_ = 0;
};

TEST_F(NamesHttpTest, TheApiSaysWhichVariantsItUsedAndCanTurnThemOff) {
  const std::string q = "/api/v1/search?q=" + percent_encode("Kim Il Sung");
  json on = api(q);
  EXPECT_EQ(ids(on), (std::set<std::string>{"n/en", "n/sq", "n/ko", "n/zh"}));
  EXPECT_EQ(on["variants_on"], true);
  ASSERT_EQ(on["variants"].size(), 1u);
  EXPECT_EQ(on["variants"][0]["matched"], "Kim Il Sung");
  std::vector<std::string> forms = on["variants"][0]["forms"].get<std::vector<std::string>>();
  for (const char* f : {"Kim Il-sung", "Kim Ir Sen", "김일성", "金日成", "<b>Kim</b> & \"Co\""}) {
    EXPECT_NE(std::find(forms.begin(), forms.end(), f), forms.end()) << f;
  }
  // Off: only the form typed; and the cache keeps the two apart, in either order.
  json off = api(q + "&variants=off");
  EXPECT_EQ(ids(off), (std::set<std::string>{"n/en"}));
  EXPECT_EQ(off["variants"], json::array());
  EXPECT_EQ(off["variants_on"], false);
  EXPECT_EQ(ids(api(q + "&variants=on")), ids(on));
  EXPECT_EQ(ids(api(q)), ids(on));
  json bad = api(q + "&variants=maybe", 400);
  EXPECT_TRUE(has(bad.dump(), "variants")) << bad.dump();
  // Another script and a transliteration: "Тирана" is indexed also as "tirana".
  EXPECT_EQ(ids(api("/api/v1/search?q=Tirana&variants=off")), (std::set<std::string>{"n/ru"}));
}

TEST_F(NamesHttpTest, TheResultsPageShowsTheVariantsEscapedWithASwitch) {
  HttpResponse on = get(port_, "/search?q=" + percent_encode("Kim Il Sung"));
  ASSERT_EQ(on.status, 200);
  EXPECT_TRUE(has(on.body, "Also searched for:")) << on.body;
  EXPECT_TRUE(has(on.body, "김일성"));
  EXPECT_TRUE(has(on.body, "&lt;b&gt;Kim&lt;/b&gt; &amp; &quot;Co&quot;")) << on.body;
  EXPECT_FALSE(has(on.body, "<b>Kim</b>"));
  EXPECT_TRUE(has(on.body, "variants=off")) << "a link to search the spelling typed only";
  EXPECT_TRUE(has(on.body, "name=\"variants\" value=\"off\">")) << "the checkbox, unchecked";
  HttpResponse off = get(port_, "/search?q=" + percent_encode("Kim Il Sung") + "&variants=off");
  ASSERT_EQ(off.status, 200);
  EXPECT_FALSE(has(off.body, "Also searched for:"));
  EXPECT_TRUE(has(off.body, "Searched for the spelling typed only"));
  EXPECT_TRUE(has(off.body, "name=\"variants\" value=\"off\" checked>"));
  EXPECT_TRUE(has(off.body, "1 document")) << off.body;
}

TEST_F(NamesHttpTest, TheCliTurnsVariantsOffAndRefusesAMalformedTable) {
  using arkiv::testing::quote;
  auto on = arkiv::testing::run("--data " + quote(data_) + " search --json " + quote("김일성"));
  ASSERT_EQ(on.code, 0) << on.out;
  EXPECT_EQ(json::parse(on.out)["total"], 4);
  auto off = arkiv::testing::run("--data " + quote(data_) + " search --json --no-variants " + quote("김일성"));
  ASSERT_EQ(off.code, 0) << off.out;
  EXPECT_EQ(json::parse(off.out)["total"], 1);
  auto text = arkiv::testing::run("--data " + quote(data_) + " search " + quote("Kim Ir Sen"));
  EXPECT_TRUE(has(text.out, "Also searched for: ")) << text.out;
  std::ofstream(dir_->file("bad.tsv")) << "# names\nperson\tKim Il Sung\tKim Ir Sen\tsq\nperson\tKim Il Sung\tKim Il-sung\n";
  auto bad = arkiv::testing::run("--data " + quote(data_) + " search --name-variants " + quote(dir_->file("bad.tsv")) + " Kim", true);
  EXPECT_NE(bad.code, 0);
  EXPECT_TRUE(has(bad.out, "bad.tsv line 3: 3 columns: expected 4 or 5 tab-separated columns")) << bad.out;
  auto serve = arkiv::testing::run("--data " + quote(data_) + " serve --port 0 --name-variants " + quote(dir_->file("bad.tsv")), true);
  EXPECT_NE(serve.code, 0);
  EXPECT_TRUE(has(serve.out, "bad.tsv line 3:")) << serve.out;
}

}  // namespace
}  // namespace arkiv::test
