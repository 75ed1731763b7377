#include "cli_runner.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace arkiv::testing {

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

CmdResult shell(const std::string& command) {
  FILE* p = popen(command.c_str(), "r");
  if (!p) return {-1, ""};
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

CmdResult run(const std::string& args, bool merge) { return shell(kBin + " " + args + (merge ? " 2>&1" : " 2>/dev/null")); }

}  // namespace arkiv::testing
