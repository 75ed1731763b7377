#include "ingest/json_importer.h"

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "model/record_json.h"

namespace arkiv::ingest {

using nlohmann::json;

namespace {

void add_record(const json& j, const std::string& where, ParseOutput& out) {
  auto doc = model::from_json(j);
  if (!doc) {
    out.errors.push_back(doc.error().within(where));
    return;
  }
  out.records.push_back(std::move(doc).value());
}

std::string describe_parse_error(const json::parse_error& e, std::string_view text, std::size_t base_line) {
  std::size_t line = base_line + line_of_offset(text, e.byte > 0 ? e.byte - 1 : 0) - 1;
  std::string what = e.what();
  // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 5: ..."
  if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
  return "line " + std::to_string(line) + ": invalid JSON (" + what + ")";
}

}  // namespace

int JsonImporter::sniff(const SourceFile& file) const {
  std::string_view s(file.bytes);
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.remove_prefix(3);
  s = trim(s.substr(0, 4096));
  if (s.empty()) return 0;
  if (s.front() == '{') return s.find("\"title\"") != std::string_view::npos || s.find("\"id\"") != std::string_view::npos ? 90 : 50;
  if (s.front() == '[') return s.size() > 1 && trim(s.substr(1)).rfind('{', 0) == 0 ? 60 : 20;
  return 0;
}

ParseOutput JsonImporter::parse(const SourceFile& file) const {
  ParseOutput out;
  std::string_view text(file.bytes);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
  std::size_t bad = 0;
  if (!is_valid_utf8(text, &bad)) {
    out.errors.push_back(Error::invalid("line " + std::to_string(line_of_offset(text, bad)) + ": not valid UTF-8 (JSON must be UTF-8)"));
    return out;
  }
  // One value for the whole file first; if that fails, JSON Lines.
  json whole = json::parse(text, nullptr, false);
  if (!whole.is_discarded()) {
    if (whole.is_object()) {
      add_record(whole, "record 1", out);
    } else if (whole.is_array()) {
      for (std::size_t i = 0; i < whole.size(); ++i) add_record(whole[i], "record " + std::to_string(i + 1), out);
    } else {
      out.errors.push_back(Error::invalid(std::string("line 1: expected a record object or an array of records, got ") + whole.type_name()));
    }
    return out;
  }
  std::size_t line_no = 0, start = 0;
  bool any_line_parsed = false;
  std::optional<Error> first_failure;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(start, end - start));
    ++line_no;
    start = end + 1;
    if (line.empty()) {
      if (end == text.size()) break;
      continue;
    }
    try {
      json j = json::parse(line);
      any_line_parsed = true;
      add_record(j, "line " + std::to_string(line_no), out);
    } catch (const json::parse_error& e) {
      Error err = Error::invalid(describe_parse_error(e, line, line_no));
      if (!first_failure) first_failure = err;
      out.errors.push_back(err);
    }
    if (end == text.size()) break;
  }
  if (!any_line_parsed && first_failure) {
    // Not JSON Lines either: report the whole-document error, which has the better position.
    out.errors.clear();
    try {
      json probe = json::parse(text);
      (void)probe;
    } catch (const json::parse_error& e) {
      out.errors.push_back(Error::invalid(describe_parse_error(e, text, 1)));
    }
  }
  return out;
}

}  // namespace arkiv::ingest
