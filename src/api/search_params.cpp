#include "model/fields.h"
#include "api/search_params.h"

#include "http/access_gate.h"

#include <algorithm>
#include <charconv>

#include "api/json_views.h"
#include "base/strings.h"
#include "text/language.h"

namespace arkiv::api {

namespace {

std::string first(const http::Params& params, const std::string& name) {
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return "";
}

Error bad(const std::string& name, const std::string& expected) {
  return Error::invalid("parameter '" + name + "': " + expected);
}

}  // namespace

Result<int> int_param(const http::Params& params, const std::string& name, int lo, int hi, int fallback) {
  std::string v = first(params, name);
  if (v.empty()) return fallback;
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < lo || n > hi) {
    return bad(name, "expected an integer " + std::to_string(lo) + "-" + std::to_string(hi));
  }
  return n;
}

Result<SearchParams> parse_search_params(const http::Params& params, int default_limit) {
  SearchParams p;
  archive::SearchQuery& q = p.query;
  q.text = first(params, "q");
  if (q.text.size() > kMaxQueryBytes) return bad("q", "expected at most " + std::to_string(kMaxQueryBytes) + " bytes");
  auto limit = int_param(params, "limit", 0, kMaxLimit, default_limit);
  if (!limit) return limit.error();
  auto page = int_param(params, "page", 1, kMaxPage, 1);
  if (!page) return page.error();
  q.limit = *limit;
  p.page = *page;
  q.offset = (p.page - 1) * q.limit;
  p.sort = first(params, "sort");
  auto sort = parse_sort(p.sort, "sort");
  if (!sort) return bad("sort", "expected relevance, date, date-desc or collection");
  q.sort = *sort;
  p.from_raw = first(params, "from");
  p.to_raw = first(params, "to");
  auto from = parse_date_bound(p.from_raw, false, "from");
  if (!from) return bad("from", "expected a year (1966), a month (1966-03) or a day (1966-03-04)");
  auto to = parse_date_bound(p.to_raw, true, "to");
  if (!to) return bad("to", "expected a year (1966), a month (1966-03) or a day (1966-03-04)");
  q.from = *from;
  q.to = *to;
  if (Status s = check_date_order(q.from, q.to, p.from_raw, p.to_raw, "from", "to"); !s) return s.error();
  p.date_mode = first(params, "date_mode");
  auto mode = parse_date_mode(p.date_mode, "date_mode");
  if (!mode) return bad("date_mode", "expected overlaps or within");
  q.date_mode = *mode;
  p.undated = first(params, "undated");
  auto undated = parse_undated(p.undated, "undated");
  if (!undated) return bad("undated", "expected include or exclude");
  q.undated = *undated;
  const std::string exact = first(params, "exact");
  if (exact != "" && exact != "0" && exact != "1") return bad("exact", "expected 1 (count every match) or 0");
  p.exact = q.exact_counts = exact == "1";
  const std::string variants = first(params, "variants");
  if (variants != "" && variants != "on" && variants != "off") {
    return bad("variants", "expected off (the words as typed) or on (also other spellings and scripts of a name, the default)");
  }
  p.variants = q.name_variants = variants != "off";
  for (const auto& [k, v] : params) {
    if (!model::has_role(k, model::kFilter) || v.empty()) continue;
    if (v.size() > 200) return bad(k, "expected at most 200 bytes");
    if (const model::Field* f = model::find_field(k); f && f->kind == model::ValueKind::kLanguage && !text::normalize_language(v)) {
      std::string shown = utf8_length(v) > 40 ? v.substr(0, utf8_byte_offset(v, 40)) + "..." : v;
      return bad(k, "'" + shown + "' is not a language; expected an ISO 639 code (sq, ko) or a language name (Albanian)");
    }
    if (q.filters.size() >= kMaxFilters) return bad(k, "expected at most " + std::to_string(kMaxFilters) + " filters");
    bool dup = false;
    for (const auto& f : q.filters) dup = dup || (f.first == k && f.second == v);
    if (!dup) q.filters.emplace_back(k, v);
  }
  return p;
}

Result<std::vector<std::pair<std::string, std::string>>> filters_matching_nothing(archive::Archive& archive,
                                                                                  const archive::SearchQuery& query) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& filter : query.filters) {
    archive::SearchQuery alone;
    alone.filters = {filter};
    alone.audience = query.audience;  // a value only hidden records have is nowhere, to readers
    alone.limit = 0;
    auto page = archive.search(alone);
    if (!page) return page.error();
    if (page->total == 0) out.push_back(filter);
  }
  return out;
}

Status only_search_params(const http::Params& params, std::initializer_list<std::string_view> extra) {
  static const std::string_view kKnown[] = {"q", "page", "limit", "sort", "from", "to", "date_mode", "undated", "exact", "variants"};
  for (const auto& [k, v] : params) {
    bool known = model::has_role(k, model::kFilter) || std::find(std::begin(kKnown), std::end(kKnown), k) != std::end(kKnown) ||
                 std::find(extra.begin(), extra.end(), k) != extra.end();
    if (known) continue;
    std::string expected = "q, page, limit, sort, from, to, date_mode, undated, exact, variants";
    for (std::string_view e : extra) expected += ", " + std::string(e);
    expected += " or a facet field (";
    bool first_field = true;
    for (const auto& f : model::field_names(model::kFilter)) {
      expected += (first_field ? "" : ", ") + f;
      first_field = false;
    }
    std::string name = utf8_length(k) > 64 ? k.substr(0, utf8_byte_offset(k, 64)) + "..." : k;
    return bad(name, "unknown; expected " + expected + ")");
  }
  return Status::success();
}

archive::Audience audience_of(const http::Request& req) {
  return http::may(req, auth::Action::kReadUnpublished) ? archive::Audience::kStaff : archive::Audience::kReaders;
}

}  // namespace arkiv::api
