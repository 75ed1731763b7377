// The search state as the URL carries it, shared by the pages (/search) and the API
// (/api/v1/search): q, page, limit, sort, from, to, date_mode, undated, exact, variants, and one parameter per facet field
// (language=sq&place=Tirana; repeated keys are ORed within a field). Every value is bounded;
// errors are kInvalidInput naming the parameter: "parameter 'limit': expected an integer 0-100".
// A `language` value must be an ISO 639 code or an English language name ("sq", "sqi",
// "Albanian"); anything else is an error, not a search that finds nothing.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "base/result.h"
#include "http/request.h"
#include "archive/archive.h"
#include "archive/search.h"

namespace arkiv::api {

struct SearchParams {
  archive::SearchQuery query;
  int page = 1;          // 1-based
  std::string sort;      // as named in the URL: "relevance", "date", "date-desc"
  std::string from_raw;  // as given ("1966"), for forms
  std::string to_raw;
  std::string date_mode;  // as given: "", "overlaps", "within"
  std::string undated;    // as given: "", "include", "exclude"
  bool exact = false;     // exact=1: count every match, past the count budget
  bool variants = true;   // variants=off: no name variants (SearchQuery::name_variants)
};

constexpr int kMaxLimit = 100;
constexpr int kMaxFacetValues = 1000;  // /api/v1/facets/{field}?limit=
constexpr int kMaxPage = 1000;
constexpr std::size_t kMaxQueryBytes = 1000;
constexpr std::size_t kMaxFilters = 32;

// Parses `params`; `default_limit` when there is no limit parameter. Parameters it does not
// know are left for the caller.
Result<SearchParams> parse_search_params(const http::Params& params, int default_limit);
// What the request's caller may see: staff (who may read unpublished records) or readers.
archive::Audience audience_of(const http::Request& req);
// The API refuses what it would otherwise ignore: a parameter that is neither a search
// parameter, a facet field, nor one of `extra` gets "parameter 'offset': unknown; expected ...".
Status only_search_params(const http::Params& params, std::initializer_list<std::string_view> extra);
// After a search that found nothing: the filters whose value no record has at all (a place
// spelt wrongly, a year with no documents), so the answer can say why it is empty. One count
// per filter; an error of the archive is passed on.
Result<std::vector<std::pair<std::string, std::string>>> filters_matching_nothing(archive::Archive& archive,
                                                                                  const archive::SearchQuery& query);
// Parses an integer parameter in [lo, hi]; `fallback` when absent or empty.
Result<int> int_param(const http::Params& params, const std::string& name, int lo, int hi, int fallback);

}  // namespace arkiv::api
