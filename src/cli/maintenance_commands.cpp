// `arkiv check`, `arkiv backup DEST`, `arkiv restore SRC` (docs/operations.md).
#include <iostream>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "cli/commands.h"

namespace arkiv::cli {

namespace {

int run_check(const GlobalOptions& g, bool json) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  auto r = (*a)->check();
  if (!r) return fail(r.error());
  if (json) {
    std::cout << nlohmann::json{{"ok", r->ok()}, {"records", r->records}, {"index_documents", r->index_documents}, {"problems", r->problems}, {"notes", r->notes}}.dump(2)
              << "\n";
  } else {
    for (const auto& p : r->problems) std::cout << "problem: " << p << "\n";
    for (const auto& n : r->notes) std::cout << "note: " << n << "\n";
    if (r->ok()) std::cout << "ok: " << r->records << " records; the catalog is sound and the index agrees with it\n";
  }
  if (r->ok()) return 0;
  return fail(Error::corrupt(std::to_string(r->problems.size()) + " problems found in " + g.data_dir));
}

int run_backup(const GlobalOptions& g, const std::string& dest) {
  auto n = archive::Archive::backup(g.data_dir, dest);
  if (!n) return fail(n.error());
  std::cout << "Backed up " << *n << " records to " << dest << " (checked)\n";
  return 0;
}

int run_restore(const GlobalOptions& g, const std::string& src, double wait_seconds) {
  auto wait = wait_seconds < 0 ? std::chrono::milliseconds::max() : std::chrono::milliseconds(static_cast<std::int64_t>(wait_seconds * 1000));
  auto n = archive::Archive::restore(src, g.data_dir, wait);
  if (!n) return fail(n.error());
  std::cout << "Restored " << *n << " records from " << src << " into " << g.data_dir << " (index rebuilt, checked)\n";
  return 0;
}

}  // namespace

Action add_check_command(CLI::App& app, const GlobalOptions& g) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("check", "Verify the catalog and the index against it; exit 5 on any disagreement");
  cmd->add_flag("--json", *json, "JSON output");
  return [&g, json] { return run_check(g, *json); };
}

Action add_backup_command(CLI::App& app, const GlobalOptions& g) {
  auto dest = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("backup", "Copy the archive consistently to a new folder, also while it is in use");
  cmd->add_option("dest", *dest, "A new or empty folder")->required();
  return [&g, dest] { return run_backup(g, *dest); };
}

Action add_restore_command(CLI::App& app, const GlobalOptions& g) {
  auto src = std::make_shared<std::string>();
  auto wait = std::make_shared<double>(0);
  CLI::App* cmd = app.add_subcommand("restore", "Replace the archive by a backup made with `arkiv backup`");
  cmd->add_option("src", *src, "The backup folder")->required();
  cmd->add_flag("--wait{-1}", *wait, "Wait for a running import to finish (--wait=SECONDS: at most that long)");
  return [&g, src, wait] { return run_restore(g, *src, *wait); };
}

}  // namespace arkiv::cli
