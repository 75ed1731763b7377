// Issue 10 end to end, with the `arkiv` binary: backup during an import and beside a reader,
// restore, check, a full disk and a read-only data directory (tmpfs mounts the test makes;
// skipped with the reason when this process may not mount).
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "base/temp_dir.h"
#include "cli_runner.h"

namespace {

using arkiv::testing::CmdResult;
using arkiv::testing::kBin;
using arkiv::testing::quote;
using arkiv::testing::run;
using arkiv::testing::shell;

const std::string kFixtures = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures";

// `files` JSON Lines files of `per_file` records with about `text_bytes` of text each.
void make_corpus(const std::string& dir, int files, int per_file, std::size_t text_bytes, const std::string& tag = "") {
  std::filesystem::create_directories(dir);
  std::string filler;
  while (filler.size() < text_bytes) filler += "The delegation discussed railway credits and the currency question at length. ";
  for (int f = 0; f < files; ++f) {
    std::ofstream o(dir + "/part-" + std::to_string(1000 + f) + ".jsonl");
    for (int r = 0; r < per_file; ++r) {
      nlohmann::json d = {{"id", "dur/" + std::to_string(f) + "-" + std::to_string(r)},
                          {"title", "Durable record " + std::to_string(f) + "-" + std::to_string(r) + tag},
                          {"date", "1918"},
                          {"contents", {{{"kind", "original"}, {"language", "en"}, {"text", filler + " durable " + std::to_string(r)}}}}};
      o << d.dump() << "\n";
    }
  }
}

pid_t spawn(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int documents(const std::string& data) {
  auto j = nlohmann::json::parse(run("--data " + quote(data) + " stats --json").out, nullptr, false);
  return j.is_object() ? j.value("documents", 0) : 0;
}

// The record lines of an export (authority and unit lines come first and are left out).
std::set<std::string> lines(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (l.find("\"type\":\"authority\"") != std::string::npos || l.find("\"type\":\"unit\"") != std::string::npos) continue;
    out.insert(l);
  }
  return out;
}

TEST(Durability, BackupDuringAnImportAndBesideAReaderThenRestore) {
  arkiv::TempDir dir;
  const std::string data = dir.file("data"), in = dir.file("in"), backup = dir.file("backup");
  make_corpus(in, 60, 50, 3000);
  ASSERT_EQ(run("--data " + quote(data) + " import " + quote(kFixtures + "/multilingual.jsonl")).code, 0);
  // A reader that keeps the archive open and searching, and an import, both in other processes.
  pid_t reader = spawn({"/bin/sh", "-c", "while :; do " + kBin + " --data " + quote(data) + " search durable >/dev/null 2>&1; done"});
  pid_t importer = spawn({kBin, "--data", data, "import", in});
  while (documents(data) <= 4) std::this_thread::sleep_for(std::chrono::milliseconds(20));  // records arriving

  CmdResult b = run("--data " + quote(data) + " backup " + quote(backup), true);
  int status = 0;
  waitpid(importer, &status, 0);
  kill(reader, SIGKILL);
  waitpid(reader, nullptr, 0);
  ASSERT_EQ(b.code, 0) << b.out;
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  // The backup is a sound archive of its own: a consistent prefix of what was imported.
  CmdResult check = run("--data " + quote(backup) + " check", true);
  EXPECT_EQ(check.code, 0) << check.out;
  std::string backed_up = run("--data " + quote(backup) + " export").out;
  std::string live = run("--data " + quote(data) + " export").out;
  std::set<std::string> all = lines(live);
  std::set<std::string> copy = lines(backed_up);
  EXPECT_GT(copy.size(), 4u);
  for (const auto& l : copy) EXPECT_TRUE(all.count(l)) << "not a record of the archive: " << l.substr(0, 80);
  EXPECT_EQ(all.size(), 3004u);  // 60 x 50 and the four of multilingual.jsonl

  // Restore: the archive is the backup again, with an index rebuilt for it.
  CmdResult r = run("--data " + quote(data) + " restore " + quote(backup), true);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(run("--data " + quote(data) + " export").out, backed_up);
  check = run("--data " + quote(data) + " check --json", true);
  EXPECT_EQ(check.code, 0) << check.out;
  auto total = nlohmann::json::parse(run("--data " + quote(data) + " search --json durable").out)["total"].get<std::size_t>();
  EXPECT_EQ(total, copy.size() - 4);
  // The next import finishes what the backup missed.
  ASSERT_EQ(run("--data " + quote(data) + " import " + quote(in)).code, 0);
  EXPECT_EQ(run("--data " + quote(data) + " export").out, live);
  // A backup into a folder that is not empty is refused.
  EXPECT_EQ(run("--data " + quote(data) + " backup " + quote(backup)).code, 2);
}

TEST(Durability, CheckReportsEveryDisagreement) {
  arkiv::TempDir dir;
  const std::string data = dir.file("data");
  ASSERT_EQ(run("--data " + quote(data) + " import " + quote(kFixtures + "/multilingual.jsonl")).code, 0);
  CmdResult ok = run("--data " + quote(data) + " check", true);
  ASSERT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("ok: 4 records"), std::string::npos) << ok.out;
  // Break the catalog behind arkiv's back: a record vanishes without a change-log entry (the
  // index still has it), another's stored JSON no longer matches its digest.
  std::string db = quote(data + "/catalog.db");
  ASSERT_EQ(shell("sqlite3 " + db + " \"PRAGMA foreign_keys=ON; DELETE FROM documents WHERE id = 'test/ko-1'; "
                  "UPDATE documents SET record = replace(record, 'Pyongyang', 'Pjongjang') WHERE id = 'test/sq-1'\" 2>&1").code, 0);
  CmdResult bad = run("--data " + quote(data) + " check", true);
  EXPECT_EQ(bad.code, 5) << bad.out;
  EXPECT_NE(bad.out.find("problem: record 'test/ko-1': in the index, not in the catalog"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("problem: record 'test/sq-1': its digest does not match its stored JSON"), std::string::npos) << bad.out;
  // The record deleted behind arkiv's back also took its current revision with it (migration 7).
  EXPECT_NE(bad.out.find("problem: revisions: revision 1 of 'test/ko-1' has lost its record"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("3 problems found"), std::string::npos) << bad.out;
}

// A tmpfs of `size` mounted at `dir`, unmounted at the end; `skip` says why not when it cannot.
class Mount {
 public:
  Mount(const std::string& dir, const std::string& size) : dir_(dir) {
    std::filesystem::create_directories(dir);
    CmdResult m = shell("mount -t tmpfs -o size=" + size + " arkiv-test " + quote(dir) + " 2>&1");
    if (m.code != 0) skip = "cannot mount a tmpfs here (needs root and mount permission): " + m.out;
  }
  ~Mount() {
    if (skip.empty()) (void)shell("umount -l " + quote(dir_) + " 2>&1");
  }
  bool remount(const std::string& options) { return shell("mount -o remount," + options + " " + quote(dir_) + " 2>&1").code == 0; }
  std::string skip;

 private:
  std::string dir_;
};

TEST(Durability, AFullDiskFailsClearlyAndLeavesASoundArchive) {
  arkiv::TempDir dir;
  const std::string disk = dir.file("disk"), data = disk + "/data", in = dir.file("in");
  Mount mount(disk, "3m");
  if (!mount.skip.empty()) GTEST_SKIP() << mount.skip;
  make_corpus(in, 40, 50, 4000);  // about 8 MB of records: more than the disk holds
  CmdResult full = run("--data " + quote(data) + " import " + quote(in), true);
  EXPECT_EQ(full.code, 5) << full.out;
  EXPECT_TRUE(full.out.find("full") != std::string::npos || full.out.find("No space left") != std::string::npos) << full.out;
  EXPECT_EQ(full.out.find("internal error"), std::string::npos) << full.out;
  CmdResult check = run("--data " + quote(data) + " check", true);
  EXPECT_EQ(check.code, 0) << check.out;
  int stored = documents(data);
  EXPECT_LT(stored, 2000);
  // Room again: the same import completes and everything agrees.
  ASSERT_TRUE(mount.remount("size=200m"));
  CmdResult again = run("--data " + quote(data) + " import " + quote(in), true);
  EXPECT_EQ(again.code, 0) << again.out;
  EXPECT_EQ(documents(data), 2000);
  check = run("--data " + quote(data) + " check", true);
  EXPECT_EQ(check.code, 0) << check.out;
  EXPECT_NE(check.out.find("ok: 2000 records"), std::string::npos) << check.out;
}

TEST(Durability, AReadOnlyDataDirectoryGivesAClearError) {
  arkiv::TempDir dir;
  const std::string disk = dir.file("disk"), data = disk + "/data";
  Mount mount(disk, "20m");
  if (!mount.skip.empty()) GTEST_SKIP() << mount.skip;
  ASSERT_EQ(run("--data " + quote(data) + " import " + quote(kFixtures + "/multilingual.jsonl")).code, 0);
  ASSERT_TRUE(mount.remount("ro"));
  CmdResult imp = run("--data " + quote(data) + " import " + quote(kFixtures + "/wilson"), true);
  EXPECT_EQ(imp.code, 5) << imp.out;
  EXPECT_NE(imp.out.find("cannot write in the data directory " + data + ": Read-only file system"), std::string::npos) << imp.out;
  // A new data directory on it: the same kind of message.
  imp = run("--data " + quote(disk + "/new") + " import " + quote(kFixtures + "/wilson"), true);
  EXPECT_EQ(imp.code, 5) << imp.out;
  EXPECT_NE(imp.out.find("Read-only file system"), std::string::npos) << imp.out;
}

}  // namespace
