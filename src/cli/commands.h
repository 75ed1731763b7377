// The subcommands, each registered on the CLI11 app by its own function. Private to cli/.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/result.h"
#include "cli/cli.h"

namespace arkiv::cli {

struct GlobalOptions {
  std::string data_dir = "./arkiv-data";
};

// A registered command's action: returns the process exit code.
using Action = std::function<int()>;

Action add_import_command(CLI::App& app, const GlobalOptions& g);
Action add_search_command(CLI::App& app, const GlobalOptions& g);
Action add_show_command(CLI::App& app, const GlobalOptions& g);
Action add_export_command(CLI::App& app, const GlobalOptions& g);
Action add_reindex_command(CLI::App& app, const GlobalOptions& g);
Action add_stats_command(CLI::App& app, const GlobalOptions& g);
Action add_serve_command(CLI::App& app, const GlobalOptions& g, const Services& services);
Action add_review_command(CLI::App& app, const GlobalOptions& g);
Action add_authority_command(CLI::App& app, const GlobalOptions& g);
Action add_user_command(CLI::App& app, const GlobalOptions& g);
Action add_audit_command(CLI::App& app, const GlobalOptions& g);
Action add_check_command(CLI::App& app, const GlobalOptions& g);
Action add_backup_command(CLI::App& app, const GlobalOptions& g);
Action add_restore_command(CLI::App& app, const GlobalOptions& g);


// True when stderr is a terminal (progress bars, colour).
bool stderr_is_terminal();
// Warnings a command prints before "... and N more" (the review lists hold them all).
inline constexpr std::int64_t kWarningsShown = 50;
bool stdout_is_terminal();

}  // namespace arkiv::cli
