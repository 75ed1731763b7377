#include "ingest/json_importer.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "ingest/record_stream.h"
#include "model/lifecycle.h"
#include "model/record_json.h"

namespace arkiv::ingest {

using nlohmann::json;

namespace {

// A JSON array or pretty-printed object is parsed whole, within this limit.
constexpr std::size_t kMaxWholeJsonBytes = std::size_t{256} << 20;

// arkiv's lifecycle fields (model/lifecycle.h) with values arkiv cannot read: the record is
// kept, hidden as a draft until someone reviews it, with each value verbatim in `unread`.
json keep_unreadable_lifecycle(const json& j, const std::string& where, ParseOutput& out) {
  if (!j.is_object()) return j;
  json kept = j;
  for (const char* key : {"publication", "embargo_until"}) {
    auto it = kept.find(key);
    if (it == kept.end() || it->is_null()) continue;
    const std::string text = it->is_string() ? it->get<std::string>() : it->dump();
    model::Document probe;
    (std::string_view(key) == "publication" ? probe.publication : probe.embargo_until) = text;
    if (it->is_string() && model::validate_lifecycle(probe)) continue;
    kept.erase(key);
    kept["publication"] = "draft";
    if (!kept.contains("unread")) kept["unread"] = json::array();
    if (kept["unread"].is_array()) kept["unread"].push_back({{"field", key}, {"text", text}});
    out.warnings.push_back(where + ": " + key + " '" + text.substr(0, 80) +
                           "' could not be read: kept in unread, and the record is a draft until someone reviews it");
  }
  return kept;
}

void add_record(const json& j, const std::string& where, ParseOutput& out) {
  try {
    // An export's authority records, arrangement units and merge redirects: one per line,
    // before the records.
    if (auto type = j.is_object() ? j.find("type") : j.end(); j.is_object() && type != j.end()) {
      if (*type == "authority") {
        auto a = model::authority_from_json(j);
        if (!a) out.errors.push_back(a.error().within(where + " (authority)"));
        else out.authorities.push_back(std::move(a).value());
      } else if (*type == "unit") {
        auto u = model::unit_from_json(j);
        if (!u) out.errors.push_back(u.error().within(where + " (unit)"));
        else out.units.push_back(std::move(u).value());
      } else if (*type == "authority_redirect") {
        auto r = model::redirect_from_json(j);
        if (!r) out.errors.push_back(r.error().within(where + " (authority_redirect)"));
        else out.redirects.push_back(std::move(r).value());
      } else if (*type != "record") {
        out.errors.push_back(Error::invalid(where + ": type '" + type->dump() + "': expected record, authority, unit or authority_redirect"));
      } else {
        json rest = j;
        rest.erase("type");
        add_record(rest, where, out);
      }
      return;
    }
    auto doc = model::from_json(keep_unreadable_lifecycle(j, where, out));
    if (!doc) {
      out.errors.push_back(doc.error().within(where));
      return;
    }
    out.records.push_back(std::move(doc).value());
  } catch (const json::exception& e) {
    out.errors.push_back(Error::invalid(where + ": " + e.what()));
  }
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1, column 5: " prefix.
std::string plain_message(const json::exception& e) {
  std::string what = e.what();
  if (auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
  if (auto colon = what.find(": "); colon != std::string::npos && what.starts_with("parse error")) what = what.substr(colon + 2);
  return what;
}

std::string describe_parse_error(const json::exception& e, std::string_view text, std::size_t base_line) {
  std::size_t line = base_line;
  if (const auto* pe = dynamic_cast<const json::parse_error*>(&e)) {
    line = base_line + line_of_offset(text, pe->byte > 0 ? pe->byte - 1 : 0) - 1;
  }
  return "line " + std::to_string(line) + ": invalid JSON (" + plain_message(e) + ")";
}

// Deepest nesting of arrays and objects in `s`, counted outside strings: refuses records that
// would make the parser and the tree deep before they are built.
std::size_t nesting_depth(std::string_view s) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// One JSON value for the whole text (an object or an array of them); if that fails, JSON Lines
// with an error per broken line; if no line parses either, the whole-document error.
void parse_whole(std::string_view text, ParseOutput& out) {
  if (nesting_depth(text) > kMaxRecordDepth + 1) {
    out.errors.push_back(Error::too_large("nested more than " + std::to_string(kMaxRecordDepth) + " levels deep"));
    return;
  }
  json whole = json::parse(text, nullptr, false);
  if (!whole.is_discarded()) {
    if (whole.is_object()) {
      add_record(whole, "record 1", out);
    } else if (whole.is_array()) {
      if (whole.size() > kMaxRecordsPerFile) {
        out.errors.push_back(Error::too_large("a JSON array of " + std::to_string(whole.size()) + " records, over the limit of " +
                                              std::to_string(kMaxRecordsPerFile) + " per file; write JSON Lines (one record per line) instead"));
        return;
      }
      for (std::size_t i = 0; i < whole.size(); ++i) add_record(whole[i], "record " + std::to_string(i + 1), out);
    } else {
      out.errors.push_back(Error::invalid(std::string("line 1: expected a record object or an array of records, got ") + whole.type_name()));
    }
    return;
  }
  std::size_t line_no = 0, start = 0;
  bool any_line_parsed = false;
  ParseOutput lines;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(start, end - start));
    ++line_no;
    start = end + 1;
    if (line.empty()) continue;
    try {
      json j = json::parse(line);
      any_line_parsed = true;
      add_record(j, "line " + std::to_string(line_no), lines);
    } catch (const json::exception& e) {
      lines.errors.push_back(Error::invalid(describe_parse_error(e, line, line_no)));
    }
  }
  if (any_line_parsed) {
    for (auto& r : lines.records) out.records.push_back(std::move(r));
    for (auto& a : lines.authorities) out.authorities.push_back(std::move(a));
    for (auto& u : lines.units) out.units.push_back(std::move(u));
    for (auto& e : lines.errors) out.errors.push_back(std::move(e));
    return;
  }
  // Not JSON Lines either: report the whole-document error, which has the better position.
  try {
    (void)json::parse(text);
  } catch (const json::exception& e) {
    out.errors.push_back(Error::invalid(describe_parse_error(e, text, 1)));
  }
}

// JSON Lines when the first non-blank line is a whole JSON object; otherwise the file is one
// JSON value (an array, a pretty-printed object) and is read whole, within kMaxWholeJsonBytes.
class JsonStream : public RecordStream {
 public:
  explicit JsonStream(std::istream& in) : lines_(in, kMaxRecordBytes) {}

