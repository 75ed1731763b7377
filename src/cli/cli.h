// The command line: `arkiv [--data DIR] COMMAND ...`. Parses arguments with CLI11, runs the
// command against an Archive, prints results, and maps errors to exit codes in one place.
// Services that live above the CLI (the HTTP server, wired in app/) are handed in by main().
#pragma once

#include <functional>
#include <string>

#include "base/result.h"
#include "model/name_variants.h"

namespace arkiv::cli {

struct ServeSettings {
  std::string data_dir;
  std::string host;
  int port = 8080;
  int threads = 2;
  // The public address ("https://archive.example.org", checked, no trailing '/'); empty:
  // "http://HOST:PORT" of the listening socket.
  std::string base_url;
  // How long a search may count its matches before answering without the exact count; < 0:
  // the archive's default (archive::kCountBudgetSeconds), 0: no budget.
  double count_budget_seconds = -1;
  // `--name-variants FILE`: an archivist's variant table, read before serving; null: the table
  // shipped with arkiv (model::shipped_name_variants).
  std::string name_variants_path;
  std::shared_ptr<const model::NameVariants> name_variants;
};

struct Services {
  // Runs the server until it is stopped; returns the exit code.
  std::function<int(const ServeSettings&)> serve;
};

int run(int argc, char** argv, const Services& services);

// The one mapping from error codes to exit codes; prints "arkiv: <message>" to stderr.
int fail(const Error& error);
int exit_code(ErrorCode code);


}  // namespace arkiv::cli
