// The data directory's writer lock: an advisory flock on DIR/lock, held by the one process that
// may write the catalog and the index. Released when the descriptor closes (also on a crash).
#pragma once

#include <string>

namespace arkiv::archive {

// Returns a descriptor holding the lock, or -1 if another process holds it.
int try_lock_writer(const std::string& data_dir);
void unlock_writer(int fd);

}  // namespace arkiv::archive
