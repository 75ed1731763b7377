// The stages of Archive::import, each testable on its own:
//   collect (paths -> files, honouring .arkivignore) -> read (open a file, pick its importer by
//   content) -> parse (a stream of batches, or the whole file, maybe in a child process) ->
//   pick (leave out ids doubled in the file and records of another source file) -> store (one
//   catalog transaction per batch) -> index (archive/import.cpp, with the commit cadence).
// Private to archive/. Plain functions and one single-threaded reader class.
#pragma once

#include <chrono>
#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "archive/internal/name_linker.h"
#include "base/result.h"
#include "ingest/importer.h"
#include "store/catalog.h"

namespace arkiv::archive::internal {

// --- collect ---------------------------------------------------------------------------------

struct ImportInput {
  std::string path;      // the argument, or the argument's folder joined with `relative`
  std::string relative;  // relative to the folder given ('/'-separated); a file given: its name
  std::uint64_t size = 0;
  std::optional<Error> error;  // the path could not be listed or read
};

struct CollectedInputs {
  std::vector<ImportInput> inputs;    // folders' files in name order, after the files given
  std::vector<SkippedPath> skipped;   // by .arkivignore or the defaults
};

// Files given are taken as they are; folders are walked (symbolic links to folders are not
// followed) and their files filtered by IgnoreRules (archive/ignore_rules.h).
CollectedInputs collect_inputs(const std::vector<std::string>& paths);

// --- read and parse --------------------------------------------------------------------------

struct ReadOptions {
  std::uint64_t max_file_bytes = 256ull << 20;  // formats parsed whole
  bool isolate_parsers = true;
  std::chrono::milliseconds parse_timeout{60000};
  std::size_t batch_records = 1000;  // streams: records per batch (one transaction each)
};

// One file as batches of parsed records: formats with a stream (JSON Lines, CSV) batch by
// batch from the file, others in one batch parsed from the whole file.
class RecordSource {
 public:
  // Picks the importer from the file's first 64 KiB; errors say why the file cannot be read.
  static Result<std::unique_ptr<RecordSource>> open(const ImportInput& input, const ingest::ImporterRegistry& registry,
                                                    const ReadOptions& options);
  const std::string& format() const { return format_; }
  const std::string& sha256() const { return sha256_; }  // of the whole file
  bool streamed() const { return stream_ != nullptr; }
  // The next batch; false when the file has no more (the last batch may still hold records).
  bool next(ingest::ParseOutput& batch);
  std::uint64_t bytes_read();  // how far into the file the batches have come

 private:
  RecordSource() = default;
  ReadOptions options_;
  std::string format_, sha256_;
  std::ifstream in_;
  std::unique_ptr<ingest::RecordStream> stream_;
  std::optional<ingest::ParseOutput> whole_;  // formats parsed whole: the one batch
  std::uint64_t size_ = 0;
};

// --- pick and store --------------------------------------------------------------------------

// The records of `batch` to store: records whose id appeared before in the same file
// (`seen_in_file`) are left out, and so, unless `replace`, are records that would change a
// stored record whose latest version came from another source file. Each reason is an error.
std::vector<const model::Document*> pick_records(const ingest::ParseOutput& batch, const std::string& source_path, bool replace,
                                                 std::set<std::string>& seen_in_file, const store::Catalog& catalog,
                                                 std::vector<Error>& errors, bool only_new = false);

// The lifecycle of parsed records (model/lifecycle.h): a record the catalog already has keeps
// its stored publication state, embargo and staff notes unless the source sets them; a new one
// gets `publication` (ImportOptions::publication) unless the source sets its own.
Status apply_lifecycle(std::vector<model::Document>& records, const std::string& publication, const store::Catalog& catalog);

// What storing `records` would do, writing nothing (--dry-run).
std::vector<RecordOutcome> compare_records(const std::vector<const model::Document*>& records, const store::Catalog& catalog,
                                           std::vector<Error>& errors);
// Stores `records` in one catalog transaction: all of them or, on a storage error, none.
Result<std::vector<RecordOutcome>> store_records(const std::vector<const model::Document*>& records, const model::Provenance& provenance,
                                                 const store::SaveInfo& save, store::Catalog& catalog, const LinkPlan& plan = {});

}  // namespace arkiv::archive::internal
