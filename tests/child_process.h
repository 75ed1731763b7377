// Child processes for the end-to-end tests: run the `arkiv` binary with input on stdin and
// collect its stdout, or start `arkiv serve` and read the port from its banner. Test-only.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace arkiv::test {

// Runs args[0] (a path) with `input` on stdin; stderr is discarded, stdout goes to `*out`
// when given. Returns the exit code (-1 when killed).
int run_process(const std::vector<std::string>& args, const std::string& input = "", std::string* out = nullptr);

struct ServerProcess {
  pid_t pid = -1;
  int port = 0;            // 0 when the banner did not come
  std::string banner;      // "Serving DIR at http://127.0.0.1:PORT\n"
};
// Starts `args` (an `arkiv ... serve --port 0 ...` command) with stderr to `log_path`, and
// waits for its banner line.
ServerProcess start_server(const std::vector<std::string>& args, const std::string& log_path);

}  // namespace arkiv::test
