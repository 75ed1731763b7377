// fork() in a process with threads copies only the forking thread: a lock another thread held
// at that moment stays held in the child forever. glibc's malloc guards itself around fork,
// but other allocators do not (ASan's, in clang 14: a child parser forked while the index
// thread allocated hung in operator new, 9 times in 30 imports). A thread that works in the
// background holds its ForkGate while it works; fork() (pthread_atfork) waits until every
// registered gate is free, so the child starts with no lock held by a thread it lacks.
#pragma once

#include <mutex>

namespace arkiv {

class ForkGate {
 public:
  ForkGate();   // registered for every later fork() of this process
  ~ForkGate();  // unregistered
  ForkGate(const ForkGate&) = delete;
  ForkGate& operator=(const ForkGate&) = delete;

  // Held by the working thread while it may allocate or hold other locks; fork() waits for it.
  // A thread must not fork while it holds a gate (fork would wait for itself).
  void lock() { mu_.lock(); }
  void unlock() { mu_.unlock(); }

 private:
  friend struct ForkGateRegistry;
  std::mutex mu_;
};

}  // namespace arkiv
