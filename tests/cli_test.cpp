// End-to-end tests of the `arkiv` binary: each test runs real commands in its own temporary
// data directory and checks exit codes and output.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "base/temp_dir.h"
#include "cli_runner.h"
#include "hostile_queries.h"

namespace {

using arkiv::testing::CmdResult;
using arkiv::testing::kBin;
using arkiv::testing::quote;
using arkiv::testing::run;

const std::string kFixtures = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures";
const std::string kSeed = kFixtures + "/wilson/albanian-korean-joint-declaration-1966.txt";

class Cli : public ::testing::Test {
 protected:
  std::string data() const { return "--data " + quote(dir_.file("data")) + " "; }
  arkiv::TempDir dir_;
};

TEST_F(Cli, ImportShowAndSearchTheSeed) {
  CmdResult imp = run(data() + "import " + quote(kSeed));
  ASSERT_EQ(imp.code, 0) << imp.out;
  EXPECT_NE(imp.out.find("1 created"), std::string::npos) << imp.out;

  CmdResult show = run(data() + "show wcda/114408 --json");
  ASSERT_EQ(show.code, 0);
  auto j = nlohmann::json::parse(show.out);
  EXPECT_EQ(j["title"], "Albanian-Korean Joint Declaration");
  EXPECT_EQ(j["date"]["earliest"], "1966-01-01");
  EXPECT_EQ(j["citation"]["reference"], "AQPPSH, MPP Korese, V. 1966, D 9");
  EXPECT_EQ(j["original_languages"][0], "sq");
  EXPECT_EQ(j["document_state"], "draft");
  EXPECT_EQ(j["gaps"].size(), 7u);
  EXPECT_EQ(j["provenance"][0]["format"], "wilson-text");

  CmdResult text = run(data() + "show wcda/114408");
  EXPECT_NE(text.out.find("Reference:   AQPPSH, MPP Korese, V. 1966, D 9"), std::string::npos) << text.out;

  CmdResult search = run(data() + "search '\"as a result of its anti-imperialist\"' --json");
  ASSERT_EQ(search.code, 0);
  auto s = nlohmann::json::parse(search.out);
  EXPECT_EQ(s["total"], 1);
  EXPECT_EQ(s["hits"][0]["id"], "wcda/114408");
  EXPECT_NE(s["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_TRUE(s["facets"].contains("language"));

  EXPECT_EQ(run(data() + "show nope/1").code, 3);
}

TEST_F(Cli, MalformedFileAmongGoodOnesExitsOneAndKeepsTheGood) {
  CmdResult imp = run(data() + "import " + quote(kSeed) + " " + quote(kFixtures + "/broken") + " " + quote(kFixtures + "/multilingual.jsonl"), true);
  EXPECT_EQ(imp.code, 1) << imp.out;
  EXPECT_NE(imp.out.find("truncated.jsonl: line 2: invalid JSON"), std::string::npos) << imp.out;
  EXPECT_NE(imp.out.find("6 created"), std::string::npos) << imp.out;
  auto stats = nlohmann::json::parse(run(data() + "stats --json").out);
  EXPECT_EQ(stats["documents"], 6);
  EXPECT_TRUE(stats["index"]["in_sync"]);
}

// A big import's warnings do not flood the terminal: the first 50 are printed, then how many
// more; --verbose prints every one. All are counted in the summary.
TEST_F(Cli, ManyWarningsArePrintedUpToFiftyUnlessVerbose) {
  const std::string file = dir_.file("dates.jsonl");
  {
    std::ofstream out(file);
    for (int i = 0; i < 60; ++i) {
      out << R"({"id":"t/)" << i << R"(","title":"Undatable )" << i << R"(","date":"the )" << i
          << R"(th day of the rains","original_languages":["en"],"contents":[{"kind":"original","language":"en","text":"Text."}]})"
          << "\n";
    }
  }
  CmdResult imp = run(data() + "import " + quote(file), true);
  ASSERT_EQ(imp.code, 0) << imp.out;
  EXPECT_NE(imp.out.find("60 warnings"), std::string::npos) << imp.out;
  auto count = [](const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(imp.out, "bounds unknown"), 50u) << imp.out;
  EXPECT_NE(imp.out.find("... and 10 more warnings (--verbose prints them all)"), std::string::npos) << imp.out;
  EXPECT_NE(imp.out.find("arkiv review names"), std::string::npos) << imp.out;

