// The import's identity rules, folder filters, streams and stages (archive/internal/import_stages.h).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "archive/archive.h"
#include "archive/internal/import_stages.h"
#include "archive/writer_lock.h"
#include "base/temp_dir.h"

namespace arkiv::archive {
namespace {

namespace fs = std::filesystem;

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::unique_ptr<Archive> open_writer(const TempDir& dir) {
  auto a = Archive::open(dir.file("data"), Archive::Mode::kWrite);
  EXPECT_TRUE(a.ok()) << a.error().message();
  return a.ok() ? std::move(a).value() : nullptr;
}

std::string all_errors(const ImportReport& r) {
  std::string s;
  for (const auto& f : r.files) {
    for (const auto& e : f.errors) s += e.message() + "\n";
  }
  return s;
}

TEST(ImportIdentity, SameFileNameInTwoFoldersMakesTwoRecords) {
  // Issue 10: b/notes.md used to replace a/notes.md ("1 updated"): ids came from the name alone.
  TempDir dir;
  write(dir.file("in/a/notes.md"), "# Minutes of the Politburo meeting\n\nThe meeting opened at ten.\n");
  write(dir.file("in/b/notes.md"), "# Letter to the embassy\n\nWe write to inform you.\n");
  auto a = open_writer(dir);
  auto r = a->import({dir.file("in")}, {});
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->created, 2) << all_errors(*r);
  EXPECT_EQ(a->document("file/a/notes", Audience::kStaff)->title, "Minutes of the Politburo meeting");
  EXPECT_EQ(a->document("file/b/notes", Audience::kStaff)->title, "Letter to the embassy");
  // Re-importing a changed file updates its own record.
  write(dir.file("in/a/notes.md"), "# Minutes of the Politburo meeting\n\nThe meeting opened at eleven.\n");
  r = a->import({dir.file("in")}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->updated, 1);
  EXPECT_EQ(r->unchanged, 1);
}

TEST(ImportIdentity, ARecordFromAnotherSourceFileIsRefusedUnlessReplace) {
  TempDir dir;
  write(dir.file("a/notes.md"), "# Minutes of the Politburo meeting\n\nText one.\n");
  write(dir.file("b/notes.md"), "# Letter to the embassy\n\nText two.\n");
  auto a = open_writer(dir);
  ASSERT_EQ(a->import({dir.file("a/notes.md")}, {})->created, 1);  // a file given: its name is the path
  auto r = a->import({dir.file("b/notes.md")}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->updated, 0);
  EXPECT_EQ(r->errors, 1);
  std::string msg = all_errors(*r);
  EXPECT_NE(msg.find(dir.file("b/notes.md") + ": record 'file/notes': left out: it would replace the record of that id imported from " +
                     fs::absolute(dir.file("a/notes.md")).lexically_normal().string()),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("--replace"), std::string::npos);
  EXPECT_EQ(a->document("file/notes", Audience::kStaff)->title, "Minutes of the Politburo meeting");
  // A dry run says the same; --replace replaces.
  ImportOptions dry;
  dry.dry_run = true;
  EXPECT_EQ(a->import({dir.file("b/notes.md")}, dry)->errors, 1);
  ImportOptions replace;
  replace.replace = true;
  r = a->import({dir.file("b/notes.md")}, replace);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->updated, 1);
  EXPECT_EQ(a->document("file/notes", Audience::kStaff)->title, "Letter to the embassy");
  auto prov = a->provenance("file/notes");
  ASSERT_EQ(prov->size(), 2u);  // both sources stay on record
  // The same content from a copy of the file replaces nothing, so it is not refused.
  write(dir.file("c/notes.md"), "# Letter to the embassy\n\nText two.\n");
  r = a->import({dir.file("c/notes.md")}, {});
  EXPECT_EQ(r->unchanged, 1);
  EXPECT_EQ(r->errors, 0);
}

