// The data directory's writer lock: an advisory flock on DIR/lock, held by the one process that
// may write the catalog and the index. Released when the descriptor closes (also on a crash).
// Parser children close it right after fork (archive/isolated_parse), so only the writer holds it.
#pragma once

#include <chrono>
#include <string>

namespace arkiv::archive {

// Returns a descriptor holding the lock, or -1 if another process holds it, or -1 with
// `*open_errno` set (when given) if DIR/lock cannot be opened for writing (read-only disk).
int try_lock_writer(const std::string& data_dir, int* open_errno = nullptr);
// Like try_lock_writer, but waits up to `wait` for the other writer to finish (polling, so a
// signal or the deadline ends the wait). milliseconds::max() waits without end.
int lock_writer(const std::string& data_dir, std::chrono::milliseconds wait, int* open_errno = nullptr);
void unlock_writer(int fd);

}  // namespace arkiv::archive
