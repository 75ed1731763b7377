// RFC 4180 CSV: comma-separated fields, records ended by CRLF or LF, fields in double quotes
// may hold commas, line breaks and doubled quotes (""). CsvReader reads a stream row by row,
// each row bounded (bytes, fields) and checked as UTF-8; a malformed row is reported naming
// its line and reading goes on with the next one. Each row remembers the line it starts on.
// A CsvReader belongs to one thread; read_csv is a pure function.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ingest/record_stream.h"

namespace arkiv::ingest {

struct CsvRow {
  std::size_t line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  enum class Got {
    kRow,     // `row` holds the next row
    kBadRow,  // `error` says what is wrong with one row; reading goes on after it
    kFatal,   // `error` says why the rest cannot be read (a quote never closed)
    kEnd,
  };
  CsvReader(std::istream& in, std::size_t max_row_bytes, std::size_t max_fields)
      : lines_(in, max_row_bytes), max_bytes_(max_row_bytes), max_fields_(max_fields) {}
  // The next non-blank row.
  Got next(CsvRow& row, std::optional<Error>& error);

 private:
  LineReader lines_;
  std::size_t max_bytes_;
  std::size_t max_fields_;
};

// All rows of `text`, blank lines skipped. Fails on the first malformed row (naming its line)
// or when there are more than `max_rows` rows.
Result<std::vector<CsvRow>> read_csv(std::string_view text, std::size_t max_rows);

}  // namespace arkiv::ingest
