// End-to-end tests of the `arkiv` binary: each test runs real commands in its own temporary
// data directory and checks exit codes and output.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/temp_dir.h"

namespace {

const std::string kBin = ARKIV_BINARY;
const std::string kFixtures = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures";
const std::string kSeed = kFixtures + "/wilson/albanian-korean-joint-declaration-1966.txt";

struct CmdResult {
  int code;
  std::string out;  // stdout and stderr together when `merge`
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

CmdResult run(const std::string& args, bool merge = false) {
  std::string cmd = kBin + " " + args + (merge ? " 2>&1" : " 2>/dev/null");
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

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
  bad = run(data() + "search x --from 19x6", true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("--from '19x6'"), std::string::npos) << bad.out;
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
  EXPECT_EQ(nlohmann::json::parse(run(data() + "search --json 평양").out)["total"], 1);
}

}  // namespace