  CmdResult again = run("--data " + quote(dir_.file("other")) + " import --verbose " + quote(file), true);
  ASSERT_EQ(again.code, 0) << again.out;
  EXPECT_EQ(count(again.out, "bounds unknown"), 60u) << again.out;
  EXPECT_EQ(again.out.find("more warnings"), std::string::npos) << again.out;
}

// Records arkiv cannot fully read are imported, said in the summary, and listed for review.
TEST_F(Cli, WarningsAreInTheSummaryAndLanguagesInTheReview) {
  const std::string v = kFixtures + "/wilson-variants/";
  CmdResult imp = run(data() + "import " + quote(v + "11-unknown-language-entry.txt") + " " + quote(v + "12-two-texts-one-entry.txt") + " " +
                          quote(kSeed),
                      true);
  EXPECT_EQ(imp.code, 0) << imp.out;
  EXPECT_NE(imp.out.find("3 created"), std::string::npos) << imp.out;
  EXPECT_NE(imp.out.find("3 warnings"), std::string::npos) << imp.out;
  EXPECT_NE(imp.out.find("warning: " + v + "11-unknown-language-entry.txt: record 'Record of a Meeting in Pyongyang': line 22: contents entry "
                         "'Transcript - Pyongyang dialect' names a language arkiv does not know"),
            std::string::npos)
      << imp.out;
  EXPECT_NE(imp.out.find("line 24: a text in Russian matches no contents entry"), std::string::npos) << imp.out;
  auto review = nlohmann::json::parse(run(data() + "review languages --json").out);
  ASSERT_EQ(review["records"], 1);
  EXPECT_EQ(review["findings"][0]["id"], "wcda/200011");
  EXPECT_EQ(review["findings"][0]["declared"], "Pyongyang dialect");
  EXPECT_EQ(review["findings"][0]["detected"], "ko");
  auto show = nlohmann::json::parse(run(data() + "show wcda/200012 --json").out);
  ASSERT_EQ(show["contents"].size(), 2u);
  EXPECT_EQ(show["contents"][1]["language"], "ru");
}

TEST_F(Cli, ExportRoundTripIsByteIdentical) {
  ASSERT_EQ(run(data() + "import " + quote(kSeed) + " " + quote(kFixtures + "/multilingual.jsonl")).code, 0);
  CmdResult first = run(data() + "export");
  ASSERT_EQ(first.code, 0);
  std::string file = dir_.file("export.jsonl");
  std::ofstream(file) << first.out;
  std::string other = "--data " + quote(dir_.file("other")) + " ";
  ASSERT_EQ(run(other + "import " + quote(file)).code, 0);
  CmdResult second = run(other + "export");
  EXPECT_EQ(first.out, second.out);
}

TEST_F(Cli, DryRunReportsPerRecordAndWritesNothing) {
  CmdResult dry = run(data() + "import --dry-run " + quote(kSeed));
  ASSERT_EQ(dry.code, 0) << dry.out;
  EXPECT_NE(dry.out.find("created\twcda/114408"), std::string::npos) << dry.out;
  EXPECT_EQ(run(data() + "show wcda/114408").code, 3);
  ASSERT_EQ(run(data() + "import " + quote(kSeed)).code, 0);
  CmdResult again = run(data() + "import --json " + quote(kSeed));
  auto j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["unchanged"], 1);
  EXPECT_EQ(j["created"], 0);
}

TEST_F(Cli, SearchOptionsAndTheirErrors) {
  ASSERT_EQ(run(data() + "import " + quote(kFixtures + "/multilingual.jsonl")).code, 0);
  auto j = nlohmann::json::parse(run(data() + "search --json --from 1918 --to 1918").out);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["hits"][0]["id"], "test/zh-1");
  j = nlohmann::json::parse(run(data() + "search --json --filter language=ko").out);
  EXPECT_EQ(j["total"], 1);
  j = nlohmann::json::parse(run(data() + "search --json --sort date --limit 2").out);
  EXPECT_EQ(j["hits"].size(), 2u);
  EXPECT_EQ(j["hits"][0]["id"], "test/zh-1");
  j = nlohmann::json::parse(run(data() + "search --json perbashket").out);
  EXPECT_EQ(j["hits"][0]["id"], "test/sq-1");
  CmdResult bad = run(data() + "search x --filter nonsense=1", true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("unknown field 'nonsense'"), std::string::npos) << bad.out;
  bad = run(data() + "search x --filter language=xx", true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("'xx' is not a language"), std::string::npos) << bad.out;
  bad = run(data() + "search x --from 19x6", true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("--from '19x6'"), std::string::npos) << bad.out;
}

