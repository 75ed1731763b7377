#include "ingest/csv_reader.h"

namespace arkiv::ingest {

Result<std::vector<CsvRow>> read_csv(std::string_view s, std::size_t max_rows) {
  std::vector<CsvRow> rows;
  std::size_t i = 0, line = 1;
  while (i < s.size()) {
    CsvRow row;
    row.line = line;
    bool row_done = false;
    while (!row_done) {
      std::string field;
      if (i < s.size() && s[i] == '"') {
        std::size_t open_line = line;
        ++i;
        for (;;) {
          if (i >= s.size()) {
            return Error::invalid("line " + std::to_string(open_line) +
                                  ": quoted field is never closed; expected a closing '\"' (a quote inside a "
                                  "quoted field is written \"\")");
          }
          char c = s[i++];
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
        if (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
          return Error::invalid("line " + std::to_string(line) + ": '" + std::string(1, s[i]) +
                                "' after a closing quote; expected ',' or the end of the line");
        }
      } else {
        while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
          if (s[i] == '"') {
            return Error::invalid("line " + std::to_string(line) +
                                  ": '\"' inside an unquoted field; quote the whole field and double the quote (\"\")");
          }
          field += s[i++];
        }
      }
      row.fields.push_back(std::move(field));
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == '\r') ++i;
      if (i < s.size() && s[i] == '\n') ++i;
      ++line;
      row_done = true;
    }
    if (row.fields.size() == 1 && row.fields[0].empty()) continue;  // a blank line
    if (rows.size() == max_rows) {
      return Error::too_large("line " + std::to_string(row.line) + ": more than " + std::to_string(max_rows) +
                              " rows; split the file");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace arkiv::ingest
