#include "ingest/csv_reader.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "base/strings.h"

namespace arkiv::ingest {

namespace {

// Whether a row read so far ends inside a quoted field, fed line by line (linear in the row).
// Stray quotes in unquoted fields do not open one: split_row reports them.
class QuoteScan {
 public:
  void feed(std::string_view s) {
    for (char c : s) {
      switch (state_) {
        case State::kFieldStart: state_ = c == '"' ? State::kQuoted : c == ',' ? State::kFieldStart : State::kUnquoted; break;
        case State::kUnquoted: if (c == ',') state_ = State::kFieldStart; break;
        case State::kQuoted: if (c == '"') state_ = State::kQuoteInQuoted; break;
        case State::kQuoteInQuoted: state_ = c == '"' ? State::kQuoted : c == ',' ? State::kFieldStart : State::kUnquoted; break;
      }
    }
  }
  bool open() const { return state_ == State::kQuoted; }

 private:
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  State state_ = State::kFieldStart;
};

// Splits one complete row (its quotes balanced) into fields. `line` is where it starts.
Status split_row(std::string_view s, std::size_t line, std::size_t max_fields, std::vector<std::string>& fields) {
  std::size_t i = 0;
  for (;;) {
    if (fields.size() == max_fields) {
      return Error::too_large("line " + std::to_string(line) + ": more than " + std::to_string(max_fields) + " fields in one row");
    }
    std::string field;
    if (i < s.size() && s[i] == '"') {
      ++i;
      for (;;) {
        char c = s[i++];  // quotes are balanced: a closing one follows
        if (c == '"') {
          if (i < s.size() && s[i] == '"') {
            field += '"';
            ++i;
            continue;
          }
          break;
        }
        if (c == '\n') ++line;
        field += c;
      }
      if (i < s.size() && s[i] != ',') {
        return Error::invalid("line " + std::to_string(line) + ": '" + std::string(1, s[i]) +
                              "' after a closing quote; expected ',' or the end of the line");
      }
    } else {
      while (i < s.size() && s[i] != ',') {
        if (s[i] == '"') {
          return Error::invalid("line " + std::to_string(line) +
                                ": '\"' inside an unquoted field; quote the whole field and double the quote (\"\")");
        }
        field += s[i++];
      }
    }
    fields.push_back(std::move(field));
    if (i >= s.size()) return Status::success();
    ++i;  // the comma
  }
}

}  // namespace

CsvReader::Got CsvReader::next(CsvRow& row, std::optional<Error>& error) {
  row.fields.clear();
  error.reset();
  std::string text, more;
  for (;;) {
    LineReader::Got got = lines_.next(text);
    if (got == LineReader::Got::kEnd) return Got::kEnd;
    row.line = lines_.line_number();
    if (got == LineReader::Got::kTooLong) {
      error = Error::too_large("line " + std::to_string(row.line) + ": the row is over " + std::to_string(lines_.too_long_bytes()) +
                               " bytes, over the limit of " + std::to_string(max_bytes_) + " bytes per row");
      // Inside an open quote the rest cannot be told apart from this field.
      return Got::kBadRow;
    }
    if (row.line == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (!text.empty() && text != "\r") break;  // else a blank line
  }
  // A quoted field may hold line breaks: read on until it closes.
  QuoteScan scan;
  scan.feed(text);
  while (scan.open()) {
    LineReader::Got got = lines_.next(more);
    if (got != LineReader::Got::kLine || text.size() + more.size() + 1 > max_bytes_) {
      error = Error::invalid("line " + std::to_string(row.line) +
                             (got == LineReader::Got::kEnd
                                  ? ": quoted field is never closed; expected a closing '\"' (a quote inside a quoted field is written \"\")"
                                  : ": quoted field not closed within " + std::to_string(max_bytes_) +
                                        " bytes; expected a closing '\"' (a quote inside a quoted field is written \"\")"));
      return Got::kFatal;
    }
    text += '\n';
    text += more;
    scan.feed("\n");
    scan.feed(more);
  }
  if (text.back() == '\r') text.pop_back();  // CRLF
  std::size_t bad = 0;
  if (!is_valid_utf8(text, &bad)) {
    std::size_t line = row.line + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
    std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
    std::size_t column = bad - (line_start == std::string::npos || bad == 0 ? 0 : line_start + 1) + 1;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    error = Error::invalid("line " + std::to_string(line) + ", column " + std::to_string(column) + ": not valid UTF-8 (byte " + byte +
                           "); CSV is read as UTF-8: convert the file (from Latin-1 or Windows-1252, for example) to UTF-8");
    return Got::kBadRow;
  }
  if (Status s = split_row(text, row.line, max_fields_, row.fields); !s) {
    error = s.error();
    row.fields.clear();
    return Got::kBadRow;
  }
  return Got::kRow;
}

Result<std::vector<CsvRow>> read_csv(std::string_view text, std::size_t max_rows) {
  std::istringstream in{std::string(text)};
  CsvReader reader(in, kMaxRecordBytes, kMaxRecordFields);
  std::vector<CsvRow> rows;
  for (;;) {
    CsvRow row;
    std::optional<Error> error;
    CsvReader::Got got = reader.next(row, error);
    if (got == CsvReader::Got::kEnd) return rows;
    if (got != CsvReader::Got::kRow) return *error;
    if (rows.size() == max_rows) {
      return Error::too_large("line " + std::to_string(row.line) + ": more than " + std::to_string(max_rows) + " rows; split the file");
    }
    rows.push_back(std::move(row));
  }
}

}  // namespace arkiv::ingest
