// arkiv's entry point: the command line (cli::run) with the services wired here (the server).
#include <exception>
#include <iostream>

#include "app/serve.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  try {
    arkiv::cli::Services services;
    services.serve = arkiv::app::serve;
    return arkiv::cli::run(argc, argv, services);
  } catch (const std::bad_alloc&) {
    std::cerr << "arkiv: out of memory\n";
    return 5;
  } catch (const std::exception& e) {
    std::cerr << "arkiv: internal error: " << e.what() << "\n";
    return 5;
  }
}
