#include "ingest/csv_importer.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "base/strings.h"
#include "ingest/csv_reader.h"
#include "ingest/text_input.h"
#include "model/field_limits.h"
#include "text/language.h"

namespace arkiv::ingest {

namespace {

constexpr std::array<std::string_view, 15> kColumns = {
    "id",  "title", "date",     "summary", "citation", "repository", "reference",     "url",
    "language", "text", "subjects", "places", "people", "organizations", "collections"};

std::string expected_columns() {
  std::string s;
  for (std::string_view c : kColumns) s += (s.empty() ? "" : ", ") + std::string(c);
  return s;
}

bool is_column(std::string_view name) {
  for (std::string_view c : kColumns) {
    if (c == name) return true;
  }
  return false;
}

std::vector<std::string> list_field(const std::string& value) {
  std::vector<std::string> out;
  for (const std::string& part : split(value, ';')) {
    std::string item = collapse_spaces(part);
    if (!item.empty()) out.push_back(std::move(item));
  }
  return out;
}

// Fills `doc` from one row; the first problem is returned naming its field.
Status fill(model::Document& doc, const std::vector<std::string>& columns, const CsvRow& row) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string& name = columns[c];
    const std::string& value = row.fields[c];
    if (name == "id") doc.id = std::string(trim(value));
    else if (name == "title") doc.title = collapse_spaces(value);
    else if (name == "date") {
      if (Status size = model::check_field_size("date", value, model::kMaxDateBytes); !size) return size;
      auto date = model::parse_date(value);
      if (!date) return date.error().within("date");
      doc.date = *date;
    }
    else if (name == "summary") doc.summary = std::string(trim(value));
    else if (name == "citation") doc.citation.text = std::string(trim(value));
    else if (name == "repository") doc.citation.repository = std::string(trim(value));
    else if (name == "reference") doc.citation.reference = std::string(trim(value));
    else if (name == "url") doc.citation.url = std::string(trim(value));
    else if (name == "language") {
      for (const std::string& lang : list_field(value)) {
        auto code = text::normalize_language(lang);
        if (!code) return Error::invalid("language: unknown language '" + lang + "' (expected an ISO 639 code or English name)");
        doc.original_languages.push_back(*code);
      }
    }
    else if (name == "text" && !trim(value).empty()) {
      model::Content content;
      content.kind = "original";
      std::string t = value;
      for (std::size_t p; (p = t.find("\r\n")) != std::string::npos;) t.erase(p, 1);
      content.text = std::string(trim(t));
      doc.contents.push_back(std::move(content));
    }
    else if (name == "subjects") doc.subjects = list_field(value);
    else if (name == "places") doc.places = list_field(value);
    else if (name == "people") doc.people = list_field(value);
    else if (name == "organizations") doc.organizations = list_field(value);
    else if (name == "collections") doc.collections = list_field(value);
  }
  if (!doc.contents.empty() && !doc.original_languages.empty()) doc.contents[0].language = doc.original_languages[0];
  if (!doc.contents.empty()) model::find_gaps(doc.contents[0].text, 0, doc.gaps);
  return Status::success();
}

}  // namespace

int CsvImporter::sniff(const SourceFile& file) const {
  std::string_view s = file.bytes;
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  std::string_view first = s.substr(0, std::min(s.find('\n'), std::size_t{4096}));
  if (looks_binary(first) || first.find(',') == std::string_view::npos) return 0;
  std::size_t known = 0, total = 0;
  bool title = false;
  for (const std::string& f : split(first, ',')) {
    std::string name = to_lower_ascii(trim(std::string_view(f)));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    ++total;
    known += is_column(name);
    title |= name == "title";
  }
  if (known == total && title) return 90;
  if (known * 2 > total) return 60;  // mostly ours: claim it, and parse() names the strangers
  return 0;
}

namespace {

// Reads the header on the first call, then one record per row. A bad row costs that row; a
// bad header or a quote never closed ends the file.
class CsvStream : public RecordStream {
 public:
  CsvStream(std::istream& in, std::string file_id) : reader_(in, kMaxRecordBytes, kMaxRecordFields), file_id_(std::move(file_id)) {}

  bool next(ParseOutput& out, std::size_t max_records) override {
    if (done_) return false;
    if (columns_.empty() && !read_header(out)) return false;
    CsvRow row;
    std::optional<Error> error;
    for (std::size_t n = 0; n < max_records; ++n) {
      CsvReader::Got got = reader_.next(row, error);
      if (got == CsvReader::Got::kEnd) return false;
      ++rows_;
      std::string where = "row " + std::to_string(rows_) + " (line " + std::to_string(row.line) + ")";
      if (got == CsvReader::Got::kFatal) {
        out.errors.push_back(error->within(where));
        done_ = true;
        return false;
      }
      if (got == CsvReader::Got::kBadRow) {
        out.errors.push_back(error->within(where));
        continue;
      }
      if (row.fields.size() != columns_.size()) {
        out.errors.push_back(Error::invalid(where + ": " + std::to_string(row.fields.size()) + " fields; the header has " +
                                            std::to_string(columns_.size())));
        continue;
      }
      model::Document doc;
      if (!has_id_) doc.id = file_id_ + "/" + std::to_string(rows_);
      if (Status s = fill(doc, columns_, row); !s) {
        out.errors.push_back(s.error().within(where));
        continue;
      }
      add_validated(std::move(doc), where, out);
    }
    return true;
  }

 private:
  bool read_header(ParseOutput& out) {
    done_ = true;  // until the header proves good
    CsvRow header;
    std::optional<Error> error;
    CsvReader::Got got = reader_.next(header, error);
    if (got == CsvReader::Got::kEnd) {
      out.errors.push_back(Error::invalid("line 1: no header row; expected column names: " + expected_columns()));
      return false;
    }
    if (got != CsvReader::Got::kRow) {
      out.errors.push_back(error->within("header row"));
      return false;
    }
    std::vector<std::string> columns;
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
      std::string name = to_lower_ascii(trim(header.fields[c]));
      std::string where = "line " + std::to_string(header.line) + ", column " + std::to_string(c + 1);
      if (!is_column(name)) {
        out.errors.push_back(Error::invalid(where + ": unknown column '" + header.fields[c] + "'; expected one of: " + expected_columns()));
        return false;
      }
      if (std::find(columns.begin(), columns.end(), name) != columns.end()) {
        out.errors.push_back(Error::invalid(where + ": column '" + name + "' appears twice"));
        return false;
      }
      columns.push_back(name);
    }
    if (std::find(columns.begin(), columns.end(), "title") == columns.end()) {
      out.errors.push_back(Error::invalid("line " + std::to_string(header.line) + ": no 'title' column; every record needs a title"));
      return false;
    }
    has_id_ = std::find(columns.begin(), columns.end(), "id") != columns.end();
    columns_ = std::move(columns);
    done_ = false;
    return true;
  }

  CsvReader reader_;
  std::string file_id_;
  std::vector<std::string> columns_;
  bool has_id_ = false;
  bool done_ = false;
  std::size_t rows_ = 0;  // data rows read, good or bad: ids of rows without an id column
};

}  // namespace

std::unique_ptr<RecordStream> CsvImporter::open_stream(const SourceFile& file, std::istream& in) const {
  return std::make_unique<CsvStream>(in, file_record_id(file.id_path()));
}

ParseOutput CsvImporter::parse(const SourceFile& file) const {
  std::istringstream in(file.bytes);
  CsvStream stream(in, file_record_id(file.id_path()));
  return read_all(stream);
}

}  // namespace arkiv::ingest
