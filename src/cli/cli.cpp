#include "cli/cli.h"

#include <unistd.h>

#include <iostream>
#include <map>

#include "cli/commands.h"

namespace arkiv::cli {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }
bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

int exit_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return 2;
    case ErrorCode::kNotFound: return 3;
    case ErrorCode::kBusy: return 4;
    case ErrorCode::kUnsupported:
    case ErrorCode::kTooLarge: return 2;
    case ErrorCode::kCorrupt:
    case ErrorCode::kIo:
    case ErrorCode::kInternal: return 5;
  }
  return 1;
}

int fail(const Error& error) {
  std::cerr << "arkiv: " << error.message() << "\n";
  return exit_code(error.code());
}

int run(int argc, char** argv, const Services& services) {
  CLI::App app{"arkiv: a digital archive for historical primary sources"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "arkiv 0.1.0");
  GlobalOptions g;
  app.add_option("--data", g.data_dir, "Data directory (catalog and index)")->capture_default_str();
  std::map<CLI::App*, Action> actions;
  auto reg = [&](auto add) {
    std::size_t before = app.get_subcommands({}).size();
    Action a = add(app, g);
    actions[app.get_subcommands({}).at(before)] = std::move(a);
  };
  reg(add_import_command);
  reg(add_search_command);
  reg(add_show_command);
  reg(add_export_command);
  reg(add_reindex_command);
  reg(add_stats_command);
  reg([&services](CLI::App& a, const GlobalOptions& opts) { return add_serve_command(a, opts, services); });
  reg(add_review_command);
  reg(add_authority_command);
  reg(add_user_command);
  reg(add_audit_command);
  reg(add_check_command);
  reg(add_backup_command);
  reg(add_restore_command);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  for (auto& [sub, action] : actions) {
    if (sub->parsed()) return action();
  }
  return 2;
}

}  // namespace arkiv::cli
