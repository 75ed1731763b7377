// Runs an importer's parse() in a forked child process with a time limit, as Xapian's Omega
// runs risky filters: a parser that crashes or hangs on one hostile file costs that file only.
// The child sends its records back as arkiv JSON Lines over a pipe.
#pragma once

#include <chrono>

#include "ingest/importer.h"

namespace arkiv::archive {

// The importer's output, or one error naming the crash (signal) or the time-out.
ingest::ParseOutput parse_isolated(const ingest::Importer& importer, const ingest::SourceFile& file,
                                   std::chrono::milliseconds timeout);

}  // namespace arkiv::archive
