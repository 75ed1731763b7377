#include "base/fork_gate.h"

#include <pthread.h>

#include <algorithm>
#include <vector>

namespace arkiv {

struct ForkGateRegistry {
  std::mutex mu;
  std::vector<ForkGate*> gates;

  static ForkGateRegistry& get() {
    static ForkGateRegistry* r = [] {
      auto* registry = new ForkGateRegistry;  // never destroyed: fork handlers may run at exit
      ::pthread_atfork(&prepare, &release, &release);
      return registry;
    }();
    return *r;
  }
  // In the forking thread, before fork(): the registry, then every gate (a working thread
  // finishes its job first). After fork(), in parent and child alike: all released.
  static void prepare() {
    ForkGateRegistry& r = get();
    r.mu.lock();
    for (ForkGate* g : r.gates) g->mu_.lock();
  }
  static void release() {
    ForkGateRegistry& r = get();
    for (ForkGate* g : r.gates) g->mu_.unlock();
    r.mu.unlock();
  }
};

ForkGate::ForkGate() {
  ForkGateRegistry& r = ForkGateRegistry::get();
  std::lock_guard<std::mutex> lock(r.mu);
  r.gates.push_back(this);
}

ForkGate::~ForkGate() {
  ForkGateRegistry& r = ForkGateRegistry::get();
  std::lock_guard<std::mutex> lock(r.mu);
  r.gates.erase(std::remove(r.gates.begin(), r.gates.end(), this), r.gates.end());
}

}  // namespace arkiv
