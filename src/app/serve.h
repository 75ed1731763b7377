// `arkiv serve`: the HTTP server (http/) answering with the archive's routes (app/routes.h).
#pragma once

#include "cli/cli.h"

namespace arkiv::app {

// Listens, prints the address, serves until SIGINT/SIGTERM. Returns the exit code.
int serve(const cli::ServeSettings& settings);

}  // namespace arkiv::app
