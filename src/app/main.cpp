// arkiv's entry point: everything is wired in cli::run.
#include <exception>
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  try {
    return arkiv::cli::run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "arkiv: out of memory\n";
    return 5;
  } catch (const std::exception& e) {
    std::cerr << "arkiv: internal error: " << e.what() << "\n";
    return 5;
  }
}
