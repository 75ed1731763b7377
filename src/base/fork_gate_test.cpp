#include "base/fork_gate.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace arkiv {
namespace {

// A fork waits for a thread that holds its gate: the child sees the work that thread finished
// before it let go, never a state in the middle of it.
TEST(ForkGate, ForkWaitsForTheThreadThatHoldsItsGate) {
  ForkGate gate;
  std::atomic<bool> holding{false}, done{false};
  std::thread worker([&] {
    std::lock_guard<ForkGate> hold(gate);
    holding = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    done = true;
  });
  while (!holding) std::this_thread::yield();
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(done ? 0 : 1);
  ASSERT_GT(pid, 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  worker.join();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the child was forked while the worker held its gate";
}

// Gates come and go; a fork with none registered, or after one is gone, does not wait.
TEST(ForkGate, AGateThatIsGoneIsNotWaitedFor) {
  { ForkGate gone; }
  ForkGate idle;
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ASSERT_GT(pid, 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace arkiv
