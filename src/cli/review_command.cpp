// `arkiv review dates`: the records whose date arkiv could not read, kept verbatim with unknown
// bounds, for a person to look at (docs/dates.md).
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "cli/commands.h"

namespace arkiv::cli {

namespace {

int run_review_dates(const GlobalOptions& g, bool json) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  auto rows = (*a)->dates_to_review();
  if (!rows) return fail(rows.error());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *rows) out.push_back({{"id", r.id}, {"title", r.title}, {"display", r.display}, {"problem", r.problem}});
    std::cout << nlohmann::json{{"dates_to_review", out}, {"count", rows->size()}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  for (const auto& r : *rows) std::cout << r.id << "\t" << r.display << "\t" << r.problem << "\n";
  std::cout << rows->size() << (rows->size() == 1 ? " date" : " dates") << " to review\n";
  return 0;
}

}  // namespace

Action add_review_command(CLI::App& app, const GlobalOptions& g) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("review", "Lists what needs a person's eye");
  CLI::App* dates = cmd->add_subcommand("dates", "Records whose date arkiv could not read (kept as written)");
  dates->add_flag("--json", *json, "JSON output");
  cmd->require_subcommand(1);
  return [&g, json] { return run_review_dates(g, *json); };
}

}  // namespace arkiv::cli
