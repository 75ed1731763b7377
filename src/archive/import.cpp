// Archive::import: the stages of archive/internal/import_stages.h, run file by file: collect ->
// read -> parse -> pick -> store (one catalog transaction per batch: a whole file, or up to
// 1,000 records of a stream) -> index. The index is committed in batches; a crash before an
// index commit is repaired from the catalog's change log at the next open.
#include <chrono>
#include <filesystem>

#include "archive/archive.h"
#include "archive/internal/import_stages.h"
#include "base/clock.h"
#include "index/search_index.h"
#include "model/lifecycle.h"
#include "store/catalog.h"

namespace arkiv::archive {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kIndexCommitEvery = 5000;  // records
constexpr double kIndexCommitSeconds = 2.0;        // so readers see imports within seconds

}  // namespace

Status Archive::index_changed(const std::vector<const model::Document*>& records, const std::vector<RecordOutcome>& outcomes,
                              IndexCadence& cadence) {
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].outcome == model::PutOutcome::kUnchanged) continue;
    if (Status s = index_->replace(*records[i], outcomes[i].outcome == model::PutOutcome::kCreated); !s) return s;
    ++cadence.uncommitted;
  }
  auto now = std::chrono::steady_clock::now();
  if (cadence.uncommitted >= kIndexCommitEvery ||
      (cadence.uncommitted > 0 && std::chrono::duration<double>(now - cadence.last_commit).count() >= kIndexCommitSeconds)) {
    if (Status s = commit_index(); !s) return s;
    cadence.uncommitted = 0;
    cadence.last_commit = now;
  }
  return Status::success();
}

Result<ImportReport> Archive::import(const std::vector<std::string>& paths, const ImportOptions& options) {
  if (mode_ != Mode::kWrite) return Error::internal("import needs the archive opened for writing");
  if (!options.publication.empty() && !model::parse_publication(options.publication)) {
    return Error::invalid("--state '" + options.publication + "': expected draft, review, published or withdrawn");
  }
  auto started = std::chrono::steady_clock::now();
  static const ingest::ImporterRegistry builtin = ingest::ImporterRegistry::with_builtin_importers();
  const ingest::ImporterRegistry& registry = options.registry ? *options.registry : builtin;
  internal::ReadOptions read_options{options.max_file_bytes, options.isolate_parsers, options.parse_timeout};

  ImportReport report;
  report.dry_run = options.dry_run;
  internal::CollectedInputs collected = internal::collect_inputs(paths);
  report.skipped = std::move(collected.skipped);
  ImportProgress progress;
  progress.files_total = collected.inputs.size();
  for (const auto& in : collected.inputs) progress.bytes_total += in.size;
  IndexCadence cadence{0, started};
  auto linker = internal::NameLinker::load(*catalog_);
  if (!linker) return linker.error();

  for (const internal::ImportInput& input : collected.inputs) {
    FileReport file;
    file.path = input.path;
    const std::uint64_t bytes_before = progress.bytes_done;
    auto finish_file = [&]() {
      report.errors += static_cast<std::int64_t>(file.errors.size());
      report.warnings += static_cast<std::int64_t>(file.warnings.size());
      if (!file.errors.empty() && file.records.empty()) ++report.failed_files;
      progress.files_done++;
      progress.bytes_done = bytes_before + input.size;
      for (const RecordOutcome& r : file.records) {
        if (r.outcome == model::PutOutcome::kCreated) ++report.created;
        else if (r.outcome == model::PutOutcome::kUpdated) ++report.updated;
        else ++report.unchanged;
      }
      report.files.push_back(std::move(file));
      if (options.progress) options.progress(progress);
    };
    if (input.error) {
      file.errors.push_back(*input.error);
      finish_file();
      continue;
    }
    auto source = internal::RecordSource::open(input, registry, read_options);
    if (!source) {
      file.errors.push_back(source.error());
      finish_file();
      continue;
    }
    report.bytes += input.size;
    file.format = (*source)->format();
    const std::string source_path = fs::absolute(input.path).lexically_normal().string();
    model::Provenance prov{source_path, file.format, (*source)->sha256(), now_utc()};
    std::set<std::string> seen;
    for (bool more = true; more;) {
      ingest::ParseOutput batch;
      more = (*source)->next(batch);
      std::vector<Error> errors = std::move(batch.errors);
      for (const std::string& w : batch.warnings) file.warnings.push_back(input.path + ": " + w);
      if (Status s = internal::apply_lifecycle(batch.records, options.publication, *catalog_); !s) {
        file.errors.push_back(s.error().within(input.path));
        finish_file();
        return s.error().within(input.path);
      }
      // Stage "link": names to authorities, collections to units (archive/internal/name_linker.h).
      internal::LinkPlan plan;
      std::vector<std::string> link_warnings;
      if (Status s = linker->link(batch, plan, link_warnings); !s) return s.error().within(input.path);
      for (const std::string& w : link_warnings) file.warnings.push_back(input.path + ": " + w);
      auto records = internal::pick_records(batch, source_path, options.replace, seen, *catalog_, errors, options.only_new);
      for (const Error& e : errors) file.errors.push_back(e.within(input.path));
      for (const model::Document* d : records) {
        // A date arkiv cannot read keeps its record; it is a warning, and `review dates` lists it.
        if (d->date.needs_review()) {
          file.warnings.push_back(input.path + ": record '" + d->id + "': date kept as written, bounds unknown: " + d->date.problem);
        }
      }
      if (options.dry_run) {
        std::vector<Error> compare_errors;
        for (RecordOutcome& r : internal::compare_records(records, *catalog_, compare_errors)) file.records.push_back(std::move(r));
        for (const Error& e : compare_errors) file.errors.push_back(e.within(input.path));
      } else {
        auto outcomes =
            internal::store_records(records, prov, store::SaveInfo{options.user, "imported from " + source_path, -1}, *catalog_, plan);
        forget_authority_names(plan);
        if (!outcomes) {
          // A storage failure (disk full, I/O): this batch is not kept, and the run stops.
          file.errors.push_back(outcomes.error().within(input.path));
          finish_file();
          return outcomes.error().within(input.path);
        }
        if (Status s = index_changed(records, *outcomes, cadence); !s) return s.error();
        for (RecordOutcome& r : *outcomes) file.records.push_back(std::move(r));
      }
      if (more && options.progress) {
        progress.bytes_done = bytes_before + (*source)->bytes_read();
        progress.records += file.records.size();
        options.progress(progress);
        progress.records -= file.records.size();
      }
    }
    progress.records += file.records.size();
    finish_file();
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