// Issue 11, item 7: no query makes a search fail. Each gives results (exit 0, JSON that parses)
// or a clear message naming the problem (exit 2), never a storage or internal error (5) or a
// crash. The same list (tests/hostile_queries.h) goes to the pages and the API in tests/http_test.cpp.
TEST_F(Cli, HostileQueriesGiveResultsOrAClearMessage) {
  ASSERT_EQ(run(data() + "import " + quote(kFixtures + "/multilingual.jsonl")).code, 0);
  const std::vector<std::string> queries = arkiv::testing::hostile_queries();
  for (const std::string& q : queries) {
    const std::string shown = q.substr(0, 40);
    CmdResult r = run(data() + "search --json -- " + quote(q), true);
    ASSERT_TRUE(r.code == 0 || r.code == 2) << "exit " << r.code << " for '" << shown << "': " << r.out.substr(0, 300);
    if (r.code == 0) {
      auto j = nlohmann::json::parse(r.out, nullptr, false);
      EXPECT_FALSE(j.is_discarded()) << shown << ": " << r.out.substr(0, 300);
    } else {
      EXPECT_EQ(r.out.rfind("arkiv: ", 0), 0u) << shown << ": " << r.out.substr(0, 300);
      EXPECT_LT(r.out.size(), 400u) << "a message, not a dump: " << r.out.substr(0, 400);
    }
    CmdResult plain = run(data() + "search -- " + quote(q), true);
    EXPECT_TRUE(plain.code == 0 || plain.code == 2) << "exit " << plain.code << " for '" << shown << "'";
  }
  // What the query means is kept where it can be: words with stray syntax still find records.
  auto j = nlohmann::json::parse(run(data() + "search --json -- " + quote("\"pyongyang")).out);
  EXPECT_GE(j["total"].get<int>(), 1);
  j = nlohmann::json::parse(run(data() + "search --json -- " + quote("pyongyang AND")).out);
  EXPECT_GE(j["total"].get<int>(), 1);
  // A hit that matched only in a field says so and shows it (issue 11, item 4): "relations" is
  // in the collection of two records, in none of their texts.
  CmdResult where = run(data() + "search -- " + quote("relations"), true);
  EXPECT_EQ(where.code, 0);
  EXPECT_NE(where.out.find("test/sq-1"), std::string::npos) << where.out;
  EXPECT_NE(where.out.find("    matched in: collection: Albania-Korea Relations\n"), std::string::npos) << where.out;
  // Invalid UTF-8 is named as such.
  CmdResult bad = run(data() + "search -- " + quote("kor\xc3"), true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("UTF-8"), std::string::npos) << bad.out;
}

