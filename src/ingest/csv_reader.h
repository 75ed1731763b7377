// RFC 4180 CSV: comma-separated fields, records ended by CRLF or LF, fields in double quotes
// may hold commas, line breaks and doubled quotes (""). Each row remembers the line it starts
// on, for messages. Pure function, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace arkiv::ingest {

struct CsvRow {
  std::size_t line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// All rows, blank lines skipped. Fails on a malformed quote (naming its line) or when there are
// more than `max_rows` rows.
Result<std::vector<CsvRow>> read_csv(std::string_view text, std::size_t max_rows);

}  // namespace arkiv::ingest
