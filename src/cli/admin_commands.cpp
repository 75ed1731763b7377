#include <iostream>

#include "api/json_views.h"
#include "archive/archive.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "text/language.h"

namespace arkiv::cli {

namespace {

int run_reindex(const GlobalOptions& g) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kWrite);
  if (!a) return fail(a.error());
  ProgressBar bar("records", stderr_is_terminal());
  ProgressBar similar_bar("lists", stderr_is_terminal());
  auto n = (*a)->reindex(phase_progress(bar), phase_progress(similar_bar, &bar, "(more like this)"));
  bar.finish();
  similar_bar.finish();
  if (!n) return fail(n.error());
  std::cout << "Reindexed " << *n << " records\n";
  return 0;
}

int run_stats(const GlobalOptions& g, bool json) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  auto st = (*a)->stats();
  if (!st) return fail(st.error());
  if (json) {
    std::cout << api::stats_json(*st).dump(2) << "\n";
    return 0;
  }
  std::cout << "Records: " << st->catalog.documents << "\n";
  std::cout << "Original languages:\n";
  for (const auto& [code, n] : st->catalog.original_languages) std::cout << "  " << code << "  " << text::language_name(code) << ": " << n << "\n";
  std::cout << "Languages of the texts:\n";
  for (const auto& [code, n] : st->catalog.content_languages) std::cout << "  " << code << "  " << text::language_name(code) << ": " << n << "\n";
  std::cout << "Index: " << st->index.index_documents << " records, change " << st->index.applied_seq << " of "
            << st->index.catalog_seq << (st->index.in_sync() ? " (in sync)" : " (behind the catalog; repaired at the next write)") << "\n";
  return 0;
}

}  // namespace

Action add_reindex_command(CLI::App& app, const GlobalOptions& g) {
  app.add_subcommand("reindex", "Rebuild the search index from the catalog");
  return [&g] { return run_reindex(g); };
}

Action add_stats_command(CLI::App& app, const GlobalOptions& g) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("stats", "Record count, languages and index status");
  cmd->add_flag("--json", *json, "JSON output");
  return [&g, json] { return run_stats(g, *json); };
}

}  // namespace arkiv::cli
