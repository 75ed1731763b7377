#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"

namespace arkiv::cli {

namespace {


struct ImportArgs {
  std::vector<std::string> paths;
  bool dry_run = false;
  bool json = false;
  bool verbose = false;
  bool replace = false;
  double wait_seconds = 0;  // --wait: -1 = without end
  std::string state;        // --state: publication state of the records it creates
};

nlohmann::json report_json(const archive::ImportReport& r) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : r.files) {
    nlohmann::json records = nlohmann::json::array();
    for (const auto& rec : f.records) records.push_back({{"id", rec.id}, {"title", rec.title}, {"outcome", model::outcome_name(rec.outcome)}});
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : f.errors) errors.push_back({{"code", error_code_name(e.code())}, {"message", e.message()}});
    files.push_back({{"path", f.path}, {"format", f.format}, {"records", records}, {"errors", errors},
                     {"warnings", f.warnings}});
  }
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& s : r.skipped) skipped.push_back({{"path", s.path}, {"reason", s.reason}});
  double secs = r.seconds > 0 ? r.seconds : 1e-9;
  std::int64_t records = r.created + r.updated + r.unchanged;
  return {{"dry_run", r.dry_run},        {"files", files},          {"skipped", skipped},
          {"created", r.created},        {"updated", r.updated},
          {"unchanged", r.unchanged},    {"errors", r.errors},          {"warnings", r.warnings},
          {"failed_files", r.failed_files}, {"bytes", r.bytes},
          {"seconds", r.seconds},        {"records_per_second", static_cast<double>(records) / secs},
          {"similar_lists", r.similar_lists}, {"similar_seconds", r.similar_seconds}};
}

int run_import(const GlobalOptions& g, const ImportArgs& args) {
  auto wait = args.wait_seconds < 0 ? std::chrono::milliseconds::max()
                                    : std::chrono::milliseconds(static_cast<std::int64_t>(args.wait_seconds * 1000));
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kWrite, wait);
  if (!a) return fail(a.error());
  ProgressBar bar("records", stderr_is_terminal() && !args.json);
  archive::ImportOptions options;
  options.dry_run = args.dry_run;
  options.replace = args.replace;
  options.publication = args.state;
  options.progress = [&](const archive::ImportProgress& p) {
    bar.update(p.bytes_done, p.bytes_total, p.records,
               "(" + std::to_string(p.files_done) + "/" + std::to_string(p.files_total) + " files)");
  };
  ProgressBar similar_bar("lists", stderr_is_terminal() && !args.json);
  options.similar_progress = phase_progress(similar_bar, &bar, "(more like this)");
  auto r = (*a)->import(args.paths, options);
  bar.finish();
  similar_bar.finish();
  if (!r) return fail(r.error());
  if (args.json) {
    std::cout << report_json(*r).dump(2) << "\n";
    return r->ok() ? 0 : 1;
  }
  // Every error is printed; warnings up to kWarningsShown unless --verbose (the review lists
  // and --json hold them all: a 100k import can warn about thousands of names).
  std::int64_t warnings_shown = 0;
  for (const auto& f : r->files) {
    if (args.dry_run || args.verbose) {
      for (const auto& rec : f.records) {
        std::cout << model::outcome_name(rec.outcome) << "\t" << rec.id << "\t" << rec.title << "\n";
      }
    }
    for (const auto& e : f.errors) std::cerr << "error: " << e.message() << "\n";
    for (const auto& w : f.warnings) {
      if (!args.verbose && warnings_shown >= kWarningsShown) break;
      std::cerr << "warning: " << w << "\n";
      ++warnings_shown;
    }
  }
  if (warnings_shown < r->warnings) {
    std::cerr << "warning: ... and " << (r->warnings - warnings_shown) << " more warnings (--verbose prints them all)\n";
  }
  if (args.dry_run || args.verbose) {
    for (const auto& s : r->skipped) std::cout << "skipped\t" << s.path << "\t" << s.reason << "\n";
  }
  double secs = r->seconds > 0 ? r->seconds : 1e-9;
  std::int64_t records = r->created + r->updated + r->unchanged;
  char rate[128];
  std::snprintf(rate, sizeof rate, "%.2f s, %.0f records/s, %.1f MB/s", r->seconds, static_cast<double>(records) / secs,
                static_cast<double>(r->bytes) / 1e6 / secs);
  std::cout << (args.dry_run ? "Dry run (nothing written): " : "Imported ") << r->files.size() << " files: " << r->created
            << " created, " << r->updated << " updated, " << r->unchanged << " unchanged, " << r->errors << " errors";
  if (!r->skipped.empty()) std::cout << ", " << r->skipped.size() << " paths skipped";
  std::cout << " (" << rate << ")\n";
  if (r->warnings > 0) {
    std::cout << r->warnings << " warnings: records kept as the source gives them, to be reviewed "
              << "(arkiv review dates, arkiv review languages, arkiv review names)\n";
  }
  if (r->similar_lists > 0) {
    std::snprintf(rate, sizeof rate, "%.2f s", r->similar_seconds);
    std::cout << "More like this: lists for " << r->similar_lists << " records (" << rate << ")\n";
  }
  return r->ok() ? 0 : 1;
}

}  // namespace

Action add_import_command(CLI::App& app, const GlobalOptions& g) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand("import", "Import files or directories (recursively)");
  cmd->add_option("paths", args->paths, "Files or directories")->required();
  cmd->add_flag("--dry-run", args->dry_run, "Validate and report per record, write nothing");
  cmd->add_option("--state", args->state,
                  "Publication state of the records it creates: published (default), draft, review or withdrawn; "
                  "records it updates keep theirs")
      ->check(CLI::IsMember({"published", "draft", "review", "withdrawn"}));
  cmd->add_flag("--json", args->json, "Print a machine-readable summary");
  cmd->add_flag("-v,--verbose", args->verbose, "List every record with its outcome");
  cmd->add_flag("--replace", args->replace,
                "Let a file replace records whose latest version came from another source file (refused otherwise)");
  cmd->add_flag("--wait{-1}", args->wait_seconds,
                "If another arkiv process is writing, wait for it (--wait=SECONDS: at most that long) instead of failing");
  return [&g, args] { return run_import(g, *args); };
}

}  // namespace arkiv::cli
