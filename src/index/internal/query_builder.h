// Builds the Xapian query for a SearchQuery: parses the text (phrases, boolean operators,
// field queries for every registry field that has them), stems it in the query's language,
// prefers exact accented forms, and applies facet filters and date bounds. Also collects the
// words and stems the highlighter marks. Private to the index module. One per search.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "base/result.h"
#include "index/search_index.h"

namespace arkiv::index {

struct BuiltQuery {
  Xapian::Query query;
  std::set<std::string> words;  // folded query words (and CJK n-grams), for highlighting
  std::set<std::string> stems;
  std::vector<std::string> stem_languages;  // the stemmers the stems come from
  std::string text;             // the query text, trimmed
  Xapian::Query undated_query;  // the undated records among the matches without the date filters
  std::vector<NameExpansion> variants;  // the names expanded (SearchQuery::name_variants)
};

// Errors: an unknown filter field, or query text Xapian cannot parse (kInvalidInput).
Result<BuiltQuery> build_query(const Xapian::Database& db, const SearchQuery& q);

}  // namespace arkiv::index
