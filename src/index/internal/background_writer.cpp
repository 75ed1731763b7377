#include "index/internal/background_writer.h"

#include <utility>

namespace arkiv::index {

BackgroundWriter::BackgroundWriter(std::size_t max_queued) : max_queued_(max_queued), thread_([this] { run(); }) {}

BackgroundWriter::~BackgroundWriter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void BackgroundWriter::submit(std::function<std::optional<std::string>()> job) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return queue_.size() < max_queued_; });
  queue_.push_back(std::move(job));
  changed_.notify_all();
}

std::optional<std::string> BackgroundWriter::wait_idle() {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return queue_.empty() && !busy_; });
  return std::exchange(failure_, std::nullopt);
}

void BackgroundWriter::run() {
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stop_ and nothing left
    }
    // Everything that allocates happens under the gate: taking the job, running it, freeing it.
    // Only this thread takes jobs off the queue, so it is not empty now.
    std::lock_guard<ForkGate> gate(gate_);
    std::function<std::optional<std::string>()> job;
    {
      std::lock_guard<std::mutex> lock(mu_);
      job = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    changed_.notify_all();
    std::optional<std::string> failed = job();
    job = nullptr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_ = false;
      if (failed && !failure_) failure_ = std::move(failed);
    }
    failed.reset();
    changed_.notify_all();
  }
}

}  // namespace arkiv::index
