#include "model/date_json.h"

#include "base/strings.h"

namespace arkiv::model {

using nlohmann::json;

json date_to_json(const DateRange& d) {
  return {{"display", d.display},     {"earliest", d.earliest},   {"latest", d.latest},
          {"time", d.time},           {"precision", precision_name(d.precision)},
          {"uncertain", d.uncertain}, {"approximate", d.approximate}, {"edtf", d.edtf}};
}

namespace {

Status read_string(const json& j, const char* key, std::string& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::success();
  if (!it->is_string()) return Error::invalid(std::string("date.") + key + ": expected a string, got " + it->type_name());
  out = it->get<std::string>();
  return Status::success();
}

Status read_bool(const json& j, const char* key, bool& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::success();
  if (!it->is_boolean()) return Error::invalid(std::string("date.") + key + ": expected true or false, got " + it->type_name());
  out = it->get<bool>();
  return Status::success();
}

}  // namespace

Result<DateRange> date_from_json(const json& j) {
  if (j.is_string()) {
    auto parsed = parse_date(j.get<std::string>());
    if (!parsed) return parsed.error().within("date");
    return *parsed;
  }
  if (!j.is_object()) return Error::invalid(std::string("date: expected a string or an object, got ") + j.type_name());
  static const char* kKeys[] = {"display", "earliest", "latest", "time", "precision", "uncertain", "approximate", "edtf"};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const char* k : kKeys) known |= key == k;
    if (!known) return Error::invalid("date." + key + ": unknown field");
  }
  DateRange d;
  std::string precision;
  for (auto [key, out] : {std::pair{"display", &d.display}, {"earliest", &d.earliest}, {"latest", &d.latest},
                          {"time", &d.time}, {"precision", &precision}, {"edtf", &d.edtf}}) {
    if (Status s = read_string(j, key, *out); !s) return s.error();
  }
  if (Status s = read_bool(j, "uncertain", d.uncertain); !s) return s.error();
  if (Status s = read_bool(j, "approximate", d.approximate); !s) return s.error();
  if (Status s = check_display_size(d.display); !s) return s.error();
  if (d.earliest.empty() && d.latest.empty()) {
    if (!d.edtf.empty()) {
      auto e = parse_edtf(d.edtf, d.display);
      if (!e) return e.error().within("date.edtf");
      return *e;
    }
    auto parsed = parse_date(d.display);
    if (!parsed) return parsed.error();
    return *parsed;
  }
  if (precision.empty()) {
    d.precision = DatePrecision::kRange;
  } else {
    auto p = parse_precision(precision);
    if (!p) return p.error().within("date.precision");
    d.precision = *p;
    if (precision == "circa") d.approximate = true;
  }
  if (d.precision == DatePrecision::kTime && d.time.empty()) return Error::invalid("date.time: missing while precision is time");
  if (Status s = validate_date(d); !s) return s.error();
  if (d.edtf.empty()) d.edtf = to_edtf(d);
  return d;
}

Status validate_date(const DateRange& d) {
  if (Status s = check_display_size(d.display); !s) return s;
  if (!d.earliest.empty() && !is_valid_iso_day(d.earliest)) return Error::invalid("date.earliest '" + d.earliest + "': expected a real day as YYYY-MM-DD");
  if (!d.latest.empty() && !is_valid_iso_day(d.latest)) return Error::invalid("date.latest '" + d.latest + "': expected a real day as YYYY-MM-DD");
  if (!d.earliest.empty() && !d.latest.empty() && d.latest < d.earliest) {
    return Error::invalid("date: latest " + d.latest + " is before earliest " + d.earliest);
  }
  if (!d.time.empty() && !is_valid_time(d.time)) return Error::invalid("date.time '" + d.time + "': expected HH:MM");
  if (!d.time.empty() && (d.earliest.empty() || d.earliest != d.latest)) return Error::invalid("date.time: set on a date that is not one day");
  if (d.edtf.size() > 64) return Error::invalid("date.edtf: longer than 64 characters");
  return Status::success();
}

}  // namespace arkiv::model