// An import killed with SIGKILL and started again finishes with no duplicates and nothing lost.
TEST_F(Cli, ImportKilledAndResumedLosesNothing) {
  const int kFiles = 80, kPerFile = 50;
  std::string in = dir_.file("in");
  std::filesystem::create_directories(in);
  std::string filler;
  for (int i = 0; i < 60; ++i) filler += "The delegation discussed railway credits and the currency question at length. ";
  for (int f = 0; f < kFiles; ++f) {
    std::ofstream o(in + "/part-" + std::to_string(1000 + f) + ".jsonl");
    for (int r = 0; r < kPerFile; ++r) {
      nlohmann::json d = {{"id", "kill/" + std::to_string(f) + "-" + std::to_string(r)},
                          {"title", "Resumable record " + std::to_string(r)},
                          {"date", "1918"},
                          {"contents", {{{"kind", "original"}, {"language", "en"}, {"text", filler + " resumable"}}}}};
      o << d.dump() << "\n";
    }
  }
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string data_dir = dir_.file("data");
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(kBin.c_str(), kBin.c_str(), "--data", data_dir.c_str(), "import", in.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until some files are committed (a reader sees records), then kill without warning.
  for (int i = 0; i < 400; ++i) {
    usleep(25000);
    CmdResult st = run(data() + "stats --json");
    auto j = nlohmann::json::parse(st.out, nullptr, false);
    if (st.code == 0 && j.is_object() && j.value("documents", 0) > 0) break;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it could be killed; make the input larger";

  CmdResult again = run(data() + "import --json " + quote(in));
  ASSERT_EQ(again.code, 0) << again.out;
  auto j = nlohmann::json::parse(again.out);
  EXPECT_GT(j["unchanged"].get<int>(), 0);  // committed before the kill
  EXPECT_GT(j["created"].get<int>(), 0);    // lost in flight, imported now
  EXPECT_EQ(j["unchanged"].get<int>() + j["created"].get<int>(), kFiles * kPerFile);
  auto stats = nlohmann::json::parse(run(data() + "stats --json").out);
  EXPECT_EQ(stats["documents"], kFiles * kPerFile);
  EXPECT_EQ(stats["index"]["documents"], kFiles * kPerFile);
  EXPECT_TRUE(stats["index"]["in_sync"]);
  EXPECT_EQ(nlohmann::json::parse(run(data() + "search --json resumable").out)["total"], kFiles * kPerFile);
}

TEST_F(Cli, ReindexAndNoArchiveYet) {
  CmdResult none = run(data() + "search x", true);
  EXPECT_EQ(none.code, 3);
  EXPECT_NE(none.out.find("no archive"), std::string::npos);
  ASSERT_EQ(run(data() + "import " + quote(kFixtures + "/multilingual.jsonl")).code, 0);
  CmdResult re = run(data() + "reindex");
  EXPECT_EQ(re.code, 0);
  EXPECT_NE(re.out.find("Reindexed 4 records"), std::string::npos);
  // 평양 in the Korean record's text; with name variants also the Albanian record's place Pyongyang.
  EXPECT_EQ(nlohmann::json::parse(run(data() + "search --json --no-variants 평양").out)["total"], 1);
  EXPECT_EQ(nlohmann::json::parse(run(data() + "search --json 평양").out)["total"], 2);
}

// Inflected words are found in every form, in the language of the text they are in
// (records written for this test, not the demo's).
TEST_F(Cli, SearchFindsInflectedFormsInEachLanguage) {
  const std::string path = dir_.file("inflected.jsonl");
  std::ofstream(path) << R"({"id":"t/ru","title":"Запись беседы с Вышинским","date":"1949","original_languages":["ru"],"contents":[{"kind":"original","language":"ru","text":"Товарищ Вышинского принял посла."}]})" "\n"
                      << R"({"id":"t/sq","title":"Raport","date":"1966","original_languages":["sq"],"contents":[{"kind":"original","language":"sq","text":"Qeveria e Shqipërisë dhe miqësia me popullin e Koresë."}]})" "\n"
                      << R"({"id":"t/ko","title":"보고서","date":"1966","original_languages":["ko"],"contents":[{"kind":"original","language":"ko","text":"대표단은 평양에서 김일성동지를 만났다."}]})" "\n"
                      << R"({"id":"t/en","title":"Railways","date":"1918","original_languages":["en"],"contents":[{"kind":"original","language":"en","text":"The railway to Korea."}]})" "\n";
  ASSERT_EQ(run(data() + "import " + quote(path)).code, 0);
  auto hits = [&](const std::string& query) {
    auto j = nlohmann::json::parse(run(data() + "search --json " + quote(query)).out);
    std::vector<std::string> ids;
    for (const auto& h : j["hits"]) ids.push_back(h["id"]);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(hits("Вышинский"), std::vector<std::string>{"t/ru"});
  EXPECT_EQ(hits("Shqipëri"), std::vector<std::string>{"t/sq"});
  EXPECT_EQ(hits("shqiperia qeverise"), std::vector<std::string>{"t/sq"});
  EXPECT_EQ(hits("Koreja"), std::vector<std::string>{"t/sq"});
  EXPECT_EQ(hits("평양에서는"), std::vector<std::string>{"t/ko"});
  EXPECT_EQ(hits("김일성동지께서"), std::vector<std::string>{"t/ko"});
  EXPECT_EQ(hits("railways Korea"), std::vector<std::string>{"t/en"});
  auto j = nlohmann::json::parse(run(data() + "search --json Shqipëri").out);
  EXPECT_NE(j["hits"][0]["snippet"].get<std::string>().find("<mark>Shqipërisë</mark>"), std::string::npos) << j.dump();
}

}  // namespace

namespace {

// One JSON Lines record per date form, as an archivist might type them (issue 11).
std::string dated_records(const std::vector<std::string>& dates) {
  std::string out;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    out += nlohmann::json{{"id", "dates/" + std::to_string(i)}, {"title", "Dated " + std::to_string(i)}, {"date", dates[i]}}.dump() + "\n";
  }
  return out;
}

}  // namespace

// No record is lost to its date: every form is stored; the ones arkiv cannot read are
// warnings (not errors), listed by `review dates`, and shown verbatim.
TEST_F(Cli, EveryDateFormKeepsItsRecord) {
  std::vector<std::string> dates = {
      "[undated]", "s.d.", "[n.d.]", "Spring 1966", "Winter 1966-1967", "1966?", "[1966?]", "early 1960s", "mid-1960s",
      "3-5 March 1966", "March 3-5, 1966", "between 1965 and 1967", "after 1966", "before 1966", "ca. 1966",
      "Washington, March 3, 1966, 10 p.m.", "1966~", "1966%", "196X", "19XX", "1966/1967", "1966-21", "../1966",
      "1966/..", "4.III.1966", "Moscow, May 9/22, 1918", "31 February 1966", "when the snows melted"};
  std::string file = dir_.file("dates.jsonl");
  std::ofstream(file) << dated_records(dates);
  CmdResult imp = run(data() + "import --json " + quote(file));
  ASSERT_EQ(imp.code, 0) << imp.out;
  auto j = nlohmann::json::parse(imp.out);
  EXPECT_EQ(j["created"], static_cast<int>(dates.size()));
  EXPECT_EQ(j["errors"], 0);
  EXPECT_EQ(j["warnings"], 2);
  ASSERT_EQ(j["files"][0]["warnings"].size(), 2u);
  EXPECT_NE(j["files"][0]["warnings"][0].get<std::string>().find("28 days"), std::string::npos) << j["files"][0]["warnings"];

  CmdResult review = run(data() + "review dates --json");
  ASSERT_EQ(review.code, 0) << review.out;
  auto r = nlohmann::json::parse(review.out);
  ASSERT_EQ(r["count"], 2);
  EXPECT_EQ(r["dates_to_review"][0]["id"], "dates/26");
  EXPECT_EQ(r["dates_to_review"][0]["display"], "31 February 1966");
  EXPECT_EQ(r["dates_to_review"][1]["display"], "when the snows melted");
  CmdResult text = run(data() + "review dates");
  EXPECT_NE(text.out.find("2 dates to review"), std::string::npos) << text.out;

  auto show = nlohmann::json::parse(run(data() + "show dates/15 --json").out);
  EXPECT_EQ(show["date"]["edtf"], "1966-03-03T22:00:00");
  EXPECT_EQ(show["date"]["precision"], "time");
  show = nlohmann::json::parse(run(data() + "show dates/14 --json").out);
  EXPECT_EQ(show["date"]["edtf"], "1966~");
  EXPECT_EQ(show["date"]["approximate"], true);
  show = nlohmann::json::parse(run(data() + "show dates/27 --json").out);
  EXPECT_EQ(show["date"]["display"], "when the snows melted");
  EXPECT_EQ(show["date"]["earliest"], "");
}

// Regression: a 70,000-character date crashed `arkiv import` by stack overflow. It is now one
// record's error naming the field and its size; the file's other records are stored.
TEST_F(Cli, HugeDateDisplayIsOneRecordsError) {
  std::string file = dir_.file("huge.jsonl");
  std::ofstream(file) << dated_records({"4 Mar" + std::string(70000, 'A') + "ch 1966", "4 March 1966"});
  CmdResult imp = run(data() + "import " + quote(file), true);
  EXPECT_EQ(imp.code, 1) << imp.out.substr(0, 2000);
  EXPECT_NE(imp.out.find("date: 70012 bytes"), std::string::npos) << imp.out.substr(0, 2000);
  EXPECT_NE(imp.out.find("1 created"), std::string::npos) << imp.out.substr(0, 2000);
  EXPECT_LT(imp.out.size(), 4000u);  // the message does not repeat the 70,000 characters
}
