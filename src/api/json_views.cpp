#include "api/json_views.h"

#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "http/url.h"
#include "model/date_json.h"
#include "model/fields.h"
#include "model/record_json.h"
#include "text/language.h"

namespace arkiv::api {

using nlohmann::json;

std::string document_address(const std::string& id, const std::string& base_url) {
  return base_url + "/documents/" + http::encode_path(id);
}

json hit_json(const archive::SearchHit& h, const std::string& base_url) {
  return {{"id", h.id},
          {"url", document_address(h.id, base_url)},
          {"title", h.title},
          {"date", model::date_to_json(h.date)},
          {"snippet", marked_html(h.snippet)},
          {"matched_in", h.matched_in},
          {"languages", h.languages},
          {"type", h.document_type}};
}

json facets_json(const std::vector<archive::Facet>& facets) {
  json out = json::object();
  for (const auto& f : facets) {
    json values = json::array();
    for (const auto& v : f.values) {
      json item = {{"value", v.value}, {"count", v.count}};
      if (f.field == "language") item["label"] = text::language_name(v.value);
      if (!v.label.empty()) item["label"] = v.label;  // an authority's preferred name
      values.push_back(item);
    }
    out[f.field] = values;
  }
  return out;
}

json similar_json(const std::vector<archive::SearchHit>& hits, const std::string& base_url) {
  json out = json::array();
  for (const auto& h : hits) {
    out.push_back({{"id", h.id}, {"title", h.title}, {"date", model::date_to_json(h.date)}, {"url", document_address(h.id, base_url)}});
  }
  return out;
}

json search_page_json(const archive::SearchPage& page, const archive::SearchQuery& q, const std::string& base_url) {
  json hits = json::array();
  for (const auto& h : page.hits) hits.push_back(hit_json(h, base_url));
  json filters = json::array();
  for (const auto& [field, value] : q.filters) filters.push_back({{"field", field}, {"value", value}});
  json variants = json::array();
  for (const auto& v : page.variants) variants.push_back({{"matched", v.matched}, {"forms", v.forms}});
  return {{"query", q.text},
          {"total", page.total},
          {"total_exact", page.total_exact},
          {"count_stopped", page.count_stopped},
          {"offset", q.offset},
          {"limit", q.limit},
          {"filters", filters},
          {"from", q.from},
          {"to", q.to},
          {"date_mode", q.date_mode == archive::DateMode::kWithin ? "within" : "overlaps"},
          {"undated", page.undated},
          {"hits", hits},
          {"facets", facets_json(page.facets)},
          {"suggestion", page.suggestion},
          {"variants", variants},
          {"variants_on", q.name_variants}};
}

json record_json(const model::Document& doc, const std::vector<model::Provenance>* provenance, bool staff) {
  json j = model::to_json(doc);
  if (!staff) {
    for (const model::Field& f : model::fields()) {
      if (f.is(model::kStaff)) j.erase(std::string(f.json_key));
    }
  }
  if (provenance) {
    json p = json::array();
    for (const auto& item : *provenance) p.push_back(model::to_json(item));
    j["provenance"] = p;
  }
  return j;
}

json stats_json(const archive::ArchiveStats& s) {
  json orig = json::object(), content = json::object();
  for (const auto& [code, n] : s.catalog.original_languages) orig[code] = n;
  for (const auto& [code, n] : s.catalog.content_languages) content[code] = n;
  return {{"documents", s.catalog.documents},
          {"original_languages", orig},
          {"content_languages", content},
          {"index", {{"documents", s.index.index_documents},
                     {"applied_change", s.index.applied_seq},
                     {"catalog_change", s.index.catalog_seq},
                     {"in_sync", s.index.in_sync()}}}};
}

Result<std::string> parse_date_bound(const std::string& value, bool end, const std::string& param) {
  if (value.empty()) return std::string();
  std::string v(trim(value));
  auto digits = [&](std::size_t a, std::size_t n) {
    return v.size() >= a + n && std::all_of(v.begin() + a, v.begin() + a + n, [](unsigned char c) { return std::isdigit(c); });
  };
  auto bad = [&] { return Error::invalid(param + " '" + value + "': expected a year (1966), a month (1966-03) or a day (1966-03-04)"); };
  if (v.size() == 4 && digits(0, 4)) return v + (end ? "-12-31" : "-01-01");
  if (v.size() == 7 && digits(0, 4) && v[4] == '-' && digits(5, 2)) {
    int m = std::stoi(v.substr(5, 2));
    if (m < 1 || m > 12) return bad();
    if (!end) return v + "-01";
    std::string day = v + "-31";
    while (!model::is_valid_iso_day(day)) day = v + "-" + std::to_string(std::stoi(day.substr(8)) - 1);
    return day;
  }
  if (model::is_valid_iso_day(v)) return v;
  return bad();
}

Status check_date_order(const std::string& from, const std::string& to, const std::string& from_raw,
                        const std::string& to_raw, const std::string& from_name, const std::string& to_name) {
  if (from.empty() || to.empty() || from <= to) return Status::success();
  return Error::invalid(from_name + " '" + from_raw + "' is after " + to_name + " '" + to_raw + "': expected " + from_name +
                        " on or before " + to_name);
}

Result<archive::DateMode> parse_date_mode(const std::string& value, const std::string& param) {
  if (value.empty() || value == "overlaps") return archive::DateMode::kOverlaps;
  if (value == "within") return archive::DateMode::kWithin;
  return Error::invalid(param + " '" + value + "': expected overlaps or within");
}

Result<archive::UndatedChoice> parse_undated(const std::string& value, const std::string& param) {
  if (value.empty()) return archive::UndatedChoice::kDefault;
  if (value == "include") return archive::UndatedChoice::kInclude;
  if (value == "exclude") return archive::UndatedChoice::kExclude;
  return Error::invalid(param + " '" + value + "': expected include or exclude");
}

Result<archive::SortOrder> parse_sort(const std::string& value, const std::string& param) {
  if (value.empty() || value == "relevance") return archive::SortOrder::kRelevance;
  if (value == "date" || value == "date-asc") return archive::SortOrder::kDateAscending;
  if (value == "date-desc" || value == "-date") return archive::SortOrder::kDateDescending;
  if (value == "collection") return archive::SortOrder::kCollection;
  return Error::invalid(param + " '" + value + "': expected relevance, date, date-desc or collection");
}

}  // namespace arkiv::api
