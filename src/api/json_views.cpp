#include "api/json_views.h"

#include <regex>

#include "model/record_json.h"
#include "text/language.h"

namespace arkiv::api {

using nlohmann::json;

json hit_json(const archive::SearchHit& h) {
  return {{"id", h.id},
          {"title", h.title},
          {"date", {{"display", h.date.display}, {"earliest", h.date.earliest}, {"latest", h.date.latest},
                    {"precision", model::precision_name(h.date.precision)}}},
          {"snippet", marked_html(h.snippet)},
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
      values.push_back(item);
    }
    out[f.field] = values;
  }
  return out;
}

json search_page_json(const archive::SearchPage& page, const archive::SearchQuery& q) {
  json hits = json::array();
  for (const auto& h : page.hits) hits.push_back(hit_json(h));
  json filters = json::array();
  for (const auto& [field, value] : q.filters) filters.push_back({{"field", field}, {"value", value}});
  return {{"query", q.text},
          {"total", page.total},
          {"total_exact", page.total_exact},
          {"offset", q.offset},
          {"limit", q.limit},
          {"filters", filters},
          {"from", q.from},
          {"to", q.to},
          {"hits", hits},
          {"facets", facets_json(page.facets)},
          {"suggestion", page.suggestion}};
}

json record_json(const model::Document& doc, const std::vector<model::Provenance>* provenance) {
  json j = model::to_json(doc);
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
  static const std::regex year(R"(\d{4})");
  if (std::regex_match(value, year)) return value + (end ? "-12-31" : "-01-01");
  if (model::is_valid_iso_day(value)) return value;
  return Error::invalid(param + " '" + value + "': expected a year (1966) or a day (1966-03-04)");
}

Result<archive::SortOrder> parse_sort(const std::string& value, const std::string& param) {
  if (value.empty() || value == "relevance") return archive::SortOrder::kRelevance;
  if (value == "date" || value == "date-asc") return archive::SortOrder::kDateAscending;
  if (value == "date-desc" || value == "-date") return archive::SortOrder::kDateDescending;
  return Error::invalid(param + " '" + value + "': expected relevance, date or date-desc");
}

}  // namespace arkiv::api
