#include "child_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <regex>

namespace arkiv::test {

namespace {

[[noreturn]] void exec(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}

}  // namespace

int run_process(const std::vector<std::string>& args, const std::string& input, std::string* out) {
  int in[2], from[2];
  if (pipe(in) != 0 || pipe(from) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(from[1], 1);
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 2);
    close(in[1]);
    close(from[0]);
    exec(args);
  }
  close(in[0]);
  close(from[1]);
  if (!input.empty()) (void)!write(in[1], input.data(), input.size());
  close(in[1]);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = read(from[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  close(from[0]);
  if (out) *out = std::move(text);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ServerProcess start_server(const std::vector<std::string>& args, const std::string& log_path) {
  ServerProcess s;
  int out[2];
  if (pipe(out) != 0) return s;
  s.pid = fork();
  if (s.pid == 0) {
    dup2(out[1], 1);
    int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, 2);
    close(out[0]);
    exec(args);
  }
  close(out[1]);
  FILE* f = fdopen(out[0], "r");
  char line[512] = {0};
  if (fgets(line, sizeof line, f) != nullptr) s.banner = line;
  fclose(f);
  std::smatch m;
  if (std::regex_search(s.banner, m, std::regex(R"(^Serving .* at http://127\.0\.0\.1:(\d+)\n$)"))) s.port = std::stoi(m[1]);
  return s;
}

}  // namespace arkiv::test