  bool next(ParseOutput& out, std::size_t max_records) override {
    std::string raw;
    for (std::size_t n = 0; n < max_records;) {
      if (done_) return false;
      LineReader::Got got = lines_.next(raw);
      if (got == LineReader::Got::kEnd) return false;
      const std::string where = "line " + std::to_string(lines_.line_number());
      if (got == LineReader::Got::kTooLong) {
        decided_ = true;
        out.errors.push_back(Error::too_large(where + ": the record is " + std::to_string(lines_.too_long_bytes()) +
                                              " bytes, over the limit of " + std::to_string(kMaxRecordBytes) + " bytes per record"));
        ++n;
        continue;
      }
      std::string_view line = raw;
      if (lines_.line_number() == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
      line = trim(line);
      if (line.empty()) continue;
      if (!decided_) {
        decided_ = true;
        if (!is_object_line(line)) return read_whole(line, out);
      }
      std::size_t bad = 0;
      if (!is_valid_utf8(line, &bad)) {
        out.errors.push_back(Error::invalid(where + ", byte " + std::to_string(bad + 1) + ": not valid UTF-8 (JSON must be UTF-8)"));
      } else if (std::size_t depth = nesting_depth(line); depth > kMaxRecordDepth) {
        out.errors.push_back(Error::too_large(where + ": the record is nested " + std::to_string(depth) + " levels deep, over the limit of " +
                                              std::to_string(kMaxRecordDepth)));
      } else {
        try {
          add_record(json::parse(line), where, out);
        } catch (const json::exception& e) {
          out.errors.push_back(Error::invalid(describe_parse_error(e, line, lines_.line_number())));
        }
      }
      ++n;
    }
    return true;
  }

 private:
  // A line that opens and closes an object is a record of JSON Lines, even when it is broken
  // inside (reported per line); a first line like "{" or "[" starts one JSON document.
  static bool is_object_line(std::string_view line) { return line.size() >= 2 && line.front() == '{' && line.back() == '}'; }

  bool read_whole(std::string_view first, ParseOutput& out) {
    done_ = true;
    // Keep line numbers: blank lines before the first one, then the rest of the file.
    std::string text(lines_.line_number() - 1, '\n');
    text += first;
    text += '\n';
    if (!lines_.read_rest(text, kMaxWholeJsonBytes)) {
      out.errors.push_back(Error::too_large("not JSON Lines (line " + std::to_string(lines_.line_number()) +
                                            " is not a whole record), and over the limit of " + std::to_string(kMaxWholeJsonBytes) +
                                            " bytes for a JSON document read whole; write one record per line (JSON Lines)"));
      return false;
    }
    std::size_t bad = 0;
    if (!is_valid_utf8(text, &bad)) {
      out.errors.push_back(Error::invalid("line " + std::to_string(line_of_offset(text, bad)) + ": not valid UTF-8 (JSON must be UTF-8)"));
      return false;
    }
    parse_whole(text, out);
    return false;
  }

  LineReader lines_;
  bool decided_ = false;
  bool done_ = false;
};

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

std::unique_ptr<RecordStream> JsonImporter::open_stream(const SourceFile&, std::istream& in) const {
  return std::make_unique<JsonStream>(in);
}

ParseOutput JsonImporter::parse(const SourceFile& file) const {
  std::istringstream in(file.bytes);
  JsonStream stream(in);
  return read_all(stream);
}

}  // namespace arkiv::ingest
