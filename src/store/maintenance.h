// Checks and copies of a catalog file, for `arkiv check`, `backup` and `restore`. Each call
// opens its own SQLite connection, so it runs beside a writer in another process: in WAL mode
// it reads the catalog as of one commit while the writer goes on. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace arkiv::store {

struct CatalogCheck {
  std::vector<std::string> problems;  // each a sentence naming the record or table; empty: sound
  std::vector<std::string> ids;       // every record id, in order
  std::vector<std::int64_t> seqs;     // the change number of each of `ids`
  std::vector<std::pair<std::string, std::int64_t>> deletions;  // id, change number
  std::int64_t change_seq = 0;
  std::string uuid;
};

// PRAGMA integrity_check and foreign_key_check, then every record: its JSON decodes and is a
// valid record with its own id, its digest matches, its change number is not past the
// catalog's, and it has provenance. Errors only when the file cannot be read at all.
Result<CatalogCheck> check_catalog(const std::string& path);

// Copies the catalog at `from` to `to` with SQLite's online backup API: a consistent copy as of
// one commit, taken while other processes read and write `from`. `to` is overwritten.
Status copy_catalog(const std::string& from, const std::string& to);

}  // namespace arkiv::store
