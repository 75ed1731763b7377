// JSON forms shared by the CLI (--json) and the HTTP API: search pages, facets, records with
// provenance, stats; and parsing of request parameters that both accept (date bounds, sort).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "archive/archive.h"

namespace arkiv::api {

// Hits carry their page's address: `base_url` (the server's public address) + /documents/{id};
// without a base URL (the CLI) the path alone.
nlohmann::json search_page_json(const archive::SearchPage& page, const archive::SearchQuery& query,
                                const std::string& base_url = "");
nlohmann::json hit_json(const archive::SearchHit& hit, const std::string& base_url = "");
// "More like this" as the document page lists it: [{id, title, date, url}].
nlohmann::json similar_json(const std::vector<archive::SearchHit>& hits, const std::string& base_url = "");
std::string document_address(const std::string& id, const std::string& base_url);
nlohmann::json facets_json(const std::vector<archive::Facet>& facets);
// The record format, plus "provenance" when given.
// `staff`: with the lifecycle and staff notes (model/lifecycle.h); readers never get them.
nlohmann::json record_json(const model::Document& doc, const std::vector<model::Provenance>* provenance, bool staff = true);
nlohmann::json stats_json(const archive::ArchiveStats& stats);

// "1966" -> "1966-01-01" (or "1966-12-31" when `end`); "1966-03" -> "1966-03-01" (or
// "1966-03-31"); "1966-03-04" kept; "" -> "".
// Errors name `param`.
Result<std::string> parse_date_bound(const std::string& value, bool end, const std::string& param);
// "from '1970' is after to '1960': ..." when both are set and out of order (names as given).
Status check_date_order(const std::string& from, const std::string& to, const std::string& from_raw,
                        const std::string& to_raw, const std::string& from_name, const std::string& to_name);
Result<archive::DateMode> parse_date_mode(const std::string& value, const std::string& param);
Result<archive::UndatedChoice> parse_undated(const std::string& value, const std::string& param);
Result<archive::SortOrder> parse_sort(const std::string& value, const std::string& param);

}  // namespace arkiv::api
