// Login cost: how long one argon2id password hash takes at several work factors, to choose
// base/secrets.h's kPasswordCost (aim: 0.1-0.3 s per sign-in on the project machine), and a
// whole sign-in (auth::Accounts::login: verify, new session, audit row) at the chosen cost.
// The peer, measured in the same run, is libsodium's own "interactive" preset.
//   build/bench/password_cost [--runs 7]
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "auth/accounts.h"
#include "base/secrets.h"
#include "base/temp_dir.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
  double wall_ms = 0;  // what a user waits, on this machine as loaded now
  double cpu_ms = 0;   // the process's CPU time: what it costs on an idle core
};

// Medians of wall-clock and CPU time. On a shared machine the wall time grows with the load;
// the CPU time much less, so both are reported (with the load average).
template <typename F>
Timing median(int runs, F&& f) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    std::clock_t c0 = std::clock();
    f();
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"argon2id cost per password hash and per sign-in"};
  int runs = 7;
  app.add_option("--runs", runs, "Runs per setting (median reported)")->check(CLI::Range(1, 1000));
  CLI11_PARSE(app, argc, argv);
  if (sodium_init() < 0) return 1;

  struct Setting {
    const char* name;
    arkiv::PasswordCost cost;
  };
  const Setting settings[] = {
      {"libsodium interactive (peer)", {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE}},
      {"t=1 m=64MiB", {1, 64u << 20}},
      {"t=2 m=128MiB", {2, 128u << 20}},
      {"t=3 m=64MiB", {3, 64u << 20}},
      {"t=4 m=64MiB", {4, 64u << 20}},
      {"t=3 m=128MiB", {3, 128u << 20}},
      {"libsodium moderate", {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}},
  };
  std::string load;
  std::getline(std::ifstream("/proc/loadavg"), load);
  std::printf("load average at start: %s\n\n", load.c_str());
  double peer = 0;
  std::printf("| setting | passes | memory | CPU ms (median) | wall ms (median) | CPU vs peer |\n|---|---|---|---|---|---|\n");
  for (const Setting& s : settings) {
    Timing t = median(runs, [&] { (void)arkiv::hash_password("correct horse battery staple", s.cost); });
    if (peer == 0) peer = t.cpu_ms;
    bool chosen = s.cost.ops == arkiv::kPasswordCost.ops && s.cost.mem_bytes == arkiv::kPasswordCost.mem_bytes;
    std::printf("| %s%s | %llu | %zu MiB | %.0f | %.0f | %.2f |\n", s.name, chosen ? " **(chosen)**" : "",
                static_cast<unsigned long long>(s.cost.ops), s.cost.mem_bytes >> 20, t.cpu_ms, t.wall_ms, t.cpu_ms / peer);
  }

  arkiv::TempDir dir;
  auto accounts = arkiv::auth::Accounts::open(dir.file("data"));
  if (!accounts) {
    std::fprintf(stderr, "%s\n", accounts.error().message().c_str());
    return 1;
  }
  if (!(*accounts)->add_user("bench", arkiv::auth::Role::kEditor, "correct horse battery staple", {"bench", ""})) return 1;
  Timing login = median(runs, [&] { (void)(*accounts)->login("bench", "correct horse battery staple", "127.0.0.1", ""); });
  int n = 0;  // a new unknown name each time, so the throttle never answers instead
  Timing unknown = median(runs, [&] { (void)(*accounts)->login("nobody" + std::to_string(n++), "wrong horse battery staple", "127.0.0.1", ""); });
  std::printf("\nsign-in at the chosen cost (Accounts::login): right password %.0f ms CPU, %.0f ms wall; "
              "unknown name %.0f ms CPU, %.0f ms wall\n", login.cpu_ms, login.wall_ms, unknown.cpu_ms, unknown.wall_ms);
  std::getline(std::ifstream("/proc/loadavg"), load);
  std::printf("load average at end: %s\n", load.c_str());
  return 0;
}