TEST(ImportCollect, FolderImportSkipsDefaultsAndArkivignoreAndSaysWhy) {
  TempDir dir;
  std::string in = dir.file("in");
  write(in + "/README.md", "# About this folder\n\nNot a document.\n");
  write(in + "/LICENSE", "Public domain.\n");
  write(in + "/.hidden.txt", "secret\n");
  write(in + "/.arkivignore", "# drafts are not sources\n*.bak\ndrafts/\n!keep.bak\n");
  write(in + "/one.txt", "One\n\nText.\n");
  write(in + "/old.bak", "Old\n\nText.\n");
  write(in + "/keep.bak", "Keep\n\nText.\n");
  write(in + "/drafts/d.txt", "Draft\n\nText.\n");
  write(in + "/sub/.arkivignore", "/local.txt\n");
  write(in + "/sub/local.txt", "Local\n\nText.\n");
  write(in + "/sub/deeper/local.txt", "Deeper\n\nText.\n");
  internal::CollectedInputs c = internal::collect_inputs({in});
  std::vector<std::string> files, skipped;
  for (const auto& i : c.inputs) files.push_back(i.relative);
  for (const auto& s : c.skipped) skipped.push_back(fs::path(s.path).lexically_relative(in).string() + " <- " + s.reason);
  EXPECT_EQ(files, (std::vector<std::string>{"keep.bak", "one.txt", "sub/deeper/local.txt"}));
  EXPECT_EQ(skipped, (std::vector<std::string>{".arkivignore <- default: .*", ".hidden.txt <- default: .*", "LICENSE <- default: LICENSE*",
                                               "README.md <- default: README*", "drafts <- .arkivignore line 3: drafts/",
                                               "old.bak <- .arkivignore line 2: *.bak", "sub/.arkivignore <- default: .*",
                                               "sub/local.txt <- sub/.arkivignore line 1: /local.txt"}));
  // A file named on the command line is always imported.
  c = internal::collect_inputs({in + "/README.md"});
  ASSERT_EQ(c.inputs.size(), 1u);
  EXPECT_EQ(c.inputs[0].relative, "README.md");
  // The report carries the list (the CLI prints it in --dry-run).
  TempDir data;
  auto a = open_writer(data);
  ImportOptions dry;
  dry.dry_run = true;
  auto r = a->import({in}, dry);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->skipped.size(), 8u);
  EXPECT_EQ(r->created, 3);
}

TEST(ImportCollect, TheDemoFolderNoLongerImportsItsReadme) {
  auto c = internal::collect_inputs({std::string(ARKIV_SOURCE_DIR) + "/demo"});
  for (const auto& i : c.inputs) EXPECT_EQ(i.relative.find("README"), std::string::npos) << i.path;
  EXPECT_TRUE(std::any_of(c.skipped.begin(), c.skipped.end(), [](const SkippedPath& s) { return s.path.ends_with("demo/README.md"); }));
}

TEST(ImportStreams, StreamsHaveNoFileLimitButWholeFormatsDo) {
  TempDir dir;
  std::string jsonl, text = "A long letter\n\n";
  for (int i = 0; i < 300; ++i) jsonl += R"({"id":"big/)" + std::to_string(i) + R"(","title":"Record )" + std::to_string(i) + "\"}\n";
  jsonl += R"({"id":"big/bad","title":1e999})" "\n";
  for (int i = 0; i < 300; ++i) text += "The delegation discussed the currency question. ";
  write(dir.file("big.jsonl"), jsonl);
  write(dir.file("big.txt"), text + "\n");
  auto a = open_writer(dir);
  ImportOptions small;
  small.max_file_bytes = 4096;  // both files are larger
  auto r = a->import({dir.file("big.jsonl"), dir.file("big.txt")}, small);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->created, 300);
  ASSERT_EQ(r->files.size(), 2u);
  ASSERT_EQ(r->files[0].errors.size(), 1u);
  EXPECT_NE(r->files[0].errors[0].message().find("line 301: invalid JSON (number overflow"), std::string::npos)
      << r->files[0].errors[0].message();
  ASSERT_EQ(r->files[1].errors.size(), 1u);
  EXPECT_NE(r->files[1].errors[0].message().find("over the limit of 4096 bytes per file for text files, which are parsed whole"),
            std::string::npos)
      << r->files[1].errors[0].message();
  auto prov = a->provenance("big/7");
  ASSERT_TRUE(prov.ok());
  EXPECT_EQ(prov->at(0).sha256.size(), 64u);
}

