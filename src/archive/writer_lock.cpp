#include "archive/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

namespace arkiv::archive {

int try_lock_writer(const std::string& data_dir, int* open_errno) {
  if (open_errno) *open_errno = 0;
  int fd = ::open((data_dir + "/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (open_errno) *open_errno = errno;
    return -1;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

int lock_writer(const std::string& data_dir, std::chrono::milliseconds wait, int* open_errno) {
  using Clock = std::chrono::steady_clock;
  const bool forever = wait == std::chrono::milliseconds::max();
  const auto deadline = forever ? Clock::time_point::max() : Clock::now() + wait;
  for (;;) {
    int fd = try_lock_writer(data_dir, open_errno);
    if (fd >= 0 || (open_errno && *open_errno != 0) || (!forever && Clock::now() >= deadline)) return fd;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void unlock_writer(int fd) {
  if (fd >= 0) ::close(fd);
}

}  // namespace arkiv::archive
