#include "archive/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace arkiv::archive {

int try_lock_writer(const std::string& data_dir) {
  int fd = ::open((data_dir + "/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return -1;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void unlock_writer(int fd) {
  if (fd >= 0) ::close(fd);
}

}  // namespace arkiv::archive