class SlowImporter : public ingest::Importer {
 public:
  explicit SlowImporter(std::string pid_file) : pid_file_(std::move(pid_file)) {}
  std::string_view format() const override { return "slow"; }
  int sniff(const ingest::SourceFile& f) const override { return f.bytes.starts_with("SLOW") ? 100 : 0; }
  bool isolate() const override { return true; }
  ingest::ParseOutput parse(const ingest::SourceFile&) const override {
    std::ofstream(pid_file_) << ::getpid();
    for (;;) ::pause();
  }

 private:
  std::string pid_file_;
};

bool process_gone(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return true;
  auto close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && (line[close + 2] == 'Z' || line[close + 2] == 'X');
}

TEST(ImportLocks, AParserChildDiesWithItsParentAndNeverHoldsTheLock) {
  // Issue 10: after `kill -9` of an import, the forked parser lived on and held the writer lock.
  TempDir dir;
  write(dir.file("slow.txt"), "SLOW file\n");
  std::string pid_file = dir.file("child.pid");
  pid_t importer = ::fork();
  ASSERT_GE(importer, 0);
  if (importer == 0) {
    auto registry = ingest::ImporterRegistry::with_builtin_importers();
    registry.add(std::make_unique<SlowImporter>(pid_file));
    auto a = Archive::open(dir.file("data"), Archive::Mode::kWrite);
    if (!a) ::_exit(2);
    ImportOptions o;
    o.registry = &registry;
    o.parse_timeout = std::chrono::hours(1);
    (void)(*a)->import({dir.file("slow.txt")}, o);
    ::_exit(0);
  }
  pid_t child = 0;
  while (child == 0) {  // until the parser child runs (no time limit: the test's own timeout)
    std::ifstream(pid_file) >> child;
    if (child == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_LT(try_lock_writer(dir.file("data")), 0);  // the import holds it
  ::kill(importer, SIGKILL);
  int status = 0;
  ::waitpid(importer, &status, 0);
  // The parent is gone: the lock is free at once, although the child may still be dying.
  int fd = try_lock_writer(dir.file("data"));
  EXPECT_GE(fd, 0) << "the parser child holds the writer lock";
  unlock_writer(fd);
  while (!process_gone(child)) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  SUCCEED();
}

TEST(ImportLocks, WaitForTheLockInsteadOfFailing) {
  TempDir dir;
  auto first = open_writer(dir);
  auto busy = Archive::open(dir.file("data"), Archive::Mode::kWrite, std::chrono::milliseconds(50));
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.error().code(), ErrorCode::kBusy);
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    first.reset();
  });
  auto waited = Archive::open(dir.file("data"), Archive::Mode::kWrite, std::chrono::milliseconds::max());
  release.join();
  EXPECT_TRUE(waited.ok()) << waited.error().message();
}

TEST(Repair, AnIndexFolderXapianCannotReadIsRebuiltFromTheCatalog) {
  // Found by scripts/killtest: a kill while the index was being created left a folder that
  // Xapian does not recognise, and every later open failed ("Couldn't detect type of database").
  TempDir dir;
  write(dir.file("in/a.md"), "# Minutes of the meeting\n\nThe meeting opened at ten.\n");
  {
    auto a = open_writer(dir);
    ASSERT_EQ(a->import({dir.file("in")}, {})->created, 1);
  }
  const std::string index = dir.file("data") + "/index";
  fs::remove_all(index);
  fs::create_directories(index);
  write(index + "/junk", "not a database");
  auto reader = Archive::open(dir.file("data"), Archive::Mode::kRead);
  ASSERT_TRUE(reader.ok()) << reader.error().message();
  auto hits = (*reader)->search([] {
    SearchQuery q;
    q.text = "meeting";
    return q;
  }());
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->total, 1);
  auto report = (*reader)->check();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problems.front();
  reader->reset();
  fs::remove_all(index);
  fs::create_directories(index);
  auto writer = Archive::open(dir.file("data"), Archive::Mode::kWrite);
  ASSERT_TRUE(writer.ok()) << writer.error().message();
  EXPECT_EQ((*writer)->stats()->index.index_documents, 1);
}

}  // namespace
}  // namespace arkiv::archive
