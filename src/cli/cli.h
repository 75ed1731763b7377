// The command line: `arkiv [--data DIR] COMMAND ...`. Parses arguments with CLI11, runs the
// command against an Archive, prints results, and maps errors to exit codes in one place.
#pragma once

namespace arkiv::cli {

int run(int argc, char** argv);

}  // namespace arkiv::cli
