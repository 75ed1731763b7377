// Archive::import: files -> importer -> validated records -> one catalog transaction per file
// -> search index. The index is committed in batches; a crash before an index commit is
// repaired from the catalog's change log at the next open.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "archive/archive.h"
#include "archive/isolated_parse.h"
#include "base/clock.h"
#include "base/digest.h"
#include "index/search_index.h"
#include "store/catalog.h"
#include "ingest/importer.h"

namespace arkiv::archive {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kIndexCommitEvery = 5000;  // records
constexpr double kIndexCommitSeconds = 2.0;        // so readers see imports within seconds


struct Input {
  std::string path;
  std::uint64_t size = 0;
  std::optional<Error> error;  // the path could not be listed
};

// Expands directories recursively (sorted, hidden entries skipped) into regular files.
std::vector<Input> collect(const std::vector<std::string>& paths) {
  std::vector<Input> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      out.push_back({p, 0, Error::not_found(p + ": no such file or directory")});
      continue;
    }
    if (fs::is_regular_file(st)) {
      out.push_back({p, static_cast<std::uint64_t>(fs::file_size(p, ec)), std::nullopt});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({p, 0, Error::unsupported(p + ": not a regular file or directory")});
      continue;
    }
    std::vector<Input> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back({it->path().string(), static_cast<std::uint64_t>(it->file_size()), std::nullopt});
    }
    if (ec) out.push_back({p, 0, Error::io(p + ": cannot list directory: " + ec.message())});
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

Result<std::string> read_file(const std::string& path, std::uint64_t max_bytes) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return Error::io(path + ": " + ec.message());
  if (size > max_bytes) {
    return Error::too_large(path + ": " + std::to_string(size) + " bytes, over the limit of " + std::to_string(max_bytes) + " bytes per file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(path + ": cannot open for reading");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uint64_t>(in.gcount()) != size) return Error::io(path + ": read failed");
  return bytes;
}

}  // namespace

Result<ImportReport> Archive::import(const std::vector<std::string>& paths, const ImportOptions& options) {
  if (mode_ != Mode::kWrite) return Error::internal("import needs the archive opened for writing");
  auto started = std::chrono::steady_clock::now();
  auto last_index_commit = started;
  static const ingest::ImporterRegistry builtin = ingest::ImporterRegistry::with_builtin_importers();
  const ingest::ImporterRegistry& registry = options.registry ? *options.registry : builtin;

  ImportReport report;
  report.dry_run = options.dry_run;
  std::vector<Input> inputs = collect(paths);
  ImportProgress progress;
  progress.files_total = inputs.size();
  for (const Input& in : inputs) progress.bytes_total += in.size;
  std::int64_t uncommitted = 0;

  for (const Input& input : inputs) {
    FileReport file;
    file.path = input.path;
    auto finish_file = [&]() {
      report.errors += static_cast<std::int64_t>(file.errors.size());
      report.warnings += static_cast<std::int64_t>(file.warnings.size());
      if (!file.errors.empty() && file.records.empty()) ++report.failed_files;
      progress.files_done++;
      progress.bytes_done += input.size;
      progress.records += file.records.size();
      report.files.push_back(std::move(file));
      if (options.progress) options.progress(progress);
    };
    if (input.error) {
      file.errors.push_back(*input.error);
      finish_file();
      continue;
    }
    auto bytes = read_file(input.path, options.max_file_bytes);
    if (!bytes) {
      file.errors.push_back(bytes.error());
      finish_file();
      continue;
    }
    report.bytes += bytes->size();
    ingest::SourceFile source{input.path, std::move(bytes).value()};
    auto importer = registry.pick(source);
    if (!importer) {
      file.errors.push_back(importer.error().within(input.path));
      finish_file();
      continue;
    }
    file.format = std::string((*importer)->format());
    ingest::ParseOutput parsed = (*importer)->isolate() && options.isolate_parsers
                                     ? parse_isolated(**importer, source, options.parse_timeout)
                                     : (*importer)->parse(source);
    for (const Error& e : parsed.errors) file.errors.push_back(e.within(input.path));
    for (const std::string& w : parsed.warnings) file.warnings.push_back(input.path + ": " + w);

    // The same id twice in one file is a mistake in the file: keep the first.
    std::set<std::string> seen;
    std::vector<const model::Document*> records;
    for (const model::Document& d : parsed.records) {
      if (!seen.insert(d.id).second) {
        file.errors.push_back(Error::invalid(input.path + ": record '" + d.id + "': the id appears more than once in this file"));
        continue;
      }
      records.push_back(&d);
    }

    if (options.dry_run) {
      for (const model::Document* d : records) {
        auto outcome = catalog_->compare(*d);
        if (!outcome) {
          file.errors.push_back(outcome.error().within(input.path));
          continue;
        }
        file.records.push_back({d->id, d->title, *outcome});
      }
    } else if (!records.empty()) {
      model::Provenance prov{fs::absolute(input.path).lexically_normal().string(), file.format, sha256_hex(source.bytes), now_utc()};
      if (Status s = catalog_->begin(); !s) return s.error();
      std::vector<RecordOutcome> outcomes;
      std::optional<Error> failure;
      for (const model::Document* d : records) {
        auto outcome = catalog_->put(*d, prov);
        if (!outcome) {
          failure = outcome.error();
          break;
        }
        outcomes.push_back({d->id, d->title, *outcome});
      }
      if (failure) {
        // A storage failure (disk full, I/O): nothing of this file is kept.
        catalog_->rollback();
        file.errors.push_back(failure->within(input.path));
        finish_file();
        return failure->within(input.path);
      }
      if (Status s = catalog_->commit(); !s) {
        file.errors.push_back(s.error().within(input.path));
        finish_file();
        return s.error().within(input.path);
      }
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        if (outcomes[i].outcome == store::PutOutcome::kUnchanged) continue;
        bool is_new = outcomes[i].outcome == store::PutOutcome::kCreated;
        if (Status s = index_->replace(*records[i], is_new); !s) return s.error();
        ++uncommitted;
      }
      file.records = std::move(outcomes);
    }
    for (const RecordOutcome& r : file.records) {
      if (r.outcome == store::PutOutcome::kCreated) ++report.created;
      else if (r.outcome == store::PutOutcome::kUpdated) ++report.updated;
      else ++report.unchanged;
    }
    finish_file();

    auto now = std::chrono::steady_clock::now();
    if (uncommitted >= kIndexCommitEvery ||
        (uncommitted > 0 && std::chrono::duration<double>(now - last_index_commit).count() >= kIndexCommitSeconds)) {
      if (Status s = commit_index(); !s) return s.error();
      uncommitted = 0;
      last_index_commit = now;
    }
  }
  if (!options.dry_run) {
    if (Status s = commit_index(); !s) return s.error();
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!options.dry_run) {
    auto similar_started = std::chrono::steady_clock::now();
    auto n = update_similar(options.similar_progress);
    if (!n) return n.error();
    report.similar_lists = *n;
    report.similar_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - similar_started).count();
  }
  return report;
}

}  // namespace arkiv::archive
