// Helpers for RecordStream (ingest/importer.h) implementations: LineReader, the bounded line
// source of JSON Lines and CSV, and read_all for a whole-file parse() of a streaming format.
// A LineReader belongs to one import of one file; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>

#include "ingest/importer.h"

namespace arkiv::ingest {

// Every record and error of a stream (whole-file parse() of a streaming format).
ParseOutput read_all(RecordStream& stream);

// '\n'-ended lines of at most `max_bytes` each. A longer line is skipped to its end and
// reported as kTooLong with its size, so one oversized record never stops the file.
class LineReader {
 public:
  enum class Got { kLine, kTooLong, kEnd };
  LineReader(std::istream& in, std::size_t max_bytes) : in_(in), max_(max_bytes) {}
  // The next line without its '\n' (a '\r' before it is kept).
  Got next(std::string& line);
  std::size_t line_number() const { return line_no_; }      // of the line last returned
  std::uint64_t too_long_bytes() const { return too_long_; }  // size of the line last skipped
  // Appends what is left of the input, failing (false) past `max_total` bytes.
  bool read_rest(std::string& out, std::size_t max_total);

 private:
  bool fill();
  std::istream& in_;
  std::size_t max_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t line_no_ = 0;
  std::uint64_t too_long_ = 0;
};

}  // namespace arkiv::ingest
