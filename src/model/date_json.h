// The JSON form of a record's date (docs/record-format.md, "date"): written by to_json and read
// by from_json. Pure functions: thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "model/date.h"

namespace arkiv::model {

nlohmann::json date_to_json(const DateRange& d);

// Reads a plain string ("4 March 1966", parsed) or the full object. An object without bounds
// is read from its `edtf`, else from its `display`. A display arkiv cannot read is kept with
// unknown bounds (DateRange::problem says why); errors are for wrong types, unknown keys,
// bounds that are not real days, and displays over kMaxDateDisplay. Messages name the field.
Result<DateRange> date_from_json(const nlohmann::json& j);

// Checks a date's fields (bounds, order, time, display size); messages start with "date".
Status validate_date(const DateRange& d);

}  // namespace arkiv::model
