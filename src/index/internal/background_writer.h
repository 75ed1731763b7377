// Runs jobs one after another on a thread of its own, so that building the next Xapian
// document (term generation, in the caller's thread) overlaps with adding the previous one
// to the database (here). The queue is bounded; wait_idle() returns once every job has run,
// with the first failure if any. A fork() (the import's parser children) waits for the job
// that runs (base/fork_gate.h). Used by SearchIndex; private to the index module.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "base/fork_gate.h"

namespace arkiv::index {

class BackgroundWriter {
 public:
  explicit BackgroundWriter(std::size_t max_queued = 64);
  ~BackgroundWriter();  // runs what is queued, then stops
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  // Queues `job`; blocks while the queue is full. A job reports failure by returning a message.
  void submit(std::function<std::optional<std::string>()> job);
  // Blocks until the queue is empty and no job runs; returns (and clears) the first failure.
  std::optional<std::string> wait_idle();

 private:
  void run();

  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::function<std::optional<std::string>()>> queue_;
  std::size_t max_queued_;
  bool busy_ = false;
  bool stop_ = false;
  std::optional<std::string> failure_;
  ForkGate gate_;  // held while a job runs: an import forks its parser children between jobs
  std::thread thread_;
};

}  // namespace arkiv::index
