// The record edit form's data: a record as form values (one per input, named after the JSON
// path it edits: "title", "date.earliest", "contents.0.text", "people" one per line), the
// values back into the record's JSON form over the stored record (so fields the form does not
// show are kept), and a field-by-field comparison of two records (history, conflicts).
// Private to web/. Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "http/request.h"
#include "model/document.h"

namespace arkiv::web {

using FormValues = std::map<std::string, std::string>;

// The form's values for `doc`.
FormValues form_values(const model::Document& doc);
// The submitted form's values (every field but csrf).
FormValues form_values(const http::Params& fields);

// The record JSON the form describes, built over `base` (the stored record's JSON, or {} for a
// new one). Errors name the form field ("gaps.new.text: ...").
Result<nlohmann::json> record_json_from_form(const FormValues& values, const nlohmann::json& base);

// The form field an error message is about: the longest field name its path starts with
// ("contents[0].language: ..." -> "contents.0.language"); "" when none.
std::string error_field(const std::string& message, const FormValues& values);

// One difference between two records: the field as people read it, and both values.
struct FieldChange {
  std::string field;  // "Title", "Text 1 (translation, en)", "People"
  std::string before, after;
};
std::vector<FieldChange> compare_records(const model::Document& before, const model::Document& after);

}  // namespace arkiv::web
