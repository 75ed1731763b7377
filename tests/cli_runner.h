// Runs the `arkiv` binary for end-to-end tests: one shell command, its exit code and output.
// Plain functions; thread-safe as popen is.
#pragma once

#include <string>

namespace arkiv::testing {

inline const std::string kBin = ARKIV_BINARY;

struct CmdResult {
  int code;
  std::string out;  // stdout, and stderr too when `merge`
};

// `s` in single quotes for the shell.
std::string quote(const std::string& s);
// Runs `arkiv ARGS` (ARGS already quoted as needed); stderr is dropped unless `merge`.
CmdResult run(const std::string& args, bool merge = false);
// Runs a whole shell command line.
CmdResult shell(const std::string& command);

}  // namespace arkiv::testing
